package cn.smartfactory.lending.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.customer.CustomerRegister;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.monitoring.LoanRegister;
import cn.smartfactory.lending.platform.BankClock;

/**
 * The lists the bank generates (chain leads on the demo data, renewals), the checks of a list against
 * the register (a live campaign, an open application, an active loan, do not contact), lists as
 * people in China save them (xlsx, GBK CSV), and the customer's contact wishes over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketingListsApiTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private CustomerRegister customers;
    @Autowired
    private LoanRegister loans;
    @Autowired
    private MarketingStore store;

    static String id(String seventeen) {
        return seventeen + CustomerKey.residentCheck(seventeen);
    }

    @Test
    void chainLeadsComeFromTheInvestigationsOfDisbursedDemoLoans() {
        ResponseEntity<String> chain = rest.withBasicAuth("mkt1", "demo").getForEntity("/api/marketing-lists/chain", String.class);
        assertThat(chain.getStatusCode()).isEqualTo(HttpStatus.OK);
        // The demo's disbursed retail loan recorded its suppliers in the investigation.
        assertThat(chain.getBody()).startsWith("\uFEFFname,phone,idNumber,industry,region,businessType,address,note")
                .contains("\"Regional FMCG wholesaler 区域批发商\",,,\"RETAIL_STORE\"", "主要供应商,占比40%");
        for (String user : List.of("am1", "ops1", "risk1")) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/marketing-lists/chain", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void aRenewalCampaignImportsTheGoodPayersAndKeepsEachWithItsAccountManager() {
        String key = id("51010419800101001");
        customers.applicationOpened(CustomerKey.parse(key).orElseThrow(), "续贷客户 Renewal customer", "CATERING", "APP-RENEW-1");
        customers.applicationClosed("APP-RENEW-1", "DISBURSED");
        loans.register(new LoanRecord("LN-APP-RENEW-1", "APP-RENEW-1", "pi-renew-1", "续贷客户 Renewal customer", "CATERING",
                "CREDIT", "NONE", "A", 90, new BigDecimal("100000"), new BigDecimal("100000"), 12, BankClock.today().minusMonths(12),
                BankClock.today(), BigDecimal.ZERO, 0, "NORMAL", "T1", "am2", "inv1", "apr1", "ACTIVE"));
        loans.close("LN-APP-RENEW-1", "REPAID", BankClock.today());

        JsonNode renewals = rest.withBasicAuth("mkt1", "demo").getForEntity("/api/marketing-lists/renewals", JsonNode.class).getBody();
        List<String> names = new ArrayList<>();
        renewals.forEach(r -> names.add(r.get("idNumber").asText() + ":" + r.get("accountManager").asText()));
        assertThat(names).contains(key + ":am2");
        assertThat(rest.withBasicAuth("am1", "demo").getForEntity("/api/marketing-lists/renewals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        LinkedMultiValueMap<String, Object> form = MarketingApiTest.formFor("续贷营销 Renewals", "RENEWAL");
        ResponseEntity<JsonNode> created = post("mkt1", "/api/campaigns", form);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String campaignId = created.getBody().get("campaignId").asText();
        Lead lead = store.customersOfCampaign(campaignId).keySet().stream().filter(key::equals).findFirst()
                .map(k -> leadOf(campaignId, k)).orElseThrow();
        assertThat(lead.accountManager()).as("the renewal stays with the loan's account manager, though am2's region differs")
                .isEqualTo("am2");
        assertThat(lead.relationNote()).contains("LN-APP-RENEW-1");
    }

    @Test
    void aListIsCheckedAgainstTheRegisterAndReadAsXlsxOrGbk() throws Exception {
        // Someone with an open application, someone with an active loan, someone who asked not to be contacted.
        String open = id("51010419800202001");
        String active = id("51010419800202002");
        String refused = id("51010419800202003");
        customers.applicationOpened(CustomerKey.parse(open).orElseThrow(), "在办 Open", "CATERING", "APP-LIST-OPEN");
        customers.applicationOpened(CustomerKey.parse(active).orElseThrow(), "在贷 Active", "CATERING", "APP-LIST-ACTIVE");
        customers.applicationClosed("APP-LIST-ACTIVE", "DISBURSED");
        loans.register(new LoanRecord("LN-APP-LIST-ACTIVE", "APP-LIST-ACTIVE", "pi-list-active", "在贷 Active", "CATERING",
                "CREDIT", "NONE", "A", 90, new BigDecimal("100000"), new BigDecimal("100000"), 12, BankClock.today(),
                BankClock.today().plusMonths(12), new BigDecimal("100000"), 0, "NORMAL", "T1", "am1", "inv1", "apr1", "ACTIVE"));
        customers.applicationOpened(CustomerKey.parse(refused).orElseThrow(), "拒绝 Refused", "CATERING", "APP-LIST-DNC");
        customers.applicationClosed("APP-LIST-DNC", "DECLINED");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth("ops1", "demo").exchange("/api/customers/" + refused + "/contact-preferences", HttpMethod.PUT,
                new HttpEntity<>(Map.of("doNotContact", true, "consent", "WITHDRAWN"), json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(customers.find(refused).orElseThrow().mayBeContacted()).isTrue();
        assertThat(rest.withBasicAuth("am1", "demo").exchange("/api/customers/" + refused + "/contact-preferences", HttpMethod.PUT,
                new HttpEntity<>(Map.of("doNotContact", true, "consent", "WITHDRAWN"), json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(customers.find(refused).orElseThrow().mayBeContacted()).isFalse();

        // The first campaign takes a customer; a second live campaign may not contact them at the same time.
        String first = post("mkt1", "/api/campaigns", MarketingApiTest.formWithFile("先到 First",
                csv(List.<String[]>of(new String[] {"甲", "13733330001", id("51010419800202004"), "餐饮", "城关镇", "", "长\n地址, 带逗号"})),
                "first.csv")).getBody().get("campaignId").asText();

        XSSFWorkbook wb = new XSSFWorkbook();
        var sheet = wb.createSheet("名单");
        String[][] rows = {{"姓名", "手机号", "证件号码", "行业", "区域"},
                {"乙", "13733330002", open, "CATERING", "CHENGGUAN"},
                {"丙", "13733330003", active, "CATERING", "CHENGGUAN"},
                {"丁", "13733330004", refused, "CATERING", "CHENGGUAN"},
                {"戊", "13733330005", id("51010419800202004"), "CATERING", "CHENGGUAN"},
                {"己", "13733330006", id("51010419800202006"), "CATERING", "CHENGGUAN"}};
        for (int r = 0; r < rows.length; r++) {
            var row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        wb.write(xlsx);
        wb.close();
        ResponseEntity<JsonNode> second = post("mkt1", "/api/campaigns", MarketingApiTest.formWithFile("后到 Second", xlsx.toByteArray(),
                "名单.xlsx"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode list = second.getBody().get("list");
        List<String> rejected = new ArrayList<>();
        list.get("rejected").forEach(r -> rejected.add(r.get("row").asInt() + ":" + r.get("rule").asText()));
        assertThat(rejected).containsExactly("2:OPEN_APPLICATION", "4:DO_NOT_CONTACT", "5:IN_LIVE_CAMPAIGN");
        assertThat(list.get("rejected").get(2).get("messageZh").asText()).contains("正由营销活动" + first + "跟进");
        assertThat(list.get("flagged").toString()).contains("\"row\":3", "ACTIVE_LOAN");
        assertThat(list.get("imported").asInt()).isEqualTo(2);

        // GBK, as Excel saves CSV on Chinese Windows; the quoted address kept its comma and line break.
        byte[] gbk = ("name,phone,idNumber,industry,region,businessType,address\n庚,13733330007," + id("51010419800202007")
                + ",餐饮,城关镇,个体工商户,城关镇一号\n").getBytes(Charset.forName("GBK"));
        ResponseEntity<JsonNode> fromGbk = post("mkt1", "/api/campaigns/" + first + "/leads", MarketingApiTest.fileOnly(gbk, "名单.csv"));
        assertThat(fromGbk.getBody().get("imported").asInt()).isEqualTo(1);
        assertThat(customers.find(id("51010419800202007")).orElseThrow().name()).isEqualTo("庚");
        assertThat(customers.find(id("51010419800202004")).orElseThrow().address()).isEqualTo("长\n地址, 带逗号");
    }

    private Lead leadOf(String campaignId, String key) {
        return store.lead(store.leadIdOf(campaignId, key)).orElseThrow();
    }

    static byte[] csv(List<String[]> rows) {
        StringBuilder s = new StringBuilder("\uFEFFname,phone,idNumber,industry,region,businessType,address\n");
        for (String[] r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : r) {
                cells.add("\"" + c.replace("\"", "\"\"") + "\"");
            }
            s.append(String.join(",", cells)).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> post(String user, String path, LinkedMultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    static ByteArrayResource named(byte[] content, String fileName) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }
}

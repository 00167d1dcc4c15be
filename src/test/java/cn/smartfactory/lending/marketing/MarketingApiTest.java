package cn.smartfactory.lending.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.customer.CustomerRegister;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.RestVariables;

/**
 * The marketing station over HTTP as its users reach it: mkt1 plans a campaign with a name list,
 * account managers work their own leads through the engine's REST API, and every other role is
 * refused with nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketingApiTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ManagementService management;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private CustomerRegister customers;
    @Autowired
    private MarketingStore store;

    static final String HEADER = "name,phone,idNumber,industry,region,businessType,address,note\n";

    /** A valid resident ID from 17 digits (the check character computed). */
    static String id(String seventeen) {
        return seventeen + CustomerKey.residentCheck(seventeen);
    }

    @Test
    void marketingOperationsPlanACampaignAndEachAccountManagerWorksOnlyTheirOwnLeads() throws Exception {
        String csv = HEADER
                + "钱一,13711110001," + id("33010619900101101") + ",RETAIL_STORE,城关镇,个体工商户,城关镇一号,\n"          // 2 → am1
                + "钱二,137-1111-0002," + id("33010619900101102") + ",零售门店,CHENGGUAN,,,\"备注, 含逗号\"\n"            // 3 → am1
                + "钱三,+8613711110003," + id("33010619900101103") + ",LOGISTICS,清水镇,个体工商户,,\n"                   // 4 → am2
                + ",13711110004," + id("33010619900101104") + ",LOGISTICS,清水镇,,,\n"                                     // 5 no name
                + "钱五,12345," + id("33010619900101105") + ",LOGISTICS,清水镇,,,\n"                                       // 6 bad phone
                + "钱六,13711110006,330106199001011060,LOGISTICS,清水镇,,,\n"                                           // 7 bad check
                + "钱七,13711110007," + id("33010619900101107") + ",MINING,清水镇,,,\n"                                    // 8 industry
                + "钱八,13711110008," + id("33010619900101108") + ",LOGISTICS,火星,,,\n"                                   // 9 region
                + "钱九,13711110009," + id("33010619900101101") + ",LOGISTICS,清水镇,,,\n"                                 // 10 dup of 2
                + "钱十,," + id("33010619900101110") + ",LOGISTICS,清水镇,,,\n"                                            // 11 no contact
                + "钱十一,," + id("33010619900101111") + ",AGRICULTURE,清水镇,农户,清水镇北村,\n";                         // 12 no phone: flagged
        ResponseEntity<JsonNode> created = createCampaign("mkt1", "API 春季营销", csv.getBytes(StandardCharsets.UTF_8), "名单.csv");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String campaignId = created.getBody().get("campaignId").asText();
        assertThat(campaignId).startsWith("CMP-");
        JsonNode list = created.getBody().get("list");
        assertThat(list.get("imported").asInt()).isEqualTo(4);
        List<String> refused = new ArrayList<>();
        list.get("rejected").forEach(r -> refused.add(r.get("row").asInt() + ":" + r.get("column").asText() + ":" + r.get("rule").asText()));
        assertThat(refused).containsExactly("5:name:REQUIRED", "6:phone:PHONE_FORMAT", "7:idNumber:ID_FORMAT",
                "8:industry:UNKNOWN_INDUSTRY", "9:region:UNKNOWN_REGION", "10:idNumber:DUPLICATE_IN_LIST",
                "11:phone:NO_CONTACT");
        assertThat(list.at("/rejected/1/messageZh").asText()).isEqualTo("第6行:“手机号”应为11位手机号或带区号的固定电话(当前为 12345)。");
        assertThat(list.at("/rejected/1/message").asText()).isEqualTo("Row 6: \"Phone\" must be an 11-digit mobile number or a "
                + "landline with its area code (was 12345).");
        assertThat(list.get("flagged").toString()).contains("\"row\":12", "NO_PHONE");
        assertThat(customers.find(id("33010619900101102")).orElseThrow().phone()).as("phone normalised").isEqualTo("13711110002");

        // The same file again adds nothing.
        ResponseEntity<JsonNode> again = addList("mkt1", campaignId, csv.getBytes(StandardCharsets.UTF_8), "名单.csv");
        assertThat(again.getBody().get("duplicateFile").asBoolean()).isTrue();
        assertThat(leadCount(campaignId)).isEqualTo(4);

        // The outreach tasks are created by the campaign's job, each in its account manager's inbox only.
        runJobs(campaignId);
        assertThat(outreachTasks("am1", campaignId)).hasSize(2);
        assertThat(outreachTasks("am2", campaignId)).hasSize(2);
        assertThat(outreachTasks("ops1", campaignId)).as("other roles see no lead").isEmpty();
        assertThat(outreachTasks("mkt1", campaignId)).as("marketing operations follow every lead").hasSize(4);

        // am2 may not work am1's lead; nothing of it is recorded.
        JsonNode am1Task = outreachTasks("am1", campaignId).get(0);
        String taskId = am1Task.get("id").asText();
        long leadId = leadOf(taskId);
        ResponseEntity<String> stolen = complete("am2", taskId, Map.of("contactChannel", "PHONE", "reached", "NO"));
        assertThat(stolen.getStatusCode().is4xxClientError()).isTrue();
        assertThat(store.contacts(leadId)).isEmpty();

        // am1 reaches the customer, who wants to apply: the application starts under its own form's rules.
        Map<String, Object> apply = new LinkedHashMap<>();
        apply.put("contactChannel", "VISIT");
        apply.put("reached", "YES");
        apply.put("consent", "GRANTED");
        apply.put("interest", "WANTS_TO_APPLY");
        apply.put("objection", "担心利率 Worried about the rate");
        apply.put("objectionHandling", "说明续贷优惠 Explained the renewal discount");
        apply.put("customerName", store.lead(leadId).orElseThrow().name());
        apply.put("customerIdNumber", store.lead(leadId).orElseThrow().customerKey());
        apply.put("applicantAge", 40);
        apply.put("product", "CREDIT");
        apply.put("amount", 200000);
        apply.put("termMonths", 24);
        apply.put("purpose", "备货 stock");
        apply.put("guaranteeType", "NONE");
        apply.put("repaymentStructure", "EQUAL_INSTALMENT");
        apply.put("drawdownMonth", "2026-12");
        Map<String, Object> withoutAge = new LinkedHashMap<>(apply);
        withoutAge.remove("applicantAge");
        ResponseEntity<String> incomplete = complete("am1", taskId, withoutAge);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody()).contains("“年龄”为必填项");
        assertThat(store.contacts(leadId)).as("a refused submission records nothing").isEmpty();
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        ResponseEntity<String> submitted = complete("am1", taskId, apply);
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as("%s", submitted.getBody()).isTrue();
        Lead applied = store.lead(leadId).orElseThrow();
        assertThat(applied.status()).isEqualTo(Lead.APPLIED);
        assertThat(applied.applicationId()).startsWith("APP-");
        var application = runtime.createProcessInstanceQuery().processDefinitionKey("loan-origination")
                .processInstanceBusinessKey(applied.applicationId()).singleResult();
        assertThat(application).isNotNull();
        assertThat(runtime.getVariable(application.getId(), "leadSource")).isEqualTo("CAMPAIGN_LIST");
        assertThat(runtime.getVariable(application.getId(), "campaignId")).isEqualTo(campaignId);
        assertThat(runtime.getVariable(application.getId(), "accountManager")).isEqualTo("am1");
        assertThat(customers.engagements()).containsEntry(applied.customerKey(), CustomerRegister.Engagement.OPEN_APPLICATION);
        assertThat(customers.find(applied.customerKey()).orElseThrow().consent()).isEqualTo("GRANTED");

        // The second customer applies too but is outside the age range: the real line declines at its pre-screen,
        // the application ends at once, and the lead records the outcome.
        String secondTask = outreachTasks("am1", campaignId).stream().map(t -> t.get("id").asText()).filter(t -> !t.equals(taskId))
                .findFirst().orElseThrow();
        long secondLead = leadOf(secondTask);
        Map<String, Object> tooOld = new LinkedHashMap<>(apply);
        tooOld.put("customerName", store.lead(secondLead).orElseThrow().name());
        tooOld.put("customerIdNumber", store.lead(secondLead).orElseThrow().customerKey());
        tooOld.put("applicantAge", 70);
        assertThat(complete("am1", secondTask, tooOld).getStatusCode().is2xxSuccessful()).isTrue();
        Lead declined = store.lead(secondLead).orElseThrow();
        assertThat(declined.status()).isEqualTo(Lead.DECLINED);
        assertThat(declined.applicationId()).startsWith("APP-");
        assertThat(customers.engagements()).doesNotContainKey(declined.customerKey());
        assertThat(customers.applications(declined.customerKey())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("OUTCOME", "DECLINED"));

        // Figures: the campaign's line for marketing operations, only their own line for an account manager.
        JsonNode figures = rest.withBasicAuth("mkt1", "demo").getForEntity("/api/campaigns/" + campaignId, JsonNode.class).getBody();
        assertThat(figures.at("/figures/leads").asInt()).isEqualTo(4);
        assertThat(figures.at("/figures/contacted").asInt()).isEqualTo(2);
        assertThat(figures.at("/figures/reached").asInt()).isEqualTo(2);
        assertThat(figures.at("/figures/applications").asInt()).isEqualTo(2);
        assertThat(figures.at("/figures/coverage").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(figures.get("byAccountManager")).hasSize(2);
        JsonNode am1Figures = rest.withBasicAuth("am1", "demo").getForEntity("/api/campaigns/" + campaignId, JsonNode.class).getBody();
        assertThat(am1Figures.get("byAccountManager")).hasSize(1);
        assertThat(am1Figures.at("/byAccountManager/0/group").asText()).isEqualTo("am1");
        assertThat(am1Figures.at("/byAccountManager/0/points").asInt()).as("per lead: contact 1 + reach 2 + application 5").isEqualTo(16);
        assertThat(rest.withBasicAuth("ops1", "demo").getForEntity("/api/campaigns/" + campaignId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Exports: whole numbers for marketing operations, own leads for am2, masked for risk managers, none for others.
        assertThat(exportedPhones("mkt1", campaignId)).contains("13711110001", "13711110003");
        assertThat(exportedPhones("am2", campaignId)).containsExactlyInAnyOrder("13711110003", "");
        assertThat(exportedPhones("risk1", campaignId)).contains("137****0001").doesNotContain("13711110001");
        assertThat(rest.withBasicAuth("ops1", "demo").getForEntity("/api/campaigns/" + campaignId + "/export", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyMarketingOperationsCreateCampaignsAddListsAndReassignLeads() {
        int campaigns = campaignCount();
        byte[] list = (HEADER + "孙一,13722220001," + id("33010619900202201") + ",LOGISTICS,清水镇,,,\n").getBytes(StandardCharsets.UTF_8);
        for (String user : List.of("am1", "ops1", "risk1", "mgr1", "apr1")) {
            assertThat(createCampaign(user, "不该建立 Should not exist", list, "x.csv").getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.postForEntity("/api/campaigns", null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(campaignCount()).isEqualTo(campaigns);

        String campaignId = createCampaign("mkt1", "改派测试 Reassignment", list, "one.csv").getBody().get("campaignId").asText();
        byte[] more = (HEADER + "孙二,13722220002," + id("33010619900202202") + ",LOGISTICS,清水镇,,,\n").getBytes(StandardCharsets.UTF_8);
        assertThat(addList("am1", campaignId, more, "more.csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(leadCount(campaignId)).isEqualTo(1);
        ResponseEntity<JsonNode> added = addList("mkt1", campaignId, more, "more.csv");
        assertThat(added.getBody().get("imported").asInt()).isEqualTo(1);
        runJobs(campaignId);
        assertThat(outreachTasks("am2", campaignId)).hasSize(2);

        JsonNode task = outreachTasks("am2", campaignId).get(0);
        long leadId = leadOf(task.get("id").asText());
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> byAm = rest.withBasicAuth("am2", "demo").exchange("/api/leads/" + leadId + "/account-manager",
                HttpMethod.PUT, new HttpEntity<>(Map.of("accountManager", "am1"), json), String.class);
        assertThat(byAm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(task.get("id").asText()).singleResult().getAssignee()).isEqualTo("am2");
        ResponseEntity<String> toNobody = rest.withBasicAuth("mkt1", "demo").exchange("/api/leads/" + leadId + "/account-manager",
                HttpMethod.PUT, new HttpEntity<>(Map.of("accountManager", "inv1"), json), String.class);
        assertThat(toNobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(toNobody.getBody()).contains("客户经理 Account manager");
        ResponseEntity<String> moved = rest.withBasicAuth("mkt1", "demo").exchange("/api/leads/" + leadId + "/account-manager",
                HttpMethod.PUT, new HttpEntity<>(Map.of("accountManager", "am1"), json), String.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.createTaskQuery().taskId(task.get("id").asText()).singleResult().getAssignee()).isEqualTo("am1");
        assertThat(store.lead(leadId).orElseThrow().accountManager()).isEqualTo("am1");
        assertThat(outreachTasks("am2", campaignId)).hasSize(1);
        assertThat(rest.withBasicAuth("am2", "demo").getForEntity("/api/leads/" + leadId, String.class).getStatusCode())
                .as("the lead left am2").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("am1", "demo").getForEntity("/api/leads/" + leadId, JsonNode.class).getBody()
                .get("phone").asText()).isEqualTo("13722220001".equals(store.lead(leadId).orElseThrow().phone()) ? "13722220001" : "13722220002");
        assertThat(rest.withBasicAuth("risk1", "demo").getForEntity("/api/leads/" + leadId, JsonNode.class).getBody()
                .get("phone").asText()).contains("****");
    }

    @Test
    void anEmptyListOrAFileThatIsNotAListIsRefusedWholeAndNoCampaignIsCreated() {
        int campaigns = campaignCount();
        ResponseEntity<JsonNode> empty = createCampaign("mkt1", "空名单 Empty", HEADER.getBytes(StandardCharsets.UTF_8), "empty.csv");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("message").asText()).contains("名单只有表头", "no names");
        ResponseEntity<JsonNode> notAList = createCampaign("mkt1", "不是名单 Not a list",
                "loan_number,days_overdue\nLN-1,3\n".getBytes(StandardCharsets.UTF_8), "overdue.csv");
        assertThat(notAList.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAList.getBody().get("message").asText()).contains("这不是营销名单", "name,phone,idNumber,industry,region");
        assertThat(campaignCount()).isEqualTo(campaigns);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("marketing-campaign").variableValueEquals(
                "campaignName", "空名单 Empty").count()).isZero();

        // A form rule of the start form: the end date before the start date names the field.
        LinkedMultiValueMap<String, Object> body = form("倒置日期 Dates reversed");
        body.set("endDate", BankClock.today().plusDays(1).toString());
        body.set("startDate", BankClock.today().plusDays(5).toString());
        ResponseEntity<JsonNode> reversed = post("mkt1", "/api/campaigns", body);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().get("message").asText()).contains("“结束日期”不得早于开始日期");
        assertThat(campaignCount()).isEqualTo(campaigns);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private ResponseEntity<JsonNode> createCampaign(String user, String name, byte[] file, String fileName) {
        LinkedMultiValueMap<String, Object> body = form(name);
        body.add("file", resource(file, fileName));
        return post(user, "/api/campaigns", body);
    }

    static LinkedMultiValueMap<String, Object> formFor(String name, String listSource) {
        LinkedMultiValueMap<String, Object> body = form(name);
        body.add("listSource", listSource);
        return body;
    }

    static LinkedMultiValueMap<String, Object> formWithFile(String name, byte[] file, String fileName) {
        LinkedMultiValueMap<String, Object> body = form(name);
        body.add("file", resource(file, fileName));
        return body;
    }

    static LinkedMultiValueMap<String, Object> fileOnly(byte[] file, String fileName) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", resource(file, fileName));
        return body;
    }

    static LinkedMultiValueMap<String, Object> form(String name) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("name", name);
        body.add("objective", "测试目标 Test objective");
        body.add("targetSegment", "城关镇、清水镇商户 Businesses of two towns");
        body.add("strategy", "GENERAL");
        body.add("channel", "PHONE");
        body.add("startDate", BankClock.today().toString());
        body.add("endDate", BankClock.today().plusDays(30).toString());
        body.add("conversionTarget", "2");
        body.add("maxAttempts", "3");
        return body;
    }

    private ResponseEntity<JsonNode> addList(String user, String campaignId, byte[] file, String fileName) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", resource(file, fileName));
        return post(user, "/api/campaigns/" + campaignId + "/leads", body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, LinkedMultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static ByteArrayResource resource(byte[] content, String fileName) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> values) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                new HttpEntity<>(RestVariables.variables(values), headers), String.class);
    }

    /** The outreach tasks of a campaign a user can see through the engine's REST API. */
    private List<JsonNode> outreachTasks(String user, String campaignId) {
        JsonNode all = rest.withBasicAuth(user, "demo").getForEntity(
                "/engine-rest/task?processDefinitionKey=marketing-lead&processVariables=campaignId_eq_" + campaignId,
                JsonNode.class).getBody();
        List<JsonNode> found = new ArrayList<>();
        if (all != null && all.isArray()) {
            all.forEach(found::add);
        }
        return found;
    }

    private long leadOf(String taskId) {
        return ((Number) tasks.getVariable(taskId, "leadId")).longValue();
    }

    /** Runs the campaign's due jobs (the test engine has no job executor) until none is left. */
    private void runJobs(String campaignId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("marketing-campaign")
                .processInstanceBusinessKey(campaignId).singleResult().getId();
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    private List<String> exportedPhones(String user, String campaignId) throws Exception {
        ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo").getForEntity("/api/campaigns/" + campaignId + "/export",
                byte[].class);
        assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        List<String> phones = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet leads = wb.getSheet("线索 Leads");
            assertThat(leads.getRow(0).getCell(3).getStringCellValue()).isEqualTo("电话 Phone");
            for (int r = 1; r <= leads.getLastRowNum(); r++) {
                phones.add(leads.getRow(r).getCell(3).getStringCellValue());
            }
        }
        return phones;
    }

    private int leadCount(String campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_lead WHERE campaign_id = :id").param("id", campaignId)
                .query(Integer.class).single();
    }

    private int campaignCount() {
        return jdbc.sql("SELECT COUNT(*) FROM campaign").query(Integer.class).single();
    }
}

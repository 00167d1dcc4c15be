package cn.smartfactory.lending.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.platform.BankClock;

/**
 * Targets imported all or nothing, a month computed and computed again (both versions kept), read by
 * managers and risk managers and exported; everyone else refused with nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficerEvaluationApiTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private JdbcClient jdbc;

    private final YearMonth lastMonth = YearMonth.from(BankClock.today()).minusMonths(1);

    @Test
    void targetsAreImportedWholeOrNotAtAll() {
        long before = targets();
        ResponseEntity<JsonNode> bad = upload("mgr1", "月份,客户经理,新增客户目标,新增余额目标\n" + lastMonth + ",am1,3,500000\n"
                + "2026-13,am1,3,500000\n" + lastMonth + ",inv1,2,100000\n" + lastMonth + ",am2,-1,100000\n" + lastMonth.minusMonths(1) + ",am2,1,12.345\n");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("rejected")).extracting(r -> r.get("row").asInt() + " " + r.get("column").asText())
                .containsExactly("3 月份 month", "4 客户经理 officer", "5 新增客户目标 newCustomers", "6 新增余额目标 newBalance");
        assertThat(targets()).as("nothing of a file with a bad row").isEqualTo(before);

        for (String user : List.of("am1", "risk1", "ops1")) {
            assertThat(upload(user, "month,officer,newCustomers,newBalance\n" + lastMonth + ",am1,3,500000\n").getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(targets()).isEqualTo(before);

        ResponseEntity<JsonNode> ok = upload("mgr1", "month,officer,newCustomers,newBalance\n" + lastMonth + ",am1,3,500000\n"
                + lastMonth + ",am2,2,300000.50\n");
        assertThat(ok.getStatusCode()).as("%s", ok.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody().get("imported").asInt()).isEqualTo(2);
        assertThat(upload("mgr1", "not,a,plan\n1,2,3\n").getBody().get("message").asText()).startsWith("第一行须为表头");
    }

    @Test
    void aMonthIsComputedKeptAsComputedAndReadByManagersAndRiskManagers() throws java.io.IOException {
        upload("mgr1", "month,officer,newCustomers,newBalance\n" + lastMonth + ",am1,3,500000\n");
        for (String user : List.of("am1", "risk1", "apr1")) {
            assertThat(post(user, "/api/officer-evaluations?month=" + lastMonth).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(post("mgr1", "/api/officer-evaluations?month=" + YearMonth.from(BankClock.today())).getBody().get("message").asText())
                .startsWith("月份 month 须为已结束的月份");
        ResponseEntity<JsonNode> first = post("mgr1", "/api/officer-evaluations?month=" + lastMonth);
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode am1 = find(first.getBody().get("evaluations"), "am1");
        assertThat(am1.get("newBalanceTarget").decimalValue()).isEqualByComparingTo("500000");
        assertThat(am1.get("level").asText()).isIn("JUNIOR", "INTERMEDIATE", "SENIOR", "WATCH");
        assertThat(am1.get("levelName").asText()).matches("\\p{IsHan}+ [A-Z][a-z]+");
        int version = am1.get("version").asInt();
        // The approvers are evaluated with them (分层授权): every demo approver, with a level from the approver table.
        JsonNode apr1 = first.getBody().get("approvers").findParents("approver").stream()
                .filter(a -> a.get("approver").asText().equals("apr1")).findFirst().orElseThrow();
        assertThat(apr1.get("level").asText()).isIn("UNRATED", "JUNIOR", "INTERMEDIATE", "SENIOR", "WATCH");
        assertThat(apr1.get("levelName").asText()).matches("\\p{IsHan}+ [A-Z][a-z]+");
        assertThat(apr1.get("version").asInt()).isPositive();

        // Computed again: a new version; the earlier one can still be read as it was.
        assertThat(post("mgr1", "/api/officer-evaluations?month=" + lastMonth).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode latest = get("risk1", "/api/officer-evaluations?month=" + lastMonth).getBody();
        assertThat(find(latest.get("evaluations"), "am1").get("version").asInt()).isEqualTo(version + 1);
        assertThat(latest.get("monthsEvaluated").toString()).contains(lastMonth.toString());
        JsonNode earlier = get("mgr1", "/api/officer-evaluations?month=" + lastMonth + "&version=" + version).getBody();
        assertThat(find(earlier.get("evaluations"), "am1").get("version").asInt()).isEqualTo(version);

        for (String user : List.of("am1", "inv1", "mkt1")) {
            assertThat(get(user, "/api/officer-evaluations?month=" + lastMonth).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("mgr1", "demo").getForEntity("/api/officer-evaluations/export?month=" + lastMonth,
                byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getBody()).startsWith('P', 'K');
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("客户经理分级 " + lastMonth);
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("审批人分级 " + lastMonth);
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("审批人 Approver");
            assertThat(workbook.getSheetAt(1).getLastRowNum()).as("one row per demo approver").isGreaterThanOrEqualTo(3);
        }
        assertThat(get("mgr1", "/api/officer-evaluations?month=11-2026").getBody().get("message").asText()).startsWith("月份 month");
    }

    private long targets() {
        return jdbc.sql("SELECT COUNT(*) FROM officer_target").query(Long.class).single();
    }

    private static JsonNode find(JsonNode evaluations, String officer) {
        for (JsonNode e : evaluations) {
            if (e.get("officer").asText().equals(officer)) {
                return e;
            }
        }
        throw new AssertionError(officer + " not evaluated: " + evaluations);
    }

    private ResponseEntity<JsonNode> upload(String user, String csv) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "targets.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(user, "demo");
        return rest.postForEntity("/api/officer-targets", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return rest.postForEntity(path, new HttpEntity<>(null, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}

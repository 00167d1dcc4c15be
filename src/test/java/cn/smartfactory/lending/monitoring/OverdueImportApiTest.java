package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

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
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Central operations upload the overdue list; the loan register in the database changes accordingly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverdueImportApiTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private LoanRegister register;
    @Autowired
    private LoanMonitoring monitoring;
    @Autowired
    private org.camunda.bpm.engine.TaskService taskService;

    @Test
    void centralOperationsImportTheListAndOthersMayNot() {
        monitoring.handOver(OverdueImportTest.loan("LN-API-1", "A", "NORMAL"));
        String csv = "loan_number,days_overdue,outstanding_balance,as_of_date\nLN-API-1,95,64000,2026-11-22\n"
                + "LN-API-404,1,1,2026-11-22\n";

        assertThat(upload("am1", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(register.find("LN-API-1").orElseThrow().daysOverdue()).isZero();

        ResponseEntity<JsonNode> response = upload("ops1", csv);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("imported").asInt()).isEqualTo(1);
        assertThat(response.getBody().at("/rejected/0/row").asInt()).isEqualTo(3);
        LoanRecord loan = register.find("LN-API-1").orElseThrow();
        assertThat(loan.daysOverdue()).isEqualTo(95);
        assertThat(loan.classification()).isEqualTo("SUBSTANDARD");
        assertThat(loan.tier()).isEqualTo("T3");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("LN-API-1").list())
                .as("95 days overdue: collection starts and the account manager gets the overdue warning")
                .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("Task_SendPaymentReminder", "Task_HandleWarning");
    }

    @Test
    void managersDownloadThePortfolioAndAccountManagersMayNot() throws Exception {
        register.register(OverdueImportTest.loan("LN-API-EXPORT", "B", "NORMAL"));
        assertThat(rest.withBasicAuth("am1", "demo").getForEntity("/api/portfolio-export", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<byte[]> response = rest.withBasicAuth("mgr1", "demo").getForEntity("/api/portfolio-export", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.getBody()))) {
            boolean found = false;
            for (var row : wb.getSheetAt(0)) {
                found |= "LN-API-EXPORT".equals(row.getCell(0).getStringCellValue());
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void fileWithoutTheHeaderIsABadRequest() {
        ResponseEntity<JsonNode> response = upload("ops2", "LN-1,3,1000,2026-11-22\n");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").asText()).contains("loan_number,days_overdue");
    }

    /** A GBK list, as Excel saves "CSV" on Chinese Windows, with a quoted field; then a workbook that is a zip bomb. */
    @Test
    void aGbkListIsReadAndACompressedBombIsRefusedWhole() throws Exception {
        monitoring.handOver(OverdueImportTest.loan("LN-API-GBK", "A", "NORMAL"));
        String csv = "loan_number,days_overdue,outstanding_balance,as_of_date\n\"LN-API-GBK\",12,\"64000\",2026-11-22\n";

        ResponseEntity<JsonNode> gbk = upload("ops1", csv.getBytes(java.nio.charset.Charset.forName("GBK")), "逾期清单.csv");
        assertThat(gbk.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(gbk.getBody().get("imported").asInt()).isEqualTo(1);
        assertThat(register.find("LN-API-GBK").orElseThrow().daysOverdue()).isEqualTo(12);

        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[20 * 1024 * 1024]);
        }
        ResponseEntity<JsonNode> refused = upload("ops1", bomb.toByteArray(), "overdue.xlsx");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("不是可读取的 xlsx 工作簿");
        assertThat(register.find("LN-API-GBK").orElseThrow().daysOverdue()).isEqualTo(12);
    }

    private ResponseEntity<JsonNode> upload(String user, String csv) {
        return upload(user, csv.getBytes(StandardCharsets.UTF_8), "overdue-2026-11-22.csv");
    }

    private ResponseEntity<JsonNode> upload(String user, byte[] content, String fileName) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/overdue-imports", new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}

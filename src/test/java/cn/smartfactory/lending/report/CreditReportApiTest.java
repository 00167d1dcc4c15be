package cn.smartfactory.lending.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.smartfactory.lending.scoring.WorkedCases;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreditReportApiTest {

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void downloadsTheReportAsAnXlsxAttachment() throws Exception {
        long graded = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("risk-grade").count();
        ResponseEntity<byte[]> response = post(Files.readString(WorkedCases.DIR.resolve("4-light-manufacturing.json")));
        assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("risk-grade").count())
                .as("an assessment asked for through the API is a decision of record").isEqualTo(graded + 1);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString(CreditReport.CONTENT_TYPE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"credit-report-WC-4-MANUFACTURING.xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(8);
            assertThat(wb.getSheetName(0)).isEqualTo(CreditReportGenerator.SHEETS.get(0));
        }
    }

    @Test
    void incompleteInvestigationStillDownloadsAReportListingWhatIsMissing() throws Exception {
        ResponseEntity<byte[]> response = post("{\"applicationId\": \"APP-77\", \"industry\": \"CATERING\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"credit-report-APP-77.xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            StringBuilder summary = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> summary.append(cell.toString()).append('\n')));
            assertThat(summary).contains("Assessment not available", "loan is required", "applicant is required");
        }
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingItsPath() throws Exception {
        String body = java.nio.file.Files.readString(WorkedCases.DIR.resolve("2-catering.json"))
                .replace("\"termMonths\": 36", "\"termMonths\": \"three years\"");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<com.fasterxml.jackson.databind.JsonNode> response = rest.withBasicAuth("apr1", "demo").postForEntity(
                "/api/credit-reports", new HttpEntity<>(body, headers), com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/violations/0/field").asText()).isEqualTo("loan.termMonths");
    }

    @Test
    void requiresCredentials() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.postForEntity("/api/credit-reports", new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<byte[]> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("apr1", "demo").postForEntity("/api/credit-reports", new HttpEntity<>(json, headers),
                byte[].class);
    }
}

package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform starts with the shipped rules and reference data; the API scores and refuses as documented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskAssessmentApiTest {

    @Autowired
    private TestRestTemplate rest;

    @Test
    void scoresAWorkedCase() throws Exception {
        ResponseEntity<JsonNode> response = post(Files.readString(WorkedCases.DIR.resolve("3-retail-store.json")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode a = response.getBody();
        assertThat(a.get("totalScore").asInt()).isEqualTo(94);
        assertThat(a.get("grade").asText()).isEqualTo("A");
        assertThat(a.at("/creditLimit/binding").asText()).isEqualTo("REQUESTED");
        assertThat(a.at("/creditLimit/suggested").decimalValue()).isEqualByComparingTo("100000");
        assertThat(a.get("indicators")).hasSize(22);
        assertThat(a.at("/approvalRoute/route").asText()).isEqualTo("SINGLE_APPROVER");
    }

    @Test
    void refusesImpossibleValuesNamingEachField() throws Exception {
        String body = Files.readString(WorkedCases.DIR.resolve("3-retail-store.json"))
                .replace("\"termMonths\": 24", "\"termMonths\": 0")
                .replace("\"grossMargin\": 0.22", "\"grossMargin\": 1.3");
        ResponseEntity<JsonNode> response = post(body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("error").asText()).isEqualTo("INVALID_INVESTIGATION");
        assertThat(response.getBody().get("violations").findValuesAsText("field"))
                .contains("loan.termMonths", "profitAndLoss.grossMargin");
        assertThat(response.getBody().get("violations").findValuesAsText("rule")).contains("FRACTION", "RANGE");
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingItsPath() throws Exception {
        String body = Files.readString(WorkedCases.DIR.resolve("3-retail-store.json"))
                .replace("\"amount\": 100000", "\"amount\": \"a lot\"");
        ResponseEntity<JsonNode> response = post(body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/violations/0/field").asText()).isEqualTo("loan.amount");
        assertThat(response.getBody().at("/violations/0/rule").asText()).isEqualTo("UNREADABLE");
    }

    private ResponseEntity<JsonNode> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("inv1", "demo").postForEntity("/api/risk-assessments", new HttpEntity<>(json, headers),
                JsonNode.class);
    }
}

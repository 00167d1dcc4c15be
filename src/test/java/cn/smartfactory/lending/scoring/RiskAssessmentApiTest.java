package cn.smartfactory.lending.scoring;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The application starts with the shipped rules and reference data, and the API scores and refuses as documented. */
@SpringBootTest
@AutoConfigureMockMvc
class RiskAssessmentApiTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void scoresAWorkedCase() throws Exception {
        String body = Files.readString(WorkedCases.DIR.resolve("3-retail-store.json"));
        mvc.perform(post("/api/risk-assessments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalScore").value(91))
                .andExpect(jsonPath("$.grade").value("A"))
                .andExpect(jsonPath("$.creditLimit.binding").value("REQUESTED"))
                .andExpect(jsonPath("$.creditLimit.suggested").value(100000))
                .andExpect(jsonPath("$.indicators.length()").value(22))
                .andExpect(jsonPath("$.approvalRoute.route").value("SINGLE_APPROVER"));
    }

    @Test
    void refusesImpossibleValuesNamingEachField() throws Exception {
        String body = Files.readString(WorkedCases.DIR.resolve("3-retail-store.json"))
                .replace("\"termMonths\": 24", "\"termMonths\": 0")
                .replace("\"grossMargin\": 0.22", "\"grossMargin\": 1.3");
        mvc.perform(post("/api/risk-assessments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID_INVESTIGATION"))
                .andExpect(jsonPath("$.violations[*].field", hasItem("loan.termMonths")))
                .andExpect(jsonPath("$.violations[*].field", hasItem("profitAndLoss.grossMargin")))
                .andExpect(jsonPath("$.violations[*].rule", hasItem("FRACTION")));
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingItsPath() throws Exception {
        String body = Files.readString(WorkedCases.DIR.resolve("3-retail-store.json"))
                .replace("\"amount\": 100000", "\"amount\": \"a lot\"");
        mvc.perform(post("/api/risk-assessments").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("loan.amount"))
                .andExpect(jsonPath("$.violations[0].rule").value("UNREADABLE"));
    }
}

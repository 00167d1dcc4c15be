package cn.smartfactory.lending.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.smartfactory.lending.scoring.WorkedCases;

@SpringBootTest
@AutoConfigureMockMvc
class CreditReportApiTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void downloadsTheReportAsAnXlsxAttachment() throws Exception {
        byte[] body = mvc.perform(post("/api/credit-reports").contentType(MediaType.APPLICATION_JSON)
                        .content(Files.readString(WorkedCases.DIR.resolve("4-light-manufacturing.json"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", CreditReport.CONTENT_TYPE))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"credit-report-WC-4-MANUFACTURING.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(7);
            assertThat(wb.getSheetName(0)).isEqualTo(CreditReportGenerator.SHEETS.get(0));
        }
    }

    @Test
    void incompleteInvestigationStillDownloadsAReportListingWhatIsMissing() throws Exception {
        byte[] body = mvc.perform(post("/api/credit-reports").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"applicationId\": \"APP-77\", \"industry\": \"CATERING\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"credit-report-APP-77.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            StringBuilder summary = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> summary.append(cell.toString()).append('\n')));
            assertThat(summary).contains("Assessment not available", "loan is required", "applicant is required");
        }
    }
}

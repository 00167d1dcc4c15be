package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;

class OverdueImportTest {

    static final DecisionRules RULES = StandaloneDecisionRules.fromClasspath(List.of("processes/post-loan-monitoring-rules.dmn"));

    InMemoryLoanRegister register;
    RecordingMonitoringProcess process;
    OverdueImport overdueImport;

    @BeforeEach
    void twoLoans() {
        register = new InMemoryLoanRegister();
        register.register(loan("LN-1", "A", "NORMAL"));
        register.register(loan("LN-2", "B", "SUBSTANDARD"));
        process = new RecordingMonitoringProcess();
        overdueImport = new OverdueImport(register, new LoanMonitoring(register, RULES, new MonitoringTier(RULES),
                IndustryCatalog.fromClasspath(), process));
    }

    @Test
    void goodRowsAreImportedAndEachBadRowIsReportedByItsNumber() {
        String csv = """
                loan_number,days_overdue,outstanding_balance,as_of_date
                LN-1,45,95000.50,2026-11-22
                LN-404,3,1000,2026-11-22
                LN-2,abc,1000,2026-11-22
                LN-2,0,88000,2026-11-22
                LN-2,-1,88000,2026-11-22
                """;
        OverdueImport.Result result = overdueImport.importFile("overdue.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.rejected()).extracting(OverdueImport.RowError::row, OverdueImport.RowError::column)
                .containsExactly(tuple(3, "loan_number"), tuple(4, "days_overdue"), tuple(6, "loan_number"));
        LoanRecord first = register.find("LN-1").orElseThrow();
        assertThat(first.daysOverdue()).isEqualTo(45);
        assertThat(first.outstandingBalance()).isEqualByComparingTo("95000.50");
        assertThat(first.classification()).isEqualTo("SPECIAL_MENTION");
        assertThat(first.tier()).isEqualTo("T3");
        LoanRecord second = register.find("LN-2").orElseThrow();
        assertThat(second.classification()).as("repayment does not upgrade the classification by itself")
                .isEqualTo("SUBSTANDARD");
        assertThat(second.tier()).isEqualTo("T1");
        assertThat(process.calls()).extracting(RecordingMonitoringProcess.Call::kind, RecordingMonitoringProcess.Call::loanNumber)
                .as("a newly overdue loan raises a warning; a known one only updates its process")
                .containsExactly(tuple("warn", "LN-1"), tuple("update", "LN-2"));
        assertThat(process.calls().get(0).variables()).containsEntry("daysOverdue", 45).containsEntry("monitoringTier", "T3")
                .containsEntry("warningType", "OVERDUE_PAYMENT").containsEntry("warningAssignee", "am1");
        assertThat(register.findEvent("overdue-list:LN-1:2026-11-22")).isPresent();
    }

    @Test
    void theSameListImportedTwiceWarnsOnceAndTheTierNeverDropsOnAnImport() {
        String csv = "loan_number,days_overdue,outstanding_balance,as_of_date\nLN-1,45,95000,2026-11-20\n";
        overdueImport.importFile("overdue.csv", csv.getBytes(StandardCharsets.UTF_8));
        overdueImport.importFile("overdue.csv", csv.getBytes(StandardCharsets.UTF_8));
        String cured = "loan_number,days_overdue,outstanding_balance,as_of_date\nLN-1,0,90000,2026-11-21\n";
        overdueImport.importFile("overdue.csv", cured.getBytes(StandardCharsets.UTF_8));
        assertThat(process.calls()).extracting(RecordingMonitoringProcess.Call::kind).containsExactly("warn", "update", "update");
        LoanRecord loan = register.find("LN-1").orElseThrow();
        assertThat(loan.daysOverdue()).isZero();
        assertThat(loan.tier()).as("only a completed check lowers the tier").isEqualTo("T3");
        assertThat(loan.classification()).isEqualTo("SPECIAL_MENTION");
    }

    @Test
    void aZeroBalanceWithNothingOverdueIsRepaymentInFull() {
        String csv = "loan_number,days_overdue,outstanding_balance,as_of_date\nLN-2,0,0,2026-11-20\n";
        OverdueImport.Result result = overdueImport.importFile("overdue.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.imported()).isEqualTo(1);
        assertThat(process.calls()).extracting(RecordingMonitoringProcess.Call::kind).containsExactly("repaid");
    }

    @Test
    void aClosedLoanIsReportedByRowAndTheRestImported() {
        register.close("LN-2", "REPAID", LocalDate.of(2026, 11, 1));
        String csv = "loan_number,days_overdue,outstanding_balance,as_of_date\nLN-2,3,100,2026-11-20\nLN-1,2,100,2026-11-20\n";
        OverdueImport.Result result = overdueImport.importFile("overdue.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.rejected()).extracting(OverdueImport.RowError::row, OverdueImport.RowError::column)
                .containsExactly(tuple(2, "loan_number"));
        assertThat(result.rejected().get(0).message()).contains("closed");
    }

    @Test
    void aRowWithAnInvalidDateChangesNothing() {
        String csv = "loan_number,days_overdue,outstanding_balance,as_of_date\nLN-1,200,1000,22/11/2026\n";
        OverdueImport.Result result = overdueImport.importFile("overdue.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.rejected()).extracting(OverdueImport.RowError::column).containsExactly("as_of_date");
        assertThat(register.find("LN-1").orElseThrow().daysOverdue()).isZero();
    }

    @Test
    void wrongHeaderRefusesTheWholeFile() {
        assertThatThrownBy(() -> overdueImport.importFile("x.csv", "loan,days\nLN-1,3\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("loan_number,days_overdue,outstanding_balance,as_of_date");
    }

    @Test
    void xlsxWithADateCellIsImported() throws Exception {
        byte[] content;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("overdue");
            var header = sheet.createRow(0);
            for (int i = 0; i < OverdueImport.HEADER.size(); i++) {
                header.createCell(i).setCellValue(OverdueImport.HEADER.get(i));
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("LN-1");
            row.createCell(1).setCellValue(120);
            row.createCell(2).setCellValue(70000);
            var date = row.createCell(3);
            date.setCellValue(LocalDate.of(2026, 11, 22));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            date.setCellStyle(style);
            wb.write(out);
            content = out.toByteArray();
        }
        OverdueImport.Result result = overdueImport.importFile("overdue.xlsx", content);
        assertThat(result.rejected()).isEmpty();
        assertThat(register.find("LN-1").orElseThrow().classification()).isEqualTo("SUBSTANDARD");
    }

    static LoanRecord loan(String number, String grade, String classification) {
        return new LoanRecord(number, "APP-" + number, "pi", "Customer", "RETAIL_STORE", "CREDIT", "NONE", grade, 85,
                new BigDecimal("100000"), new BigDecimal("100000"), 24, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1),
                new BigDecimal("100000"), 0, classification, "T1", "am1", "inv1", "apr1", "ACTIVE");
    }
}

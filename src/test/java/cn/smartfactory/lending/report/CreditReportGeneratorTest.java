package cn.smartfactory.lending.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.smartfactory.lending.industry.BenchmarkMetric;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.BenchmarkComparison;
import cn.smartfactory.lending.scoring.IndicatorScore;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/** Reads each worked case's report back and checks figures, recomputed formulas, flags and layout. */
class CreditReportGeneratorTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    static List<String> workedCases() {
        return WorkedCases.names();
    }

    @ParameterizedTest
    @MethodSource("workedCases")
    void reportHasEverySheetNamedAndLaidOutForPrinting(String name) throws Exception {
        try (ReportWorkbook r = ReportWorkbook.of(WorkedCases.load(name), List.of())) {
            assertThat(r.report.fileName()).isEqualTo("credit-report-" + WorkedCases.load(name).applicationId() + ".xlsx");
            assertThat(r.workbook.getNumberOfSheets()).isEqualTo(8);
            for (int i = 0; i < CreditReportGenerator.SHEETS.size(); i++) {
                XSSFSheet sheet = r.sheet(i);
                assertThat(sheet).as(CreditReportGenerator.SHEETS.get(i)).isNotNull();
                assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPaneInformation()).as("frozen header on %s", sheet.getSheetName()).isNotNull();
                assertThat(sheet.getColumnWidth(0)).isGreaterThan(20 * 256);
            }
            assertThat(r.sheet(2).getDrawingPatriarch().getCharts()).hasSize(2);
        }
    }

    /** Sheet 8: the engine's schedule month by month; each payment a live sum of its interest and principal. */
    @ParameterizedTest
    @MethodSource("workedCases")
    void scheduleSheetRecomputesToTheEnginesSchedule(String name) throws Exception {
        InvestigationRecord record = WorkedCases.load(name);
        var schedule = ENGINE.assess(record).schedule();
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            assertThat(r.rowStartingWith(7, "还款方式 Repayment structure").getCell(1).getStringCellValue())
                    .isEqualTo(schedule.structure().label());
            Row first = r.rowStartingWith(7, "期数 No.");
            for (var instalment : schedule.instalments()) {
                Row row = r.sheet(7).getRow(first.getRowNum() + instalment.number());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(instalment.month().toString());
                assertThat(row.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                assertThat(r.number(row.getCell(2))).isCloseTo(instalment.payment().doubleValue(), within(0.001));
                assertThat(r.number(row.getCell(5))).isCloseTo(instalment.balance().doubleValue(), within(0.001));
            }
            Row total = r.rowStartingWith(7, "合计 Total");
            assertThat(r.number(total.getCell(4))).isCloseTo(schedule.principal().doubleValue(), within(0.001));
            assertThat(r.number(total.getCell(3))).isCloseTo(schedule.totalInterest().doubleValue(), within(0.001));
        }
    }

    @ParameterizedTest
    @MethodSource("workedCases")
    void statementFormulasRecomputeToTheEnginesFigures(String name) throws Exception {
        InvestigationRecord record = WorkedCases.load(name);
        RiskAssessment a = ENGINE.assess(record);
        var f = a.financials();
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            assertThat(r.number(r.named("Sales"))).isEqualTo(a.sales().verifiedMonthlySales().doubleValue());
            assertThat(r.named("GrossProfit").getCellFormula()).isEqualTo("Sales-CostOfGoods");
            assertThat(r.number(r.named("GrossProfit"))).isCloseTo(f.grossProfit().doubleValue(), within(0.01));
            assertThat(r.number(r.named("NetProfit"))).isCloseTo(f.netProfit().doubleValue(), within(0.01));
            assertThat(r.number(r.named("DisposableIncome"))).isCloseTo(f.disposableIncome().doubleValue(), within(0.01));
            assertThat(r.number(r.named("NewInstalment"))).isCloseTo(f.newInstalment().doubleValue(), within(0.01));
            assertThat(r.number(r.named("TotalAssets"))).isEqualTo(f.totalAssets().doubleValue());
            assertThat(r.number(r.named("TotalLiabilities"))).isEqualTo(f.totalLiabilities().doubleValue());
            assertThat(r.number(r.named("Equity"))).isEqualTo(f.equity().doubleValue());
            assertThat(r.named("Sales").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @ParameterizedTest
    @MethodSource("workedCases")
    void indicatorSheetRatiosAreLiveFormulasMatchingTheEngine(String name) throws Exception {
        InvestigationRecord record = WorkedCases.load(name);
        RiskAssessment a = ENGINE.assess(record);
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            for (BenchmarkComparison c : a.benchmarks()) {
                Row row = r.rowStartingWith(2, c.metric().nameZh());
                Cell value = row.getCell(2);
                assertThat(value.getCellType()).isEqualTo(CellType.FORMULA);
                assertThat(r.number(value)).as(c.metric().name()).isCloseTo(c.value().doubleValue(), within(0.0001));
                assertThat(r.number(row.getCell(3))).isEqualTo(c.band().low().doubleValue());
                assertThat(r.number(row.getCell(5))).isEqualTo(c.band().high().doubleValue());
                assertThat(r.textOf(row.getCell(6))).startsWith(c.status().name());
                String expectedFormat = c.metric() == BenchmarkMetric.GROSS_MARGIN || c.metric() == BenchmarkMetric.NET_MARGIN
                        ? "0.00%" : "#,##0.00";
                assertThat(value.getCellStyle().getDataFormatString()).isEqualTo(expectedFormat);
            }
            Row dsr = r.rowStartingWith(2, "偿债率");
            assertThat(dsr.getCell(2).getCellFormula()).contains("(ExistingInstalments+ImputedInstalment+NewInstalment)/DisposableIncome");
            assertThat(r.number(dsr.getCell(2))).isCloseTo(a.financials().debtServiceRatio().doubleValue(), within(0.0001));
            Row debt = r.rowStartingWith(2, "资产负债率");
            assertThat(r.number(debt.getCell(2))).isCloseTo(a.financials().debtToAssets().doubleValue(), within(0.0001));
        }
    }

    @ParameterizedTest
    @MethodSource("workedCases")
    void scorecardSheetListsAllIndicatorsWithFormulaSubtotals(String name) throws Exception {
        InvestigationRecord record = WorkedCases.load(name);
        RiskAssessment a = ENGINE.assess(record);
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            for (IndicatorScore s : a.indicators()) {
                Row row = findRow(r, 3, 1, s.indicator().nameZh() + " " + s.indicator().nameEn());
                assertThat(r.number(row.getCell(4))).as(s.indicator().name()).isEqualTo(s.points());
                assertThat(r.number(row.getCell(5))).isEqualTo(s.weight());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(s.bin());
            }
            Row total = r.rowStartingWith(3, "总分");
            assertThat(total.getCell(4).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(r.number(total.getCell(4))).isEqualTo(a.totalScore());
            assertThat(r.number(total.getCell(5))).isEqualTo(100);
            assertThat(r.rowStartingWith(3, "评级").getCell(1).getStringCellValue()).isEqualTo(a.grade());
        }
    }

    @ParameterizedTest
    @MethodSource("workedCases")
    void summaryAndCrossCheckCarryDecisionFlagsAndDeviations(String name) throws Exception {
        InvestigationRecord record = WorkedCases.load(name);
        RiskAssessment a = ENGINE.assess(record);
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            assertThat(r.number(r.rowStartingWith(0, "建议额度").getCell(1))).isEqualTo(a.creditLimit().suggested().doubleValue());
            assertThat(r.rowStartingWith(0, "评级").getCell(1).getStringCellValue()).isEqualTo(a.grade());
            assertThat(r.rowStartingWith(0, "决策建议").getCell(2).getStringCellValue()).isEqualTo(a.suggestion().textEn());
            String summary = r.allText(0);
            a.knockouts().forEach(k -> assertThat(summary).contains(k.code(), k.reasonZh(), k.reasonEn()));
            a.flags().forEach(f -> assertThat(summary).contains(f.code(), f.reasonZh()));
            assertThat(summary).contains("◀ 约束 binding");
            if (a.flags().isEmpty()) {
                assertThat(r.rowStartingWith(0, "预警").getRowNum()).isLessThan(r.rowStartingWith(0, "额度约束").getRowNum());
            }

            Row deviation = r.rowStartingWith(4, "销售偏差");
            assertThat(r.number(deviation.getCell(3))).isCloseTo(a.sales().deviation().doubleValue(), within(0.00005));
            Row equity = r.rowStartingWith(4, "偏差");
            assertThat(r.number(equity.getCell(1))).isCloseTo(a.equity().deviation().doubleValue(), within(0.00005));
            assertThat(r.number(r.rowStartingWith(4, "核实销售额").getCell(1)))
                    .isEqualTo(a.sales().verifiedMonthlySales().doubleValue());
            assertThat(r.allText(4)).contains("S_b", "S_p", "S_o", "S_d");

            // the risk-model revision: the priced rate, a counter-offer when there is one, the stress test, and the
            // debt and household checks as live formulas that recompute to the engine's figures
            assertThat(r.number(r.rowStartingWith(0, "年利率(按评级定价)").getCell(1))).isEqualTo(a.pricing().rate().doubleValue());
            assertThat(summary).contains(a.stress().describe());
            if (a.counterOffer() == null) {
                assertThat(summary).doesNotContain("反报价");
            } else {
                assertThat(r.number(r.rowStartingWith(0, "反报价 Counter-offer").getCell(1)))
                        .isEqualTo(a.counterOffer().amount().doubleValue());
            }
            assertThat(r.number(r.rowStartingWith(4, "推定月供").getCell(1)))
                    .isCloseTo(a.debts().imputedInstalment().doubleValue(), within(0.01));
            assertThat(r.number(r.rowStartingWith(4, "计入的家庭支出").getCell(1)))
                    .isCloseTo(a.household().expensesUsed().doubleValue(), within(0.01));
        }
    }

    @Test
    void checklistShowsTheAnswersAsRecordedAndWhatWasLeftEmpty() throws Exception {
        try (ReportWorkbook r = ReportWorkbook.of(WorkedCases.load("3-retail-store"), List.of())) {
            assertThat(r.number(r.rowStartingWith(5, "profitAndLoss.declaredMonthlySales").getCell(1))).isEqualTo(100000);
            assertThat(r.rowStartingWith(5, "driverInputs.seasonalFactor").getCell(1).getNumericCellValue()).isEqualTo(0.95);
            assertThat(r.rowStartingWith(5, "premises.owned").getCell(1).getStringCellValue()).isEqualTo("是 yes");
            assertThat(r.rowStartingWith(5, "collateral").getCell(1).getStringCellValue()).isEqualTo(ChecklistSheet.NOT_RECORDED);
            assertThat(r.rowStartingWith(5, "bankInflows[11].month").getCell(1).getStringCellValue()).isEqualTo("2026-10");
        }
    }

    @Test
    void processTrailIsPresentButEmptyOutsideTheProcess() throws Exception {
        try (ReportWorkbook r = ReportWorkbook.of(WorkedCases.load("2-catering"), List.of())) {
            assertThat(r.allText(6)).contains("Generated outside the loan process");
        }
    }

    @Test
    void processTrailListsWhoDidWhatWhen() throws Exception {
        List<ProcessStep> trail = List.of(
                new ProcessStep("申请录入 Application", "am1", Instant.parse("2026-11-20T01:00:00Z"),
                        Instant.parse("2026-11-20T01:30:00Z"), "submitted"),
                new ProcessStep("现场尽调 On-site investigation", "inv1", Instant.parse("2026-11-21T02:00:00Z"), null, null));
        try (ReportWorkbook r = ReportWorkbook.of(WorkedCases.load("2-catering"), trail)) {
            Row first = r.rowStartingWith(6, "申请录入");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("am1");
            assertThat(r.textOf(first.getCell(2))).isEqualTo("2026-11-20 09:00"); // Asia/Shanghai
            assertThat(r.rowStartingWith(6, "现场尽调").getCell(1).getStringCellValue()).isEqualTo("inv1");
        }
    }

    @Test
    void incompleteInvestigationStillGetsEverySheetSayingWhatIsMissing() throws Exception {
        InvestigationRecord record = WorkedCases.mutate("3-retail-store", t -> {
            t.remove("balanceSheet");
            t.remove("profitAndLoss");
            t.remove("bankInflows");
            t.remove("purchases");
        });
        try (ReportWorkbook r = ReportWorkbook.of(record, List.of())) {
            assertThat(r.workbook.getNumberOfSheets()).isEqualTo(8);
            String summary = r.allText(0);
            assertThat(summary).contains("Assessment not available", "balanceSheet", "profitAndLoss", "salesEvidence");
            assertThat(r.allText(1)).contains("Not available");
            assertThat(r.allText(2)).contains("Not available");
            assertThat(r.allText(3)).contains("Not available");
            assertThat(r.allText(4)).contains("Not available");
            assertThat(r.rowStartingWith(5, "balanceSheet").getCell(1).getStringCellValue()).isEqualTo(ChecklistSheet.NOT_RECORDED);
            assertThat(r.workbook.getName("Sales")).isNull();
        }
    }

    @Test
    void emptyInvestigationStillGivesAValidWorkbook() throws Exception {
        InvestigationRecord empty = new InvestigationRecord(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        try (ReportWorkbook r = ReportWorkbook.of(empty, List.of())) {
            assertThat(r.report.fileName()).isEqualTo("credit-report-unknown.xlsx");
            assertThat(r.workbook.getNumberOfSheets()).isEqualTo(8);
            assertThat(r.allText(0)).contains("applicationId", "loan");
        }
    }

    @Test
    void fileNameKeepsOnlySafeCharacters() {
        assertThat(CreditReportGenerator.fileName("WC-1/../x y")).isEqualTo("credit-report-WC-1_.._x_y.xlsx");
    }

    private static Row findRow(ReportWorkbook r, int sheet, int column, String text) {
        for (Row row : r.sheet(sheet)) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }
}

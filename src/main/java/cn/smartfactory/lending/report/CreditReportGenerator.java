package cn.smartfactory.lending.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generates the comprehensive credit report as an xlsx workbook in memory: either the whole
 * workbook comes back or an exception does, never a half-written file. An incomplete application
 * still gets all seven sheets, saying what is missing instead of showing figures it does not have.
 */
public class CreditReportGenerator {

    public static final List<String> SHEETS = List.of("摘要 Summary", "财务报表 Financials", "行业对比 Industry",
            "评分卡 Scorecard", "交叉验证 Cross-check", "调查清单 Checklist", "流程记录 Process trail", "还款计划 Repayment schedule");

    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the bank's time zone, in which the report shows times */
    public CreditReportGenerator(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public CreditReport generate(CreditReportRequest request) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            ReportStyles styles = new ReportStyles(wb);
            SummarySheet.write(sheet(wb, 0, styles), request, clock.instant());
            FinancialsSheet.write(sheet(wb, 1, styles), request);
            int chartRow = IndustrySheet.write(sheet(wb, 2, styles), request);
            ScorecardSheet.write(sheet(wb, 3, styles), request);
            CrossCheckSheet.write(sheet(wb, 4, styles), request);
            ChecklistSheet.write(sheet(wb, 5, styles), request);
            TrailSheet.write(sheet(wb, 6, styles), request);
            ScheduleSheet.write(sheet(wb, 7, styles), request);
            // Cached results let any viewer show the figures and let the charts read them.
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            if (chartRow >= 0) {
                IndustrySheet.addCharts(wb.getSheet(SHEETS.get(2)), chartRow);
            }
            var properties = wb.getProperties().getCoreProperties();
            properties.setTitle("综合信用报告 Credit report " + request.applicationId());
            properties.setCreator("Smart-factory lending platform");
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            wb.write(out);
            return new CreditReport(fileName(request.applicationId()), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Credit report for " + request.applicationId() + " could not be written", e);
        }
    }

    /** {@code credit-report-<application id>.xlsx}, with anything unsafe in a file name replaced. */
    public static String fileName(String applicationId) {
        String id = applicationId == null || applicationId.isBlank() ? "unknown"
                : applicationId.replaceAll("[^A-Za-z0-9._-]", "_");
        return "credit-report-" + id + ".xlsx";
    }

    private SheetWriter sheet(XSSFWorkbook wb, int index, ReportStyles styles) {
        return new SheetWriter(wb, SHEETS.get(index), styles, zone);
    }
}

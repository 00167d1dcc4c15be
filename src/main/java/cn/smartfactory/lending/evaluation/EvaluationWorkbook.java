package cn.smartfactory.lending.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A month's evaluations as Excel: a sheet of account managers and a sheet of approvers, one row each,
 * labels Chinese then English, rates as percentages.
 */
final class EvaluationWorkbook {

    private record Column<T>(String label, Function<T, Object> value, boolean rate) {
    }

    private static final List<Column<Evaluation>> COLUMNS = List.of(
            new Column<>("客户经理 Officer", Evaluation::officer, false),
            new Column<>("等级 Level", Evaluation::levelName, false),
            new Column<>("新增客户 New customers", Evaluation::newCustomers, false),
            new Column<>("新增客户目标 Target", Evaluation::newCustomersTarget, false),
            new Column<>("新增余额 New balance", Evaluation::newBalance, false),
            new Column<>("新增余额目标 Target", Evaluation::newBalanceTarget, false),
            new Column<>("完成率 Attainment", Evaluation::newBalanceAttainment, true),
            new Column<>("在贷余额 Outstanding", Evaluation::outstanding, false),
            new Column<>("逾期率 Overdue rate", Evaluation::overdueRate, true),
            new Column<>("不良率 NPL rate", Evaluation::nplRate, true),
            new Column<>("近一年逾期占比 Overdue in the past year", Evaluation::overdueCustomerShare, true),
            new Column<>("平均放款天数 Mean days to disbursement", Evaluation::meanDaysToDisbursement, false),
            new Column<>("上会笔数 Committee cases", Evaluation::committeeCases, false),
            new Column<>("退件率 Rework rate", Evaluation::reworkRate, true),
            new Column<>("营销积分 Marketing points", Evaluation::marketingPoints, false),
            new Column<>("尽职免责 Exempt", Evaluation::exemptDeterminations, false),
            new Column<>("认定责任 Responsible", Evaluation::responsibleDeterminations, false),
            new Column<>("版本 Version", Evaluation::version, false),
            new Column<>("计算人 Computed by", Evaluation::computedBy, false));

    private static final List<Column<ApproverEvaluation>> APPROVER_COLUMNS = List.of(
            new Column<>("审批人 Approver", ApproverEvaluation::approver, false),
            new Column<>("等级 Level", ApproverEvaluation::levelName, false),
            new Column<>("在贷笔数 Live loans signed", ApproverEvaluation::loans, false),
            new Column<>("在贷余额 Outstanding", ApproverEvaluation::outstanding, false),
            new Column<>("逾期率 Overdue rate", ApproverEvaluation::overdueRate, true),
            new Column<>("不良率 NPL rate", ApproverEvaluation::nplRate, true),
            new Column<>("近一年逾期占比 Overdue in the past year", ApproverEvaluation::overdueLoanShare, true),
            new Column<>("尽职免责 Exempt", ApproverEvaluation::exemptDeterminations, false),
            new Column<>("认定责任 Responsible", ApproverEvaluation::responsibleDeterminations, false),
            new Column<>("版本 Version", ApproverEvaluation::version, false),
            new Column<>("计算人 Computed by", ApproverEvaluation::computedBy, false));

    static byte[] write(String month, List<Evaluation> evaluations, List<ApproverEvaluation> approvers) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            sheet(wb, styles, "客户经理分级 " + month, COLUMNS, evaluations);
            sheet(wb, styles, "审批人分级 " + month, APPROVER_COLUMNS, approvers);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle header, CellStyle percent, CellStyle money) {

        Styles(XSSFWorkbook wb) {
            this(wb.createCellStyle(), wb.createCellStyle(), wb.createCellStyle());
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }
    }

    private static <T> void sheet(XSSFWorkbook wb, Styles styles, String name, List<Column<T>> columns, List<T> rows) {
        Sheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(c).label());
            cell.setCellStyle(styles.header());
            sheet.setColumnWidth(c, Math.max(12, columns.get(c).label().length() + 4) * 256);
        }
        sheet.createFreezePane(1, 1);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).value().apply(rows.get(r));
                Cell cell = row.createCell(c);
                if (value instanceof BigDecimal number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(columns.get(c).rate() ? styles.percent() : styles.money());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value != null) {
                    cell.setCellValue(value.toString());
                }
            }
        }
    }

    private EvaluationWorkbook() {
    }
}

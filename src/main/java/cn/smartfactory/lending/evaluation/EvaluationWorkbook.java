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

/** A month's evaluations as Excel: one row per account manager, labels Chinese then English, rates as percentages. */
final class EvaluationWorkbook {

    private record Column(String label, Function<Evaluation, Object> value, boolean rate) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("客户经理 Officer", Evaluation::officer, false),
            new Column("等级 Level", Evaluation::levelName, false),
            new Column("新增客户 New customers", Evaluation::newCustomers, false),
            new Column("新增客户目标 Target", Evaluation::newCustomersTarget, false),
            new Column("新增余额 New balance", Evaluation::newBalance, false),
            new Column("新增余额目标 Target", Evaluation::newBalanceTarget, false),
            new Column("完成率 Attainment", Evaluation::newBalanceAttainment, true),
            new Column("在贷余额 Outstanding", Evaluation::outstanding, false),
            new Column("逾期率 Overdue rate", Evaluation::overdueRate, true),
            new Column("不良率 NPL rate", Evaluation::nplRate, true),
            new Column("近一年逾期占比 Overdue in the past year", Evaluation::overdueCustomerShare, true),
            new Column("平均放款天数 Mean days to disbursement", Evaluation::meanDaysToDisbursement, false),
            new Column("上会笔数 Committee cases", Evaluation::committeeCases, false),
            new Column("退件率 Rework rate", Evaluation::reworkRate, true),
            new Column("营销积分 Marketing points", Evaluation::marketingPoints, false),
            new Column("版本 Version", Evaluation::version, false),
            new Column("计算人 Computed by", Evaluation::computedBy, false));

    static byte[] write(String month, List<Evaluation> evaluations) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Sheet sheet = wb.createSheet("客户经理分级 " + month);
            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c).label());
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.max(12, COLUMNS.get(c).label().length() + 4) * 256);
            }
            sheet.createFreezePane(1, 1);
            for (int r = 0; r < evaluations.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Object value = COLUMNS.get(c).value().apply(evaluations.get(r));
                    Cell cell = row.createCell(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(COLUMNS.get(c).rate() ? percent : money);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvaluationWorkbook() {
    }
}

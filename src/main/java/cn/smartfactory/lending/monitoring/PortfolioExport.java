package cn.smartfactory.lending.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The portfolio as an Excel workbook for managers: every loan on one sheet, streamed (SXSSF keeps
 * only a window of rows in memory, so 100,000 loans fit), and the count and outstanding balance by
 * tier, by five-category classification and by account manager.
 */
public class PortfolioExport {

    static final List<String> LOAN_COLUMNS = List.of("贷款编号 Loan number", "客户 Customer", "行业 Industry",
            "产品 Product", "评级 Grade", "放款金额 Disbursed", "余额 Outstanding", "逾期天数 Days overdue",
            "五级分类 Classification", "分级 Tier", "客户经理 Account manager", "尽调 Investigators", "审批 Approvers",
            "放款日 Disbursed on", "到期日 Maturity");

    private final LoanRegister register;

    public PortfolioExport(LoanRegister register) {
        this.register = register;
    }

    /** One group's totals. */
    record Totals(long loans, BigDecimal outstanding) {
        Totals add(LoanRecord l) {
            return new Totals(loans + 1, outstanding.add(l.outstandingBalance()));
        }
    }

    public byte[] export() {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

            Sheet loans = wb.createSheet("贷款 Loans");
            headerRow(loans, LOAN_COLUMNS, header);
            loans.createFreezePane(0, 1);
            Map<String, Totals> byTier = new TreeMap<>();
            Map<String, Totals> byClassification = new TreeMap<>();
            Map<String, Totals> byOfficer = new TreeMap<>();
            int[] next = {1};
            register.forEach(l -> {
                Row row = loans.createRow(next[0]++);
                int c = 0;
                row.createCell(c++).setCellValue(l.loanNumber());
                row.createCell(c++).setCellValue(l.customerName());
                row.createCell(c++).setCellValue(l.industry());
                row.createCell(c++).setCellValue(l.product());
                row.createCell(c++).setCellValue(l.grade());
                moneyCell(row, c++, l.disbursedAmount(), money);
                moneyCell(row, c++, l.outstandingBalance(), money);
                row.createCell(c++).setCellValue(l.daysOverdue());
                row.createCell(c++).setCellValue(l.classification());
                row.createCell(c++).setCellValue(l.tier());
                row.createCell(c++).setCellValue(l.accountManager());
                row.createCell(c++).setCellValue(l.investigators());
                row.createCell(c++).setCellValue(l.approvers());
                var d1 = row.createCell(c++);
                d1.setCellValue(l.disbursedOn());
                d1.setCellStyle(date);
                var d2 = row.createCell(c);
                d2.setCellValue(l.maturityDate());
                d2.setCellStyle(date);
                tally(byTier, l, LoanRecord::tier);
                tally(byClassification, l, LoanRecord::classification);
                tally(byOfficer, l, LoanRecord::accountManager);
            });
            summary(wb, "按分级 By tier", byTier, header, money);
            summary(wb, "按五级分类 By classification", byClassification, header, money);
            summary(wb, "按客户经理 By account manager", byOfficer, header, money);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The portfolio export could not be written", e);
        }
    }

    private static void tally(Map<String, Totals> totals, LoanRecord l, Function<LoanRecord, String> key) {
        totals.merge(key.apply(l), new Totals(1, l.outstandingBalance()), (a, b) -> a.add(l));
    }

    private static void summary(SXSSFWorkbook wb, String name, Map<String, Totals> totals, CellStyle header,
                                CellStyle money) {
        Sheet sheet = wb.createSheet(name);
        headerRow(sheet, List.of("分组 Group", "笔数 Loans", "余额 Outstanding"), header);
        int r = 1;
        for (var e : totals.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue().loans());
            moneyCell(row, 2, e.getValue().outstanding(), money);
        }
    }

    private static void headerRow(Sheet sheet, List<String> labels, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < labels.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(labels.get(i));
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, 20 * 256);
        }
    }

    private static void moneyCell(Row row, int column, BigDecimal value, CellStyle money) {
        var cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(money);
    }
}

package cn.smartfactory.lending.accountability;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes plain tables as sheets: a bold header row of bilingual labels, amounts as money, long text wrapped. */
final class SheetWriter {
    private final XSSFWorkbook wb;
    private final CellStyle header;
    private final CellStyle money;
    private final CellStyle wrap;

    SheetWriter(XSSFWorkbook wb) {
        this.wb = wb;
        header = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
    }

    void sheet(String name, List<String> labels, List<List<Object>> rows) {
        Sheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        for (int c = 0; c < labels.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(labels.get(c));
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, Math.min(60, Math.max(14, labels.get(c).length() + 6)) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (rows.isEmpty()) {
            sheet.createRow(1).createCell(0).setCellValue("无 None");
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                Cell cell = row.createCell(c);
                if (value instanceof BigDecimal number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(money);
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value != null) {
                    cell.setCellValue(value.toString());
                    if (value.toString().length() > 40) {
                        cell.setCellStyle(wrap);
                    }
                }
            }
        }
    }
}

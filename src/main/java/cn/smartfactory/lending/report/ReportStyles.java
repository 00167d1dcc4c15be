package cn.smartfactory.lending.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The workbook's cell styles, created once per workbook (Excel limits the number of styles). */
final class ReportStyles {

    final CellStyle title;
    final CellStyle header;
    final CellStyle section;
    final CellStyle text;
    final CellStyle wrap;
    final CellStyle money;
    final CellStyle moneyBold;
    final CellStyle percent;
    final CellStyle number;
    final CellStyle integer;
    final CellStyle dateTime;
    final CellStyle bold;
    final CellStyle warning;
    final CellStyle highlight;

    ReportStyles(XSSFWorkbook wb) {
        var format = wb.createDataFormat();
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font redFont = wb.createFont();
        redFont.setBold(true);
        redFont.setColor(IndexedColors.DARK_RED.getIndex());

        title = wb.createCellStyle();
        title.setFont(titleFont);

        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);

        section = wb.createCellStyle();
        section.setFont(boldFont);
        section.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        section.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);

        money = wb.createCellStyle();
        money.setDataFormat(format.getFormat("#,##0.00"));
        moneyBold = wb.createCellStyle();
        moneyBold.cloneStyleFrom(money);
        moneyBold.setFont(boldFont);
        percent = wb.createCellStyle();
        percent.setDataFormat(format.getFormat("0.00%"));
        number = wb.createCellStyle();
        number.setDataFormat(format.getFormat("#,##0.00"));
        integer = wb.createCellStyle();
        integer.setDataFormat(format.getFormat("0"));
        dateTime = wb.createCellStyle();
        dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));

        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        warning = wb.createCellStyle();
        warning.setFont(redFont);
        warning.setWrapText(true);
        highlight = wb.createCellStyle();
        highlight.setFont(boldFont);
        highlight.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        highlight.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}

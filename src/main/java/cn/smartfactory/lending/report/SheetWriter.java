package cn.smartfactory.lending.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one sheet top to bottom. Nulls become a visible "n/a" rather than an empty or zero cell,
 * so an incomplete application never shows a figure it does not have.
 */
final class SheetWriter {

    static final String NOT_AVAILABLE = "n/a";

    private final XSSFWorkbook workbook;
    private final XSSFSheet sheet;
    private final ReportStyles styles;
    private final ZoneId zone;
    private int next;
    private int headerRow = -1;

    SheetWriter(XSSFWorkbook workbook, String name, ReportStyles styles, ZoneId zone) {
        this.workbook = workbook;
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
        this.zone = zone;
    }

    XSSFSheet sheet() {
        return sheet;
    }

    ReportStyles styles() {
        return styles;
    }

    int nextRowIndex() {
        return next;
    }

    void title(String text) {
        Row row = sheet.createRow(next++);
        cell(row, 0, styles.title).setCellValue(text);
        next++;
    }

    /** A table header; the first one on the sheet is frozen and repeated on every printed page. */
    void header(String... labels) {
        Row row = sheet.createRow(next);
        for (int i = 0; i < labels.length; i++) {
            cell(row, i, styles.header).setCellValue(labels[i]);
        }
        if (headerRow < 0) {
            headerRow = next;
        }
        next++;
    }

    void section(String text, int columns) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < columns; i++) {
            cell(row, i, styles.section);
        }
        row.getCell(0).setCellValue(text);
    }

    void blank() {
        next++;
    }

    RowWriter row() {
        return new RowWriter(sheet.createRow(next++));
    }

    /** A workbook-level name for a cell, so formulas read {@code =GrossProfit/Sales}. */
    void name(String name, Cell cell) {
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula("'" + sheet.getSheetName() + "'!" + new CellReference(cell.getRowIndex(),
                cell.getColumnIndex(), true, true).formatAsString());
    }

    /** Column widths in characters, A4 fitted to one page wide, header frozen. */
    void finish(boolean landscape, int... widths) {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        if (headerRow >= 0) {
            sheet.createFreezePane(0, headerRow + 1);
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    /** Fills one row left to right. */
    final class RowWriter {

        private final Row row;
        private int column;

        RowWriter(Row row) {
            this.row = row;
        }

        Row poiRow() {
            return row;
        }

        Cell last() {
            return row.getCell(column - 1);
        }

        RowWriter text(String value) {
            return text(value, styles.text);
        }

        RowWriter text(String value, CellStyle style) {
            cell(row, column++, style).setCellValue(value == null ? NOT_AVAILABLE : value);
            return this;
        }

        RowWriter skip() {
            column++;
            return this;
        }

        RowWriter money(BigDecimal value) {
            return number(value, styles.money);
        }

        RowWriter percent(BigDecimal value) {
            return number(value, styles.percent);
        }

        RowWriter number(BigDecimal value) {
            return number(value, styles.number);
        }

        RowWriter integer(Number value) {
            return number(value == null ? null : new BigDecimal(value.toString()), styles.integer);
        }

        RowWriter number(BigDecimal value, CellStyle style) {
            if (value == null) {
                return text(NOT_AVAILABLE);
            }
            cell(row, column++, style).setCellValue(value.doubleValue());
            return this;
        }

        RowWriter formula(String formula, CellStyle style) {
            cell(row, column++, style).setCellFormula(formula);
            return this;
        }

        RowWriter dateTime(Instant value) {
            if (value == null) {
                return text("");
            }
            cell(row, column++, styles.dateTime).setCellValue(LocalDateTime.ofInstant(value, zone));
            return this;
        }

        RowWriter named(String name) {
            SheetWriter.this.name(name, last());
            return this;
        }

        /** Reference to this row's cell in the given column, e.g. "$C$7". */
        String ref(int col) {
            return new CellReference(row.getRowNum(), col, true, true).formatAsString();
        }
    }
}

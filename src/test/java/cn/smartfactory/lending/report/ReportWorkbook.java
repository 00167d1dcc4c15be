package cn.smartfactory.lending.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.RiskEngine;

/** A generated report read back with POI, with a fresh evaluator so formulas are recomputed, not trusted. */
final class ReportWorkbook implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC"));
    static final CreditReportService SERVICE = new CreditReportService(RiskEngine.standalone(),
            new CreditReportGenerator(CLOCK, ZoneId.of("Asia/Shanghai")));

    final CreditReport report;
    final XSSFWorkbook workbook;
    final XSSFFormulaEvaluator evaluator;
    private final DataFormatter formatter = new DataFormatter();

    ReportWorkbook(CreditReport report) {
        this.report = report;
        try {
            this.workbook = new XSSFWorkbook(new ByteArrayInputStream(report.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        evaluator.clearAllCachedResultValues();
    }

    static ReportWorkbook of(InvestigationRecord record, List<ProcessStep> trail) {
        return new ReportWorkbook(SERVICE.report(record, trail));
    }

    XSSFSheet sheet(int index) {
        return workbook.getSheet(CreditReportGenerator.SHEETS.get(index));
    }

    Cell named(String name) {
        var n = workbook.getName(name);
        if (n == null) {
            throw new AssertionError("no name " + name);
        }
        CellReference ref = new CellReference(n.getRefersToFormula());
        return workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    /** The recomputed number of a cell (formula or value). */
    double number(Cell cell) {
        CellValue v = evaluator.evaluate(cell);
        if (v.getCellType() != CellType.NUMERIC) {
            throw new AssertionError("cell " + cell.getAddress() + " is " + v.formatAsString() + ", not a number");
        }
        return v.getNumberValue();
    }

    String textOf(Cell cell) {
        CellValue v = evaluator.evaluate(cell);
        return v == null ? "" : v.getCellType() == CellType.STRING ? v.getStringValue() : formatter.formatCellValue(cell, evaluator);
    }

    /** The first row of a sheet whose first cell starts with the given text. */
    Row rowStartingWith(int sheet, String prefix) {
        for (Row row : sheet(sheet)) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith(prefix)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with '" + prefix + "' on " + CreditReportGenerator.SHEETS.get(sheet));
    }

    String allText(int sheet) {
        StringBuilder sb = new StringBuilder();
        for (Row row : sheet(sheet)) {
            for (Cell cell : row) {
                sb.append(formatter.formatCellValue(cell, evaluator)).append('\t');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}

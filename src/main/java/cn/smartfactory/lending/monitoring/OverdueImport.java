package cn.smartfactory.lending.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;


/**
 * The daily overdue list of banks without a core-banking integration (CSV or xlsx, format in
 * docs/overdue-import.md). Each row is checked completely before it changes anything; a bad row
 * is reported by its row number and the others are still imported, so one typo never blocks a
 * branch's whole list and no row is ever half applied. A row goes through {@link LoanMonitoring}
 * like core banking's reports: days overdue and balance are recorded, the five-category
 * classification moves down to the floor its days overdue require (never up: an upgrade needs a
 * credit officer's decision), the tier moves up if they require it, and the loan's monitoring
 * process is told (collection above 30 days, routine checks again at 0). A loan that was not
 * overdue and now is raises an OVERDUE_PAYMENT warning; a row with 0 days and a 0 balance is
 * repayment in full and ends monitoring.
 */
public class OverdueImport {

    static final List<String> HEADER = List.of("loan_number", "days_overdue", "outstanding_balance", "as_of_date");
    static final String SOURCE = "overdue-import";
    private static final java.util.Map<String, String> COLUMNS = java.util.Map.of("loanNumber", "loan_number",
            "daysOverdue", "days_overdue", "outstandingBalance", "outstanding_balance", "occurredOn", "as_of_date");

    /** A refused row: its 1-based row number in the file (the header is row 1), the column and why. */
    public record RowError(int row, String column, String message) {
    }

    public record Result(int imported, List<RowError> rejected) {
    }

    private final LoanRegister register;
    private final LoanMonitoring monitoring;

    public OverdueImport(LoanRegister register, LoanMonitoring monitoring) {
        this.register = register;
        this.monitoring = monitoring;
    }

    /** A daily list longer than this is refused whole (a bank's loan book, with room to spare). */
    static final int MAX_ROWS = 200_000;
    /** An xlsx part that unpacks to more than this is refused (a compressed-file bomb). */
    static final long MAX_XLSX_ENTRY_BYTES = 200L * 1024 * 1024;
    /** An xlsx part compressed more than 1:100 is refused (POI checks while unpacking). */
    static final double MIN_XLSX_INFLATE_RATIO = 0.01;

    /** @param fileName decides the format: {@code .xlsx} or anything else as CSV (UTF-8) */
    public Result importFile(String fileName, byte[] content) {
        List<List<String>> rows = fileName != null && fileName.toLowerCase().endsWith(".xlsx") ? xlsx(content) : csv(content);
        if (rows.size() > MAX_ROWS + 1) {
            throw new IllegalArgumentException("文件 file: 最多 " + MAX_ROWS + " 行 / at most " + MAX_ROWS + " rows (has "
                    + (rows.size() - 1) + ")");
        }
        if (rows.isEmpty() || !rows.get(0).stream().map(String::trim).map(String::toLowerCase).toList().equals(HEADER)) {
            throw new IllegalArgumentException("The first row must be the header " + String.join(",", HEADER));
        }
        int imported = 0;
        List<RowError> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int rowNumber = i + 1;
            RowError error = applyRow(rowNumber, cells, seen);
            if (error == null) {
                imported++;
            } else {
                rejected.add(error);
            }
        }
        return new Result(imported, List.copyOf(rejected));
    }

    private RowError applyRow(int row, List<String> cells, Set<String> seen) {
        if (cells.size() < HEADER.size()) {
            return new RowError(row, null, "expected " + HEADER.size() + " columns, found " + cells.size());
        }
        String loanNumber = cells.get(0).trim();
        if (loanNumber.isEmpty()) {
            return new RowError(row, "loan_number", "is required");
        }
        if (seen.contains(loanNumber)) {
            return new RowError(row, "loan_number", loanNumber + " was already imported from an earlier row of this file");
        }
        int days;
        try {
            days = Integer.parseInt(cells.get(1).trim());
        } catch (NumberFormatException e) {
            return new RowError(row, "days_overdue", "must be a whole number (was '" + cells.get(1) + "')");
        }
        if (days < 0) {
            return new RowError(row, "days_overdue", "must not be negative (was " + days + ")");
        }
        BigDecimal outstanding;
        try {
            outstanding = new BigDecimal(cells.get(2).trim());
        } catch (NumberFormatException e) {
            return new RowError(row, "outstanding_balance", "must be a number (was '" + cells.get(2) + "')");
        }
        if (outstanding.signum() < 0) {
            return new RowError(row, "outstanding_balance", "must not be negative (was " + outstanding + ")");
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(cells.get(3).trim());
        } catch (DateTimeParseException e) {
            return new RowError(row, "as_of_date", "must be a date like 2026-11-22 (was '" + cells.get(3) + "')");
        }
        var loan = register.find(loanNumber);
        if (loan.isEmpty()) {
            return new RowError(row, "loan_number", loanNumber + " is not a registered loan");
        }
        String eventId = "overdue-list:" + loanNumber + ":" + asOf;
        try {
            if (days == 0 && outstanding.signum() == 0) {
                monitoring.raise(new LoanEvent(eventId, loanNumber, LoanEventType.REPAID_IN_FULL.name(), asOf, null,
                        outstanding, null, "Overdue list of " + asOf + ": balance 0", SOURCE));
            } else if (days > 0 && loan.get().daysOverdue() == 0) {
                monitoring.raise(new LoanEvent(eventId, loanNumber, LoanEventType.OVERDUE_PAYMENT.name(), asOf, days,
                        outstanding, null, "Overdue list of " + asOf + ": " + days + " days overdue", SOURCE));
            } else {
                monitoring.reportOverdue(loanNumber, days, outstanding);
            }
        } catch (LoanEventRefused e) {
            var first = e.violations().get(0);
            return new RowError(row, COLUMNS.getOrDefault(first.field(), null), first.message());
        } catch (RuntimeException e) {
            // The row's transaction rolled back; the list goes on and the row is reported.
            return new RowError(row, null, "could not be applied: " + e.getMessage());
        }
        seen.add(loanNumber);
        return null;
    }

    private static List<List<String>> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                String c = cell.trim();
                cells.add(c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c);
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) {
        DataFormatter formatter = new DataFormatter();
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(MIN_XLSX_INFLATE_RATIO);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(MAX_XLSX_ENTRY_BYTES);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            List<List<String>> rows = new ArrayList<>();
            int last = wb.getSheetAt(0).getLastRowNum();
            if (last > MAX_ROWS + 1) {
                throw new IllegalArgumentException("at most " + MAX_ROWS + " rows (has " + last + ")");
            }
            for (int r = 0; r <= last; r++) {
                Row row = wb.getSheetAt(0).getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < HEADER.size(); c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell).replace(",", ""));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("文件 file: 不是可读取的 xlsx 工作簿 / not a readable xlsx workbook: "
                    + e.getMessage(), e);
        }
    }
}

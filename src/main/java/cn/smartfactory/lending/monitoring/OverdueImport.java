package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.smartfactory.lending.tabular.TabularFile;

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

    /**
     * @param fileName decides the format: {@code .xlsx}, or anything else as CSV (UTF-8 with or
     *                 without a byte-order mark, or GBK; see {@link TabularFile})
     */
    public Result importFile(String fileName, byte[] content) {
        List<TabularFile.Row> file = TabularFile.read(fileName, content, MAX_ROWS);
        if (file.isEmpty() || !file.get(0).cells().stream().map(String::toLowerCase).toList().equals(HEADER)) {
            throw new IllegalArgumentException("第一行须为表头 " + String.join(",", HEADER) + "。The first row must be the header "
                    + String.join(",", HEADER) + ".");
        }
        int imported = 0;
        List<RowError> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TabularFile.Row row : file.subList(1, file.size())) {
            if (row.blank()) {
                continue;
            }
            List<String> cells = java.util.stream.IntStream.range(0, HEADER.size()).mapToObj(row::cell).toList();
            int rowNumber = row.number();
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
}

package cn.smartfactory.lending.evaluation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.tabular.TabularFile;

/**
 * The bank's monthly targets per account manager, imported from the plan's Excel (or CSV) with the
 * header {@code month,officer,newCustomers,newBalance} (or 月份,客户经理,新增客户目标,新增余额目标). Every row
 * is checked; a file with any bad row changes nothing and answers every bad row by number, so a plan is
 * never half imported. A row for a month and officer already planned replaces it.
 */
public class OfficerTargets {

    static final List<String> HEADER = List.of("month", "officer", "newcustomers", "newbalance");
    static final List<String> HEADER_ZH = List.of("月份", "客户经理", "新增客户目标", "新增余额目标");
    static final int MAX_ROWS = 20_000;

    /** A refused row: its number in the file, the column by its label, and the rule. */
    public record RowError(int row, String column, String message) {
    }

    public record Result(int imported, List<RowError> rejected) {
    }

    private record Target(YearMonth month, String officer, int newCustomers, BigDecimal newBalance) {
    }

    private final JdbcClient jdbc;
    private final IdentityService identity;

    public OfficerTargets(JdbcClient jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Transactional
    public Result importFile(String fileName, byte[] content, String by) {
        List<TabularFile.Row> rows = TabularFile.read(fileName, content, MAX_ROWS).stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("“文件”没有内容。\"File\" is empty.");
        }
        List<String> header = rows.get(0).cells().stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(HEADER) && !header.equals(HEADER_ZH)) {
            throw new IllegalArgumentException("第一行须为表头 " + String.join(",", HEADER_ZH) + "(或 " + String.join(",", HEADER)
                    + ")。The first row must be the header month,officer,newCustomers,newBalance.");
        }
        if (rows.size() == 1) {
            throw new IllegalArgumentException("“文件”只有表头,没有目标。\"File\" has a header and no targets.");
        }
        List<Target> targets = new ArrayList<>();
        List<RowError> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TabularFile.Row row : rows.subList(1, rows.size())) {
            Object parsed = parse(row, seen);
            if (parsed instanceof RowError error) {
                rejected.add(error);
            } else {
                targets.add((Target) parsed);
            }
        }
        if (!rejected.isEmpty()) {
            return new Result(0, rejected);
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (Target t : targets) {
            jdbc.sql("DELETE FROM officer_target WHERE target_month = :m AND officer = :o")
                    .param("m", Date.valueOf(t.month().atDay(1))).param("o", t.officer()).update();
            jdbc.sql("INSERT INTO officer_target (target_month, officer, new_customers, new_balance, imported_by, imported_at)"
                            + " VALUES (:m, :o, :c, :b, :by, :at)")
                    .param("m", Date.valueOf(t.month().atDay(1))).param("o", t.officer()).param("c", t.newCustomers())
                    .param("b", t.newBalance()).param("by", by).param("at", now).update();
        }
        return new Result(targets.size(), List.of());
    }

    private Object parse(TabularFile.Row row, Set<String> seen) {
        int n = row.number();
        YearMonth month;
        try {
            month = YearMonth.parse(row.cell(0).trim());
        } catch (DateTimeParseException e) {
            return new RowError(n, "月份 month", "须为 YYYY-MM must be YYYY-MM (was '" + row.cell(0) + "')");
        }
        String officer = row.cell(1).trim();
        if (officer.isEmpty() || identity.createUserQuery().userId(officer).memberOfGroup(Role.ACCOUNT_MANAGERS.groupId()).count() == 0) {
            return new RowError(n, "客户经理 officer", "须为客户经理的用户名 must be an account manager's user id (was '" + officer + "')");
        }
        if (!seen.add(month + "/" + officer)) {
            return new RowError(n, "客户经理 officer", "本文件中已有该月该客户经理的目标 appears twice for " + month + " in this file");
        }
        int customers;
        try {
            customers = Integer.parseInt(row.cell(2).trim());
        } catch (NumberFormatException e) {
            return new RowError(n, "新增客户目标 newCustomers", "须为整数 must be a whole number (was '" + row.cell(2) + "')");
        }
        if (customers < 0) {
            return new RowError(n, "新增客户目标 newCustomers", "不得为负 must not be negative (was " + customers + ")");
        }
        BigDecimal balance;
        try {
            balance = new BigDecimal(row.cell(3).trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return new RowError(n, "新增余额目标 newBalance", "须为金额 must be an amount (was '" + row.cell(3) + "')");
        }
        if (balance.signum() < 0 || balance.scale() > 2 || balance.precision() - balance.scale() > 13) {
            return new RowError(n, "新增余额目标 newBalance", "须为不超过两位小数的非负金额 must be a non-negative amount with at most"
                    + " two decimals (was " + row.cell(3) + ")");
        }
        return new Target(month, officer, customers, balance);
    }
}

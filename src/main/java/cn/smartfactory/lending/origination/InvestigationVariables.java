package cn.smartfactory.lending.origination;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.industry.DriverInput;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.Applicant;
import cn.smartfactory.lending.investigation.InvestigationRecord.BalanceSheet;
import cn.smartfactory.lending.investigation.InvestigationRecord.Business;
import cn.smartfactory.lending.investigation.InvestigationRecord.Collateral;
import cn.smartfactory.lending.investigation.InvestigationRecord.Counterparty;
import cn.smartfactory.lending.investigation.InvestigationRecord.CreditHistory;
import cn.smartfactory.lending.investigation.InvestigationRecord.EquityHistory;
import cn.smartfactory.lending.investigation.InvestigationRecord.ExistingDebt;
import cn.smartfactory.lending.investigation.InvestigationRecord.GuaranteeType;
import cn.smartfactory.lending.investigation.InvestigationRecord.Household;
import cn.smartfactory.lending.investigation.InvestigationRecord.LoanRequest;
import cn.smartfactory.lending.investigation.InvestigationRecord.MaritalStatus;
import cn.smartfactory.lending.investigation.InvestigationRecord.MonthlyAmount;
import cn.smartfactory.lending.investigation.InvestigationRecord.Premises;
import cn.smartfactory.lending.investigation.InvestigationRecord.ProfitAndLoss;
import cn.smartfactory.lending.investigation.InvestigationRecord.SoftInformation;
import cn.smartfactory.lending.investigation.InvestigationValidator;
import cn.smartfactory.lending.investigation.Violation;

/**
 * Builds the investigation record from the flat variables the forms write (Camunda Forms submit
 * one variable per field, numbers sometimes as strings). Percentages are entered as percent
 * (12 = 12%) and stored in the record as fractions. A value that is not a number where one is
 * needed is reported by its variable name, like any other violation.
 */
public final class InvestigationVariables {

    public static final int STATEMENT_MONTHS = 12;
    public static final int PURCHASE_MONTHS = 6;
    public static final int DEBTS = 3;
    public static final int COUNTERPARTIES = 3;

    /** The record and any values that could not even be read. */
    public record Mapped(InvestigationRecord record, List<Violation> unreadable) {
    }

    private final IndustryCatalog industries;

    public InvestigationVariables(IndustryCatalog industries) {
        this.industries = industries;
    }

    /** The name of an industry's driver input as a form variable: seats → driverSeats. */
    public static String driverVariable(String input) {
        return "driver" + Character.toUpperCase(input.charAt(0)) + input.substring(1);
    }

    /** The checklist form of an industry: FMCG_WHOLESALE → investigation-fmcg-wholesale. */
    public static String investigationForm(String industry) {
        return cn.smartfactory.lending.industry.IndustryForms.investigationForm(industry);
    }

    public Mapped map(Map<String, Object> v) {
        Reader r = new Reader(v);
        String industryCode = r.text("industry");
        LoanRequest loan = new LoanRequest(r.text("product"), r.decimal("amount"), r.integer("termMonths"),
                r.text("purpose"), r.enumValue("guaranteeType", GuaranteeType.class));
        Applicant applicant = new Applicant(r.text("customerName"), r.integer("applicantAge"), r.decimal("yearsInIndustry"),
                r.decimal("yearsResidentLocally"), r.enumValue("maritalStatus", MaritalStatus.class));
        Household household = new Household(r.integer("householdMembers"), r.integer("householdDependents"),
                r.decimal("householdMonthlyExpenses"), r.decimal("otherMonthlyIncome"));
        Business business = new Business(r.text("businessName"), r.decimal("yearsInOperation"), r.integer("employees"),
                r.decimal("salesLastYear"));
        Premises premises = new Premises(r.bool("premisesOwned"), r.integer("remainingLeaseMonths"),
                r.decimal("premisesArea"));
        SoftInformation soft = new SoftInformation(r.integer("reputation"), r.integer("familyStability"),
                r.bool("adverseHabits"), r.text("softNotes"));
        CreditHistory credit = new CreditHistory(r.bool("bureauCurrentOverdue"), r.bool("bureauBlacklisted"),
                r.integer("bureauOverdueCount24Months"), r.integer("bureauInquiries6Months"),
                r.integer("bureauLendersWithOutstanding"));
        List<ExistingDebt> debts = new ArrayList<>();
        for (int i = 1; i <= DEBTS; i++) {
            String lender = r.text("debt" + i + "Lender");
            if (lender != null && !lender.isBlank()) {
                debts.add(new ExistingDebt(lender, r.decimal("debt" + i + "Outstanding"), r.decimal("debt" + i + "Instalment")));
            }
        }
        BalanceSheet bs = new BalanceSheet(r.decimal("bsCash"), r.decimal("bsReceivables"), r.decimal("bsInventory"),
                r.decimal("bsOtherCurrentAssets"), r.decimal("bsFixedAssets"), r.decimal("bsOtherAssets"),
                r.decimal("bsPayables"), r.decimal("bsShortTermDebt"), r.decimal("bsOtherCurrentLiabilities"),
                r.decimal("bsLongTermDebt"));
        EquityHistory equity = new EquityHistory(r.decimal("equityOpening"), r.decimal("equityAccumulatedProfit"),
                r.decimal("equityWithdrawals"));
        ProfitAndLoss pl = new ProfitAndLoss(r.decimal("declaredMonthlySales"), r.percent("grossMarginPercent"),
                r.decimal("rent"), r.decimal("wages"), r.decimal("utilities"), r.decimal("transport"), r.decimal("taxes"),
                r.decimal("otherExpenses"));
        List<MonthlyAmount> inflows = r.months("statementsLatestMonth", "inflowMonth", STATEMENT_MONTHS);
        List<MonthlyAmount> purchases = r.months("purchasesLatestMonth", "purchaseMonth", PURCHASE_MONTHS);
        List<Counterparty> customers = r.counterparties("customer");
        List<Counterparty> suppliers = r.counterparties("supplier");
        Map<String, BigDecimal> driver = new LinkedHashMap<>();
        Industry industry = industryCode == null ? null : industries.find(industryCode).orElse(null);
        if (industry != null) {
            for (DriverInput input : industry.driverInputs()) {
                BigDecimal value = r.decimal(driverVariable(input.name()));
                if (value != null) {
                    driver.put(input.name(), value);
                }
            }
        }
        Collateral collateral = r.text("collateralDescription") == null && r.decimal("collateralAppraisedValue") == null
                ? null
                : new Collateral(r.text("collateralDescription"), r.decimal("collateralAppraisedValue"),
                        r.decimal("collateralExistingLiens"));
        InvestigationRecord record = new InvestigationRecord(r.text("applicationId"), industryCode, loan, applicant,
                household, business, premises, soft, credit, debts, bs, equity, pl, inflows, purchases, customers,
                suppliers, driver, collateral);
        return new Mapped(record, r.unreadable);
    }

    /**
     * Every problem with submitted values — the unreadable ones and the validator's — named by the
     * form field the user has to correct, each field and rule once (twelve statement months
     * without a month are one problem: the latest month).
     */
    public List<Violation> problems(Map<String, Object> values, InvestigationValidator validator) {
        Mapped mapped = map(values);
        Map<String, Violation> byFieldAndRule = new LinkedHashMap<>();
        for (Violation v : mapped.unreadable()) {
            byFieldAndRule.putIfAbsent(v.field() + "/" + v.rule(), v);
        }
        for (Violation v : validator.validate(mapped.record())) {
            String field = formField(v.field());
            byFieldAndRule.putIfAbsent(field + "/" + v.rule(), new Violation(field, v.rule(), v.detail(), v.detailZh()));
        }
        return List.copyOf(byFieldAndRule.values());
    }

    /**
     * How a refusal names a problem that is about a part of the checklist rather than one field
     * (the sales sources, the shares of all top customers together …), in the checklist's words.
     */
    private static final Map<String, String> PART_LABELS = Map.of(
            "salesEvidence", "销售额来源 Sales sources",
            "balanceSheet", "资产负债表 Balance sheet",
            "topCustomers", "前三大客户 Top customers",
            "topSuppliers", "前三大供应商 Top suppliers",
            "collateral", "抵押物 Collateral",
            "investigation", "调查清单 Checklist");

    /**
     * The label a person sees for a problem's field: the form's own label, else the checklist
     * part's, else null (the problem then names the field).
     */
    public static String label(String field, Map<String, String> formLabels) {
        String label = formLabels.get(field);
        return label != null ? label : PART_LABELS.get(field);
    }

    /** The form field that holds a value of the record, e.g. balanceSheet.cash → bsCash. */
    static String formField(String recordPath) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)(?:\\[(\\d+)])?(?:\\.(\\w+))?").matcher(recordPath);
        if (!m.matches()) {
            return recordPath;
        }
        String section = m.group(1);
        int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) + 1;
        String part = m.group(3);
        return switch (section) {
            case "bankInflows" -> "month".equals(part) ? "statementsLatestMonth" : "inflowMonth" + Math.max(index, 1);
            case "purchases" -> "month".equals(part) ? "purchasesLatestMonth" : "purchaseMonth" + Math.max(index, 1);
            case "profitAndLoss" -> "grossMargin".equals(part) ? "grossMarginPercent" : orSection(part, section);
            case "balanceSheet" -> part == null ? section : "bs" + capitalize(part);
            case "household" -> part == null ? "householdMembers" : switch (part) {
                case "otherMonthlyIncome" -> part;
                default -> "household" + capitalize(part);
            };
            case "applicant" -> part == null ? "customerName" : switch (part) {
                case "name" -> "customerName";
                case "age" -> "applicantAge";
                default -> part;
            };
            case "business" -> "name".equals(part) ? "businessName" : orSection(part, section);
            case "premises" -> "owned".equals(part) ? "premisesOwned" : "areaSquareMetres".equals(part) ? "premisesArea"
                    : orSection(part, section);
            case "equityHistory" -> part == null ? "equityOpening" : switch (part) {
                case "openingEquity" -> "equityOpening";
                case "privateWithdrawals" -> "equityWithdrawals";
                default -> "equity" + capitalize(part);
            };
            case "creditHistory" -> part == null ? section : "bureau" + capitalize(part);
            case "driverInputs" -> part == null ? section : driverVariable(part);
            case "collateral" -> part == null ? section : "collateral" + capitalize(part);
            case "existingDebts" -> "debt" + Math.max(index, 1) + (part == null ? "Lender" : switch (part) {
                case "monthlyInstalment" -> "Instalment";
                default -> capitalize(part);
            });
            case "topCustomers" -> m.group(2) == null ? section : "customer" + Math.max(index, 1) + ("name".equals(part) ? "Name" : "SharePercent");
            case "topSuppliers" -> m.group(2) == null ? section : "supplier" + Math.max(index, 1) + ("name".equals(part) ? "Name" : "SharePercent");
            case "softInformation" -> "notes".equals(part) ? "softNotes" : orSection(part, section);
            case "loan" -> orSection(part, section);
            default -> recordPath;
        };
    }

    private static String orSection(String part, String section) {
        return part == null ? section : part;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The start form's values for a record: what the account manager enters. */
    public static Map<String, Object> startFormValues(InvestigationRecord r, String customerIdNumber, String leadSource) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerName", r.applicant().name());
        v.put("customerIdNumber", customerIdNumber);
        v.put("applicantAge", r.applicant().age());
        v.put("industry", r.industry());
        v.put("product", r.loan().product());
        v.put("amount", r.loan().amount().doubleValue());
        v.put("termMonths", r.loan().termMonths());
        v.put("purpose", r.loan().purpose());
        v.put("guaranteeType", r.loan().guaranteeType().name());
        v.put("leadSource", leadSource);
        return v;
    }

    /** The bureau task's values for a record: what central operations enters. */
    public static Map<String, Object> bureauFormValues(InvestigationRecord r) {
        var c = r.creditHistory();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("bureauCurrentOverdue", c.currentOverdue());
        v.put("bureauBlacklisted", c.blacklisted());
        v.put("bureauOverdueCount24Months", c.overdueCount24Months());
        v.put("bureauInquiries6Months", c.inquiries6Months());
        v.put("bureauLendersWithOutstanding", c.lendersWithOutstanding());
        v.put("documentsComplete", true);
        return v;
    }

    /**
     * The checklist's values for a record — the inverse of {@link #map} for the investigator's
     * part — as the form submits them (numbers as doubles, percentages as percent).
     */
    public static Map<String, Object> checklistValues(InvestigationRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("yearsInIndustry", r.applicant().yearsInIndustry());
        v.put("yearsResidentLocally", r.applicant().yearsResidentLocally());
        v.put("maritalStatus", r.applicant().maritalStatus() == null ? null : r.applicant().maritalStatus().name());
        v.put("householdMembers", r.household().members());
        v.put("householdDependents", r.household().dependents());
        v.put("householdMonthlyExpenses", r.household().monthlyExpenses());
        v.put("otherMonthlyIncome", r.household().otherMonthlyIncome());
        v.put("businessName", r.business().name());
        v.put("yearsInOperation", r.business().yearsInOperation());
        v.put("employees", r.business().employees());
        v.put("salesLastYear", r.business().salesLastYear());
        v.put("premisesOwned", r.premises().owned());
        v.put("remainingLeaseMonths", r.premises().remainingLeaseMonths());
        v.put("premisesArea", r.premises().areaSquareMetres());
        v.put("reputation", r.softInformation().reputation());
        v.put("familyStability", r.softInformation().familyStability());
        v.put("adverseHabits", r.softInformation().adverseHabits());
        v.put("softNotes", r.softInformation().notes());
        for (int i = 0; i < r.existingDebts().size(); i++) {
            var d = r.existingDebts().get(i);
            v.put("debt" + (i + 1) + "Lender", d.lender());
            v.put("debt" + (i + 1) + "Outstanding", d.outstanding());
            v.put("debt" + (i + 1) + "Instalment", d.monthlyInstalment());
        }
        var bs = r.balanceSheet();
        v.put("bsCash", bs.cash());
        v.put("bsReceivables", bs.receivables());
        v.put("bsInventory", bs.inventory());
        v.put("bsOtherCurrentAssets", bs.otherCurrentAssets());
        v.put("bsFixedAssets", bs.fixedAssets());
        v.put("bsOtherAssets", bs.otherAssets());
        v.put("bsPayables", bs.payables());
        v.put("bsShortTermDebt", bs.shortTermDebt());
        v.put("bsOtherCurrentLiabilities", bs.otherCurrentLiabilities());
        v.put("bsLongTermDebt", bs.longTermDebt());
        v.put("equityOpening", r.equityHistory().openingEquity());
        v.put("equityAccumulatedProfit", r.equityHistory().accumulatedProfit());
        v.put("equityWithdrawals", r.equityHistory().privateWithdrawals());
        var pl = r.profitAndLoss();
        v.put("declaredMonthlySales", pl.declaredMonthlySales());
        v.put("grossMarginPercent", pl.grossMargin().movePointRight(2));
        v.put("rent", pl.rent());
        v.put("wages", pl.wages());
        v.put("utilities", pl.utilities());
        v.put("transport", pl.transport());
        v.put("taxes", pl.taxes());
        v.put("otherExpenses", pl.otherExpenses());
        putMonths(v, r.bankInflows(), "statementsLatestMonth", "inflowMonth");
        putMonths(v, r.purchases(), "purchasesLatestMonth", "purchaseMonth");
        putParties(v, r.topCustomers(), "customer");
        putParties(v, r.topSuppliers(), "supplier");
        r.driverInputs().forEach((name, value) -> v.put(driverVariable(name), value));
        if (r.collateral() != null) {
            v.put("collateralDescription", r.collateral().description());
            v.put("collateralAppraisedValue", r.collateral().appraisedValue());
            v.put("collateralExistingLiens", r.collateral().existingLiens());
        }
        v.replaceAll((k, value) -> value instanceof BigDecimal d ? d.doubleValue() : value);
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    private static void putMonths(Map<String, Object> v, List<MonthlyAmount> months, String latest, String prefix) {
        List<MonthlyAmount> newestFirst = months.stream()
                .sorted(java.util.Comparator.comparing(MonthlyAmount::month).reversed()).toList();
        if (newestFirst.isEmpty()) {
            return;
        }
        v.put(latest, newestFirst.get(0).month().toString());
        for (int i = 0; i < newestFirst.size(); i++) {
            v.put(prefix + (i + 1), newestFirst.get(i).amount());
        }
    }

    private static void putParties(Map<String, Object> v, List<Counterparty> parties, String prefix) {
        for (int i = 0; i < parties.size(); i++) {
            v.put(prefix + (i + 1) + "Name", parties.get(i).name());
            v.put(prefix + (i + 1) + "SharePercent", parties.get(i).share().movePointRight(2));
        }
    }

    /** Reads loosely typed form values, remembering the ones it cannot read. */
    private static final class Reader {

        private final Map<String, Object> values;
        private final List<Violation> unreadable = new ArrayList<>();

        Reader(Map<String, Object> values) {
            this.values = values;
        }

        String text(String name) {
            Object v = values.get(name);
            return v == null ? null : v.toString().isBlank() ? null : v.toString().trim();
        }

        BigDecimal decimal(String name) {
            Object v = values.get(name);
            if (v == null || v instanceof String s && s.isBlank()) {
                return null;
            }
            if (v instanceof BigDecimal d) {
                return d;
            }
            try {
                return new BigDecimal(v.toString().trim().replace(",", ""));
            } catch (NumberFormatException e) {
                unreadable.add(new Violation(name, "NOT_A_NUMBER", "must be a number (was '" + v + "')",
                        "须为数字(当前为 '" + v + "')"));
                return null;
            }
        }

        BigDecimal percent(String name) {
            BigDecimal d = decimal(name);
            return d == null ? null : d.movePointLeft(2);
        }

        Integer integer(String name) {
            BigDecimal d = decimal(name);
            if (d == null) {
                return null;
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                unreadable.add(new Violation(name, "NOT_A_WHOLE_NUMBER", "must be a whole number (was " + d + ")",
                        "须为整数(当前为 " + d + ")"));
                return null;
            }
        }

        Boolean bool(String name) {
            Object v = values.get(name);
            if (v == null || v instanceof String s && s.isBlank()) {
                return null;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            String s = v.toString().trim().toLowerCase();
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
            unreadable.add(new Violation(name, "NOT_A_BOOLEAN", "must be yes or no (was '" + v + "')",
                    "须为是或否(当前为 '" + v + "')"));
            return null;
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                unreadable.add(new Violation(name, "UNKNOWN_VALUE", "must be one of " + List.of(type.getEnumConstants())
                        + " (was '" + s + "')", "不是可选值之一(当前为 '" + s + "')"));
                return null;
            }
        }

        /** Month 1 is the latest month; empty months are left out. */
        List<MonthlyAmount> months(String latestName, String prefix, int count) {
            List<MonthlyAmount> months = new ArrayList<>();
            String latestText = text(latestName);
            YearMonth latest = null;
            if (latestText != null) {
                try {
                    latest = YearMonth.parse(latestText);
                } catch (DateTimeParseException e) {
                    unreadable.add(new Violation(latestName, "NOT_A_MONTH", "must be a month like 2026-10 "
                            + "(was '" + latestText + "')", "须为月份,如 2026-10(当前为 '" + latestText + "')"));
                }
            }
            for (int i = 1; i <= count; i++) {
                BigDecimal amount = decimal(prefix + i);
                if (amount != null) {
                    months.add(new MonthlyAmount(latest == null ? null : latest.minusMonths(i - 1L), amount));
                }
            }
            return months;
        }

        List<Counterparty> counterparties(String prefix) {
            List<Counterparty> list = new ArrayList<>();
            for (int i = 1; i <= COUNTERPARTIES; i++) {
                String name = text(prefix + i + "Name");
                if (name != null) {
                    list.add(new Counterparty(name, percent(prefix + i + "SharePercent")));
                }
            }
            return list;
        }
    }
}

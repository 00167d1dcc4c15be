package cn.smartfactory.lending.scoring;

import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatPercent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.crosscheck.DebtCrossCheck;
import cn.smartfactory.lending.crosscheck.EquityReconciliation;
import cn.smartfactory.lending.crosscheck.HouseholdCheck;
import cn.smartfactory.lending.crosscheck.SalesVerification;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.investigation.InvestigationRecord;

/**
 * Flags, knockouts, grade and suggestion from their decision tables. The tables hold thresholds
 * and reasons; this class adds the figures that triggered each finding.
 */
public class RiskFindings {

    static final String FLAGS = "cross-validation-flags";
    static final String KNOCKOUTS = "risk-knockouts";
    static final String GRADE = "risk-grade";
    static final String SUGGESTION = "decision-suggestion";

    private final DecisionRules rules;

    public RiskFindings(DecisionRules rules) {
        this.rules = rules;
    }

    public List<Flag> flags(SalesVerification sales, EquityReconciliation equity, HouseholdCheck household,
                            DebtCrossCheck debts, StressTest stress,
                            cn.smartfactory.lending.investigation.InvestigationRecord.Guarantor guarantor) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("guaranteeChain", guarantor == null ? null : guarantor.chain().name());
        inputs.put("chainMemberInDefault", guarantor == null ? null : guarantor.chainMemberInDefault());
        // Could the guarantor pay the instalment of the amount offered from their own income?
        inputs.put("guarantorIncomeCover", guarantor == null || guarantor.monthlyIncome() == null
                || stress.instalment().signum() <= 0 ? null
                : guarantor.monthlyIncome().divide(stress.instalment(), cn.smartfactory.lending.common.Decimals.MC));
        inputs.put("stressedDebtServiceRatio", stress.worstDsr());
        inputs.put("stressLeavesNoIncome", stress.worstDsr() == null);
        inputs.put("undeclaredDebt", debts.undeclaredDebt());
        inputs.put("salesDeviation", sales.deviation());
        inputs.put("equityDeviation", equity.deviation());
        // unrounded, so that the flag and the norm applied in the figures agree to the last fen
        inputs.put("householdExpensePerPerson", household.monthlyExpenses()
                .divide(java.math.BigDecimal.valueOf(household.members()), cn.smartfactory.lending.common.Decimals.MC));
        inputs.put("householdExpenseNorm", household.normPerPerson());
        return rules.evaluate(FLAGS, inputs).stream().map(row -> {
            String code = (String) row.get("flag");
            return new Flag(code, Flag.Severity.valueOf((String) row.get("severity")), (String) row.get("reasonZh"),
                    (String) row.get("reasonEn"), code.equals("STRESS_REPAYMENT") ? stressEvidence(stress)
                    : code.equals("GUARANTEE_CHAIN") ? chainEvidence(guarantor)
                    : code.equals("GUARANTOR_INCOME_SHORT") ? guarantor.name() + " 月收入 " + formatMoney(guarantor.monthlyIncome())
                    + ",月供 " + formatMoney(stress.instalment()) + " / earns " + formatMoney(guarantor.monthlyIncome())
                    + " a month against an instalment of " + formatMoney(stress.instalment())
                    : evidence(code, sales, equity, household, debts));
        }).toList();
    }

    public List<Knockout> knockouts(InvestigationRecord r, SalesVerification sales, FinancialProfile f) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("bureauCurrentOverdue", r.creditHistory().currentOverdue());
        inputs.put("blacklisted", r.creditHistory().blacklisted());
        inputs.put("age", r.applicant().age());
        inputs.put("salesDeviation", sales.deviation());
        inputs.put("existingDebtServiceRatio", f.existingDebtServiceRatio());
        inputs.put("disposableIncome", f.disposableIncome());
        inputs.put("usableSalesEstimates", sales.usableEstimates());
        return rules.evaluate(KNOCKOUTS, inputs).stream().map(row -> {
            String code = (String) row.get("knockout");
            return new Knockout(code, (String) row.get("reasonZh"), (String) row.get("reasonEn"),
                    evidence(code, r, sales, f));
        }).toList();
    }

    public String grade(int totalScore) {
        return (String) rules.evaluateSingle(GRADE, Map.of("totalScore", totalScore)).get("grade");
    }

    /**
     * @param belowMinimum the supportable limit is below the product's minimum amount: nothing can be lent
     * @param belowRequest the supportable limit is below the requested amount: a counter-offer
     */
    public Suggestion suggestion(String grade, boolean knockedOut, boolean hardFlag, boolean belowMinimum,
                                 boolean belowRequest) {
        Map<String, Object> row = rules.evaluateSingle(SUGGESTION, Map.of("grade", grade, "knockedOut", knockedOut,
                "hardFlag", hardFlag, "belowMinimum", belowMinimum, "belowRequest", belowRequest));
        return new Suggestion((String) row.get("suggestion"), (String) row.get("suggestionZh"),
                (String) row.get("suggestionEn"));
    }

    private static String evidence(String code, SalesVerification sales, EquityReconciliation equity,
                                   HouseholdCheck household, DebtCrossCheck debts) {
        return switch (code) {
            case "SALES_INCONSISTENT" -> salesEvidence(sales);
            case "EQUITY_GAP" -> "expected equity " + formatMoney(equity.expectedEquity()) + " vs balance-sheet equity "
                    + formatMoney(equity.balanceSheetEquity()) + ": deviation " + formatPercent(equity.deviation());
            case "EXPENSES_IMPLAUSIBLE" -> formatMoney(household.monthlyExpenses()) + " per month for "
                    + household.members() + " person(s) = " + formatMoney(household.expensePerPerson()) + " per person, below the "
                    + household.regionNameEn().toLowerCase(java.util.Locale.ROOT) + " norm of "
                    + formatMoney(household.normPerPerson()) + ": " + formatMoney(household.normTotal()) + " a month used";
            case "UNDECLARED_DEBT" -> debtEvidence(debts);
            default -> "";
        };
    }

    private static String evidence(String code, InvestigationRecord r, SalesVerification sales, FinancialProfile f) {
        return switch (code) {
            case "BUREAU_CURRENT_OVERDUE" -> "bureau report: current overdue";
            case "BLACKLISTED" -> "blacklist hit";
            case "AGE_OUT_OF_RANGE" -> "age " + r.applicant().age();
            case "SALES_DEVIATION_SEVERE" -> salesEvidence(sales);
            case "EXISTING_DSR_ABOVE_100" -> "instalments before this loan " + formatMoney(f.existingInstalments()
                    .add(f.imputedInstalment())) + " / disposable income " + formatMoney(f.disposableIncome()) + " = "
                    + formatPercent(f.existingDebtServiceRatio());
            case "NO_REPAYMENT_CAPACITY" -> "monthly disposable income " + formatMoney(f.disposableIncome());
            case "INSUFFICIENT_SALES_EVIDENCE" -> sales.usableEstimates() + " usable independent estimate(s)";
            default -> "";
        };
    }

    /** The group the guarantor is in, its size and whether a member is in default. */
    static String chainEvidence(cn.smartfactory.lending.investigation.InvestigationRecord.Guarantor g) {
        boolean mutual = g.chain() == cn.smartfactory.lending.investigation.InvestigationRecord.GuaranteeChain.MUTUAL;
        boolean defaulted = Boolean.TRUE.equals(g.chainMemberInDefault());
        return g.name() + " 处于" + (mutual ? "互保" : "联保") + "担保圈(" + g.chainMembers() + " 户)," + (defaulted
                ? "有成员逾期或违约" : "无成员违约") + " / in a " + (mutual ? "mutual guarantee" : "joint guarantee group") + " of "
                + g.chainMembers() + " members" + (defaulted ? "; a member is overdue or in default" : "; none in default");
    }

    /** Both scenarios with their income and DSR, so the approver sees which shock hurts. */
    static String stressEvidence(StressTest s) {
        return "at " + formatMoney(s.amount()) + " (instalment " + formatMoney(s.instalment()) + "): sales −"
                + formatPercent(s.salesDrop()) + " leave " + formatMoney(s.salesDisposable()) + " a month, DSR "
                + (s.salesDsr() == null ? "n/a" : formatPercent(s.salesDsr())) + "; gross margin −" + formatPercent(s.marginDrop())
                + " leaves " + formatMoney(s.marginDisposable()) + ", DSR " + (s.marginDsr() == null ? "n/a"
                : formatPercent(s.marginDsr()));
    }

    /** The gap by its sources: 征信 and English, so the approver sees what was not declared and what it costs a month. */
    static String debtEvidence(DebtCrossCheck d) {
        return d.evidencedBy().nameEn() + " shows " + formatMoney(d.evidencedDebt()) + " against "
                + formatMoney(d.declaredOutstanding()) + " declared (bureau " + formatMoney(d.bureauOutstanding()) + " with "
                + d.bureauLenders() + " lender(s) vs " + d.declaredLenders() + " declared; balance-sheet borrowing "
                + formatMoney(d.balanceSheetDebt()) + "; liens " + formatMoney(d.collateralLiens()) + "): "
                + formatMoney(d.undeclaredDebt()) + " undeclared, imputed at " + formatPercent(d.imputedAnnualRate())
                + " over " + d.imputedTermMonths() + " months = " + formatMoney(d.imputedInstalment()) + " a month";
    }

    private static String salesEvidence(SalesVerification sales) {
        return "declared " + formatMoney(sales.declaredMonthlySales()) + " vs verified "
                + formatMoney(sales.verifiedMonthlySales()) + " per month: deviation " + formatPercent(sales.deviation());
    }
}

package cn.smartfactory.lending.crosscheck;

import static cn.smartfactory.lending.common.Decimals.MC;
import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatPercent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.industry.ExpenseNorm;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.industry.IndustryCatalog.DebtCrossCheckPolicy;
import cn.smartfactory.lending.industry.IndustryCatalog.SalesEvidencePolicy;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.ExistingDebt;
import cn.smartfactory.lending.investigation.InvestigationRecord.MonthlyAmount;

/** Computes the three cross-checks of RISK-MODEL.md §2 from a validated investigation record. */
public class CrossValidation {

    private final IndustryCatalog industries;

    public CrossValidation(IndustryCatalog industries) {
        this.industries = industries;
    }

    public SalesVerification verifySales(InvestigationRecord r) {
        Industry industry = industries.get(r.industry());
        SalesEvidencePolicy policy = industries.salesEvidence();
        BigDecimal declared = r.profitAndLoss().declaredMonthlySales();
        BigDecimal margin = r.profitAndLoss().grossMargin();

        List<SalesEstimate> independent = List.of(
                fromBankStatements(r.bankInflows(), policy),
                fromPurchases(r.purchases(), margin, policy),
                fromDriver(industry, r.driverInputs(), margin));
        List<BigDecimal> usable = independent.stream().filter(SalesEstimate::usable)
                .map(SalesEstimate::monthlySales).sorted().toList();

        BigDecimal verified;
        String methodZh;
        String methodEn;
        if (usable.isEmpty()) {
            verified = declared;
            methodZh = "无有效独立估算,暂以申报额列示(否决项:销售无法核实)";
            methodEn = "no usable independent estimate; the declaration is shown in its place (knockout: sales unverified)";
        } else {
            verified = Decimals.money(median(usable));
            methodZh = usable.size() + " 个有效独立估算的中位数";
            methodEn = "median of " + usable.size() + " usable independent estimate" + (usable.size() == 1 ? "" : "s");
        }
        BigDecimal deviation = deviation(declared, verified);
        List<SalesEstimate> all = new ArrayList<>();
        all.add(new SalesEstimate(SalesSource.DECLARED, declared, false, "业主申报月销售额", "monthly sales declared by the owner",
                deviation));
        for (SalesEstimate e : independent) {
            all.add(e.usable() ? e.withDeviation(deviation(e.monthlySales(), verified)) : e);
        }
        return new SalesVerification(declared, List.copyOf(all), usable.size(), verified, deviation, methodZh, methodEn);
    }

    public EquityReconciliation reconcileEquity(InvestigationRecord r, BigDecimal balanceSheetEquity) {
        var history = r.equityHistory();
        BigDecimal expected = history.openingEquity().add(history.accumulatedProfit()).subtract(history.privateWithdrawals());
        BigDecimal deviation;
        if (expected.signum() == 0) {
            deviation = balanceSheetEquity.signum() == 0 ? BigDecimal.ZERO.setScale(Decimals.RATIO_SCALE)
                    : BigDecimal.ONE.setScale(Decimals.RATIO_SCALE);
        } else {
            deviation = Decimals.ratio(balanceSheetEquity.subtract(expected).abs(), expected.abs());
        }
        return new EquityReconciliation(history.openingEquity(), history.accumulatedProfit(), history.privateWithdrawals(),
                expected, balanceSheetEquity, deviation);
    }

    /**
     * Declared debts against the bureau, the balance sheet's borrowing and the collateral's liens: the largest of
     * those is the debt the borrower has at least (they overlap — a bank loan is on the bureau and on the balance
     * sheet — so they are not added); the part above the declared debts, when above the tolerance, is imputed as an
     * equal instalment on the reference data's assumptions.
     */
    public DebtCrossCheck checkDebts(InvestigationRecord r) {
        DebtCrossCheckPolicy policy = industries.debtCrossCheck();
        BigDecimal declared = r.existingDebts().stream().map(ExistingDebt::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        var bureau = r.creditHistory();
        BigDecimal balanceSheet = r.balanceSheet().shortTermDebt().add(r.balanceSheet().longTermDebt());
        BigDecimal liens = r.collateral() == null || r.collateral().existingLiens() == null ? BigDecimal.ZERO
                : r.collateral().existingLiens();
        // In this order, so that on a tie the bureau (the most complete source) is named.
        Map<DebtCrossCheck.Source, BigDecimal> sources = new java.util.LinkedHashMap<>();
        sources.put(DebtCrossCheck.Source.BUREAU, bureau.outstandingBalance());
        sources.put(DebtCrossCheck.Source.BALANCE_SHEET, balanceSheet);
        sources.put(DebtCrossCheck.Source.COLLATERAL_LIENS, liens);
        DebtCrossCheck.Source largest = DebtCrossCheck.Source.DECLARED;
        BigDecimal evidenced = declared;
        for (var source : sources.entrySet()) {
            if (source.getValue().compareTo(evidenced) > 0) {
                largest = source.getKey();
                evidenced = source.getValue();
            }
        }
        BigDecimal gap = evidenced.subtract(declared);
        BigDecimal undeclared = gap.compareTo(policy.toleranceCny()) > 0 ? gap : BigDecimal.ZERO;
        BigDecimal instalment = undeclared.signum() == 0 ? Decimals.money(BigDecimal.ZERO)
                : Decimals.money(cn.smartfactory.lending.limit.Annuity.payment(undeclared, policy.imputedAnnualRate(),
                        policy.imputedTermMonths()));
        return new DebtCrossCheck(declared, r.existingDebts().size(), bureau.outstandingBalance(),
                bureau.lendersWithOutstanding(), balanceSheet, liens, evidenced, largest, gap, policy.toleranceCny(),
                undeclared, policy.imputedAnnualRate(), policy.imputedTermMonths(), instalment);
    }

    /** Declared household expenses against the region's norm × members; the higher is used downstream. */
    public HouseholdCheck checkHousehold(InvestigationRecord r) {
        int members = r.household().members();
        BigDecimal expenses = r.household().monthlyExpenses();
        ExpenseNorm norm = industries.expenseNorm(r.household().region()).orElseThrow(
                () -> new IllegalArgumentException("unknown household region '" + r.household().region() + "'"));
        BigDecimal normTotal = Decimals.money(norm.perPersonMonthly().multiply(BigDecimal.valueOf(members)));
        return new HouseholdCheck(members, expenses, Decimals.money(expenses.divide(BigDecimal.valueOf(members), MC)),
                norm.code(), norm.nameZh(), norm.nameEn(), norm.perPersonMonthly(), normTotal, expenses.max(normTotal));
    }

    private static SalesEstimate fromBankStatements(List<MonthlyAmount> inflows, SalesEvidencePolicy policy) {
        List<MonthlyAmount> latest = latest(inflows, policy.lookbackMonths());
        if (latest.size() < policy.minimumStatementMonths()) {
            return unusable(SalesSource.BANK_STATEMENTS,
                    "银行流水仅 " + latest.size() + " 个月,至少需要 " + policy.minimumStatementMonths() + " 个月",
                    "statements cover " + latest.size() + " month(s); " + policy.minimumStatementMonths() + " needed");
        }
        BigDecimal average = average(latest);
        if (average.signum() == 0) {
            return unusable(SalesSource.BANK_STATEMENTS, "银行流水无经营性流入", "no business inflows on the statements");
        }
        return new SalesEstimate(SalesSource.BANK_STATEMENTS, average, true,
                "最近 " + latest.size() + " 个月经营性流入月均 " + formatMoney(average),
                "average business inflow over the latest " + latest.size() + " months: " + formatMoney(average), null);
    }

    private static SalesEstimate fromPurchases(List<MonthlyAmount> purchases, BigDecimal margin,
                                               SalesEvidencePolicy policy) {
        List<MonthlyAmount> latest = latest(purchases, policy.lookbackMonths());
        if (latest.size() < policy.minimumPurchaseMonths()) {
            return unusable(SalesSource.PURCHASES,
                    "进货记录仅 " + latest.size() + " 个月,至少需要 " + policy.minimumPurchaseMonths() + " 个月",
                    "purchases cover " + latest.size() + " month(s); " + policy.minimumPurchaseMonths() + " needed");
        }
        BigDecimal average = average(latest);
        if (average.signum() == 0) {
            return unusable(SalesSource.PURCHASES, "无进货记录金额", "purchases total zero");
        }
        // Margin is on sales (as in the P&L and the benchmarks), so sales = cost / (1 - margin);
        // this equals purchases x (1 + markup on cost).
        BigDecimal sales = Decimals.money(average.divide(BigDecimal.ONE.subtract(margin), MC));
        return new SalesEstimate(SalesSource.PURCHASES, sales, true,
                "最近 " + latest.size() + " 个月月均进货 " + formatMoney(average) + " ÷ (1 − 毛利率 " + formatPercent(margin) + ")",
                "average purchases over the latest " + latest.size() + " months " + formatMoney(average)
                        + " / (1 - gross margin " + formatPercent(margin) + ")", null);
    }

    private static SalesEstimate fromDriver(Industry industry, Map<String, BigDecimal> inputs, BigDecimal margin) {
        if (inputs.isEmpty()) {
            return unusable(SalesSource.OPERATIONAL_DRIVER, "未填写经营驱动数据", "driver inputs not recorded");
        }
        Map<String, Object> variables = new HashMap<>(inputs);
        variables.put("grossMargin", margin);
        BigDecimal value = industry.driverFormula().evaluate(variables);
        if (value == null || value.signum() <= 0) {
            return unusable(SalesSource.OPERATIONAL_DRIVER, "经营驱动推算结果不为正", "the driver gives no positive sales");
        }
        BigDecimal sales = Decimals.money(value);
        return new SalesEstimate(SalesSource.OPERATIONAL_DRIVER, sales, true,
                industry.driverDescriptionZh() + " = " + formatMoney(sales),
                industry.driverDescriptionEn() + " = " + formatMoney(sales) + " (" + describe(industry, inputs) + ")", null);
    }

    private static String describe(Industry industry, Map<String, BigDecimal> inputs) {
        return industry.driverInputs().stream()
                .map(i -> i.name() + " " + Decimals.formatNumber(inputs.get(i.name())))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static SalesEstimate unusable(SalesSource source, String zh, String en) {
        return new SalesEstimate(source, null, false, zh, en, null);
    }

    private static List<MonthlyAmount> latest(List<MonthlyAmount> months, int lookback) {
        return months.stream().sorted(Comparator.comparing(MonthlyAmount::month).reversed()).limit(lookback).toList();
    }

    private static BigDecimal average(List<MonthlyAmount> months) {
        BigDecimal sum = months.stream().map(MonthlyAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Decimals.money(sum.divide(BigDecimal.valueOf(months.size()), MC));
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
    }

    private static BigDecimal deviation(BigDecimal value, BigDecimal verified) {
        return value.subtract(verified).abs().divide(verified, MC).setScale(Decimals.RATIO_SCALE, RoundingMode.HALF_UP);
    }
}

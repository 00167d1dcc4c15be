package cn.smartfactory.lending.scoring;

import static cn.smartfactory.lending.common.Decimals.MC;
import static cn.smartfactory.lending.common.Decimals.THIRTY;
import static cn.smartfactory.lending.common.Decimals.money;
import static cn.smartfactory.lending.common.Decimals.ratio;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;

import cn.smartfactory.lending.crosscheck.DebtCrossCheck;
import cn.smartfactory.lending.crosscheck.HouseholdCheck;
import cn.smartfactory.lending.crosscheck.SalesEstimate;
import cn.smartfactory.lending.industry.SalesCycle;
import cn.smartfactory.lending.industry.StressScenario;
import cn.smartfactory.lending.limit.RepaymentSchedule;
import cn.smartfactory.lending.crosscheck.SalesSource;
import cn.smartfactory.lending.crosscheck.SalesVerification;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.Counterparty;
import cn.smartfactory.lending.investigation.InvestigationRecord.ExistingDebt;
import cn.smartfactory.lending.product.ProductTerms;

/** Rebuilds the P&amp;L, household cash flow and balance sheet on verified sales (S_v, not S_d). */
public class FinancialAnalysis {

    /**
     * @param household the household expenses used: the higher of the declaration and the region's norm
     */
    public FinancialProfile analyse(InvestigationRecord r, SalesVerification sales, ProductTerms product,
                                    DebtCrossCheck debts, HouseholdCheck household, RepaymentSchedule.Plan plan) {
        var pl = r.profitAndLoss();
        var bs = r.balanceSheet();
        BigDecimal monthlySales = sales.verifiedMonthlySales();
        BigDecimal margin = pl.grossMargin();
        BigDecimal cogs = money(monthlySales.multiply(BigDecimal.ONE.subtract(margin), MC));
        BigDecimal grossProfit = monthlySales.subtract(cogs);
        BigDecimal opex = pl.rent().add(pl.wages()).add(pl.utilities()).add(pl.transport()).add(pl.taxes())
                .add(pl.otherExpenses());
        BigDecimal netProfit = grossProfit.subtract(opex);

        BigDecimal otherIncome = r.household().otherMonthlyIncome();
        BigDecimal householdExpenses = household.expensesUsed();
        BigDecimal disposable = netProfit.add(otherIncome).subtract(householdExpenses);
        BigDecimal existingInstalments = sum(r.existingDebts().stream().map(ExistingDebt::monthlyInstalment).toList());
        BigDecimal existingOutstanding = sum(r.existingDebts().stream().map(ExistingDebt::outstanding).toList());
        BigDecimal newInstalment = plan.monthlyDebtService(r.loan().amount(), product.annualRate(), r.loan().termMonths());
        BigDecimal imputed = debts.imputedInstalment();
        BigDecimal dsr = disposable.signum() > 0
                ? ratio(existingInstalments.add(imputed).add(newInstalment), disposable) : null;
        BigDecimal existingDsr = disposable.signum() > 0 ? ratio(existingInstalments.add(imputed), disposable) : null;

        BigDecimal currentAssets = bs.cash().add(bs.receivables()).add(bs.inventory()).add(bs.otherCurrentAssets());
        BigDecimal totalAssets = currentAssets.add(bs.fixedAssets()).add(bs.otherAssets());
        BigDecimal currentLiabilities = bs.payables().add(bs.shortTermDebt()).add(bs.otherCurrentLiabilities());
        BigDecimal totalLiabilities = currentLiabilities.add(bs.longTermDebt());
        BigDecimal equity = totalAssets.subtract(totalLiabilities);

        BigDecimal inflows = sales.estimates().stream()
                .filter(e -> e.source() == SalesSource.BANK_STATEMENTS && e.usable())
                .map(SalesEstimate::monthlySales).findFirst().orElse(null);
        BigDecimal annualSales = sales.verifiedAnnualSales();
        BigDecimal lastYear = r.business().salesLastYear();

        return new FinancialProfile(monthlySales, margin, cogs, grossProfit, opex, netProfit, ratio(netProfit, monthlySales),
                otherIncome, householdExpenses, disposable, existingInstalments, imputed, newInstalment, dsr, existingDsr,
                currentAssets, totalAssets, currentLiabilities, totalLiabilities, equity, existingOutstanding,
                ratio(totalLiabilities, totalAssets),
                ratio(currentAssets, currentLiabilities),
                cogs.signum() == 0 ? null : ratio(bs.inventory().multiply(THIRTY), cogs),
                ratio(bs.receivables().multiply(THIRTY), monthlySales),
                inflows == null ? null : ratio(inflows, pl.declaredMonthlySales()),
                ratio(r.loan().amount(), annualSales),
                lastYear == null || lastYear.signum() == 0 ? null : ratio(annualSales.subtract(lastYear), lastYear),
                share(r.topCustomers()), share(r.topSuppliers()));
    }

    /**
     * The loan at {@code amount} under the industry's stress: sales lower by the sales drop, and separately the margin
     * lower by the margin drop; operating expenses, other income and household spending as in the profile.
     */
    public StressTest stress(InvestigationRecord r, FinancialProfile f, ProductTerms product, StressScenario scenario,
                             BigDecimal amount, RepaymentSchedule.Plan plan) {
        BigDecimal instalment = plan.monthlyDebtService(amount, product.annualRate(), r.loan().termMonths());
        BigDecimal debtService = f.existingInstalments().add(f.imputedInstalment()).add(instalment);
        BigDecimal lowerSales = f.monthlySales().multiply(BigDecimal.ONE.subtract(scenario.salesDrop()), MC);
        BigDecimal salesDisposable = disposable(lowerSales, f.grossMargin(), f);
        BigDecimal marginDisposable = disposable(f.monthlySales(), f.grossMargin().subtract(scenario.marginDrop()), f);
        BigDecimal salesDsr = salesDisposable.signum() > 0 ? ratio(debtService, salesDisposable) : null;
        BigDecimal marginDsr = marginDisposable.signum() > 0 ? ratio(debtService, marginDisposable) : null;
        BigDecimal worst = salesDsr == null || marginDsr == null ? null : salesDsr.max(marginDsr);
        return new StressTest(amount, instalment, scenario.salesDrop(), salesDisposable, salesDsr, scenario.marginDrop(),
                marginDisposable, marginDsr, worst);
    }

    /**
     * Disposable income in a calendar month by the industry's business cycle: the month's sales are the verified
     * monthly sales × the month's index, at the verified margin; expenses, other income and household spending as in
     * the profile. Without a cycle every month is the average month.
     */
    public static Function<YearMonth, BigDecimal> disposableByMonth(FinancialProfile f, SalesCycle cycle) {
        if (cycle == null) {
            return m -> f.disposableIncome();
        }
        return m -> disposable(f.monthlySales().multiply(cycle.salesIndex(m.getMonthValue()), MC), f.grossMargin(), f);
    }

    private static BigDecimal disposable(BigDecimal sales, BigDecimal margin, FinancialProfile f) {
        return money(sales.multiply(margin, MC)).subtract(f.operatingExpenses()).add(f.otherHouseholdIncome())
                .subtract(f.householdExpenses());
    }

    private static BigDecimal share(List<Counterparty> top) {
        return sum(top.stream().map(Counterparty::share).toList());
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

}

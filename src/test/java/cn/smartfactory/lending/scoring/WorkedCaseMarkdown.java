package cn.smartfactory.lending.scoring;

import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatNumber;
import static cn.smartfactory.lending.common.Decimals.formatPercent;

import java.util.stream.Collectors;

import cn.smartfactory.lending.crosscheck.SalesEstimate;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.limit.LimitConstraint;

/** Writes one worked case as the markdown section of docs/risk-model.md, from the engine's own result. */
final class WorkedCaseMarkdown {

    private WorkedCaseMarkdown() {
    }

    static String render(String name, InvestigationRecord r, RiskAssessment a) {
        var f = a.financials();
        var pl = r.profitAndLoss();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(a.industryNameEn()).append(" ").append(a.industryNameZh()).append(" — ")
                .append(r.applicant().name()).append(", ").append(r.business().name()).append("\n\n");
        md.append("Input: [`docs/worked-cases/").append(name).append(".json`](worked-cases/").append(name)
                .append(".json). ").append(a.product().nameEn()).append(" ").append(a.product().nameZh()).append(", ")
                .append(formatMoney(a.requestedAmount())).append(" over ").append(a.termMonths()).append(" months at ")
                .append(formatPercent(a.product().annualRate())).append(" a year.\n\n");

        md.append("**Sales cross-validation** (monthly):\n\n| source | estimate | deviation from S_v | basis |\n|---|---:|---:|---|\n");
        for (SalesEstimate e : a.sales().estimates()) {
            md.append("| ").append(e.source().symbol()).append(" ").append(e.source().nameEn()).append(" | ")
                    .append(e.monthlySales() == null ? "not usable" : formatMoney(e.monthlySales())).append(" | ")
                    .append(e.deviation() == null ? "" : formatPercent(e.deviation())).append(" | ")
                    .append(e.basisEn()).append(" |\n");
        }
        md.append("\nS_v = ").append(a.sales().methodEn()).append(" = **").append(formatMoney(a.sales().verifiedMonthlySales()))
                .append("** a month (").append(formatMoney(a.sales().verifiedAnnualSales())).append(" a year); δ_s = |")
                .append(formatMoney(pl.declaredMonthlySales())).append(" − ").append(formatMoney(a.sales().verifiedMonthlySales()))
                .append("| / ").append(formatMoney(a.sales().verifiedMonthlySales())).append(" = ")
                .append(formatPercent(a.sales().deviation())).append(".\n\n");

        md.append("**Monthly P&L on S_v and cash flow:** gross profit ").append(formatMoney(f.monthlySales())).append(" × ")
                .append(formatPercent(f.grossMargin())).append(" = ").append(formatMoney(f.grossProfit()))
                .append("; operating expenses ").append(formatMoney(f.operatingExpenses())).append("; net profit ")
                .append(formatMoney(f.netProfit())).append(" (net margin ").append(formatPercent(f.netMargin()))
                .append("); disposable income = ").append(formatMoney(f.netProfit())).append(" + other income ")
                .append(formatMoney(f.otherHouseholdIncome())).append(" − household expenses ")
                .append(formatMoney(f.householdExpenses()))
                .append(a.household().normApplied() ? " (the " + a.household().regionNameEn().toLowerCase(java.util.Locale.ROOT)
                        + " norm " + formatMoney(a.household().normPerPerson()) + " × " + a.household().members()
                        + "; declared " + formatMoney(a.household().monthlyExpenses()) + ")" : "")
                .append(" = **").append(formatMoney(f.disposableIncome()))
                .append("**. New instalment ").append(formatMoney(f.newInstalment())).append(", existing ")
                .append(formatMoney(f.existingInstalments()))
                .append(f.imputedInstalment().signum() > 0 ? ", imputed for undeclared debt " + formatMoney(f.imputedInstalment()) : "")
                .append(": DSR at the request = **")
                .append(f.debtServiceRatio() == null ? "n/a (no disposable income)" : formatPercent(f.debtServiceRatio()))
                .append("**; before this loan ")
                .append(f.existingDebtServiceRatio() == null ? "n/a" : formatPercent(f.existingDebtServiceRatio()))
                .append(" (scored).\n\n");
        md.append("**Balance sheet:** assets ").append(formatMoney(f.totalAssets())).append(", liabilities ")
                .append(formatMoney(f.totalLiabilities())).append(", equity ").append(formatMoney(f.equity()))
                .append("; expected equity ").append(formatMoney(a.equity().openingEquity())).append(" + ")
                .append(formatMoney(a.equity().accumulatedProfit())).append(" − ").append(formatMoney(a.equity().privateWithdrawals()))
                .append(" = ").append(formatMoney(a.equity().expectedEquity())).append(", deviation ")
                .append(formatPercent(a.equity().deviation())).append(".\n\n");

        var debts = a.debts();
        md.append("**Debts cross-checked:** declared ").append(formatMoney(debts.declaredOutstanding())).append(" with ")
                .append(debts.declaredLenders()).append(" lender(s); bureau ").append(formatMoney(debts.bureauOutstanding()))
                .append(" with ").append(debts.bureauLenders()).append(" lender(s); balance-sheet borrowing ")
                .append(formatMoney(debts.balanceSheetDebt())).append("; liens on the collateral ")
                .append(formatMoney(debts.collateralLiens())).append(". Largest evidence: ").append(debts.evidencedBy().nameEn())
                .append(" ").append(formatMoney(debts.evidencedDebt())).append("; gap ").append(formatMoney(debts.gap()))
                .append(debts.undeclared()
                        ? " above the tolerance of " + formatMoney(debts.toleranceCny()) + ": imputed as " + formatMoney(debts.imputedInstalment())
                                + " a month (" + formatPercent(debts.imputedAnnualRate()) + " over " + debts.imputedTermMonths() + " months)"
                        : " within the tolerance of " + formatMoney(debts.toleranceCny()) + ": nothing imputed")
                .append(".\n\n");

        md.append("**Scorecard:**\n\n| dimension | indicator | value | bin | points / weight |\n|---|---|---|---|---:|\n");
        for (IndicatorScore s : a.indicators()) {
            md.append("| ").append(s.dimension().nameEn()).append(" | ").append(s.indicator().nameEn()).append(" | ")
                    .append(s.displayValue()).append(" | ").append(s.bin()).append(" | ").append(s.points()).append(" / ")
                    .append(s.weight()).append(" |\n");
        }
        md.append("\nSubtotals: ").append(a.dimensions().stream()
                .map(d -> d.dimension().nameEn() + " " + d.points() + "/" + d.weight()).collect(Collectors.joining(", ")))
                .append(". **Total ").append(a.totalScore()).append(", grade ").append(a.grade()).append("**.\n\n");

        md.append("**Credit limit** (DSR cap for grade ").append(a.grade()).append(": ")
                .append(formatPercent(a.creditLimit().dsrCap())).append("):\n\n| constraint | amount | how |\n|---|---:|---|\n");
        for (LimitConstraint c : a.creditLimit().constraints()) {
            md.append("| ").append(c.kind().nameEn()).append(c.kind() == a.creditLimit().binding() ? " **(binding)**" : "")
                    .append(" | ").append(formatMoney(c.amount())).append(" | ").append(c.basisEn()).append(" |\n");
        }
        md.append("\nSuggested limit: **").append(formatMoney(a.creditLimit().suggested())).append("**")
                .append(a.knockedOut() ? " (knocked out)" : " (the binding constraint rounded down to "
                        + formatNumber(a.creditLimit().roundingUnit()) + ")").append(".");
        if (a.counterOffer() != null) {
            md.append(" **Counter-offer** ").append(formatMoney(a.counterOffer().amount())).append(": ")
                    .append(a.counterOffer().reasonEn()).append("; instalment ").append(formatMoney(a.counterOffer().instalment()))
                    .append(", DSR ").append(formatPercent(a.counterOffer().debtServiceRatio())).append(".");
        }
        var stress = a.stress();
        md.append(" **Stress test** at ").append(formatMoney(stress.amount())).append(" (instalment ")
                .append(formatMoney(stress.instalment())).append("): sales −").append(formatPercent(stress.salesDrop()))
                .append(" leave ").append(formatMoney(stress.salesDisposable())).append(", DSR ")
                .append(stress.salesDsr() == null ? "n/a" : formatPercent(stress.salesDsr())).append("; gross margin −")
                .append(formatPercent(stress.marginDrop())).append(" leaves ").append(formatMoney(stress.marginDisposable()))
                .append(", DSR ").append(stress.marginDsr() == null ? "n/a" : formatPercent(stress.marginDsr())).append(".");
        md.append("\n\n");
        md.append("**Outcome:** ").append(a.suggestion().textEn()).append(" (").append(a.suggestion().textZh()).append(")");
        md.append("; approval route: ").append(a.approvalRoute().nameEn()).append(" — ").append(a.approvalRoute().reasonEn()).append(".");
        if (!a.flags().isEmpty()) {
            md.append(" Flags: ").append(a.flags().stream().map(x -> "`" + x.code() + "` " + x.severity() + " (" + x.evidence() + ")")
                    .collect(Collectors.joining("; "))).append(".");
        }
        if (!a.knockouts().isEmpty()) {
            md.append(" Knockouts: ").append(a.knockouts().stream().map(k -> "`" + k.code() + "` (" + k.evidence() + ")")
                    .collect(Collectors.joining("; "))).append(".");
        }
        md.append("\n");
        return md.toString();
    }
}

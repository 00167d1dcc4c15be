package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;
import java.util.List;

import cn.smartfactory.lending.approval.ApprovalRoute;
import cn.smartfactory.lending.crosscheck.DebtCrossCheck;
import cn.smartfactory.lending.crosscheck.EquityReconciliation;
import cn.smartfactory.lending.crosscheck.HouseholdCheck;
import cn.smartfactory.lending.crosscheck.SalesVerification;
import cn.smartfactory.lending.limit.CreditLimit;
import cn.smartfactory.lending.product.ProductTerms;

/**
 * Everything the credit report and the approver need about one application, in one object:
 * verified sales and how they were reached, declared debts against the bureau, balance sheet and liens, the
 * reconstructed financials against the industry,
 * every indicator with value, bin, points, weight and dimension, subtotals, grade, suggestion,
 * knockouts and flags with reasons, every limit constraint with the binding one, and the approval
 * route.
 *
 * @param approvalRoute routed on the suggested limit, or on the requested amount when a knockout
 *                      leaves no limit
 * @param product       the product's terms at the priced rate (risk-based pricing by grade)
 * @param pricing       how the rate was reached: list rate + the grade's spread
 * @param stress        the amount offered under the industry's sales drop and margin drop
 * @param counterOffer  the lower amount offered when a constraint allows less than the request (null otherwise)
 * @param schedule      the repayment schedule of the amount offered (the suggested limit, or the request when there is
 *                      none) at the priced rate, from the month after the planned drawdown
 * @param plan          how the loan is to be repaid: the structure, the first repayment and a seasonal schedule's peak
 *                      months as assessed
 */
public record RiskAssessment(
        String applicationId,
        String industryCode, String industryNameZh, String industryNameEn,
        ProductTerms product,
        BigDecimal requestedAmount, int termMonths,
        SalesVerification sales,
        EquityReconciliation equity,
        HouseholdCheck household,
        DebtCrossCheck debts,
        FinancialProfile financials,
        List<BenchmarkComparison> benchmarks,
        List<IndicatorScore> indicators,
        List<DimensionScore> dimensions,
        int totalScore,
        String grade,
        Suggestion suggestion,
        List<Knockout> knockouts,
        List<Flag> flags,
        CreditLimit creditLimit,
        ApprovalRoute approvalRoute,
        CounterOffer counterOffer,
        cn.smartfactory.lending.limit.RiskBasedPricing.Pricing pricing,
        StressTest stress,
        cn.smartfactory.lending.limit.RepaymentSchedule schedule,
        cn.smartfactory.lending.limit.RepaymentSchedule.Plan plan) {

    public boolean knockedOut() {
        return !knockouts.isEmpty();
    }

    public boolean hasHardFlag() {
        return flags.stream().anyMatch(f -> f.severity() == Flag.Severity.HARD);
    }

    public IndicatorScore indicator(Indicator indicator) {
        return indicators.stream().filter(s -> s.indicator() == indicator).findFirst().orElseThrow();
    }
}

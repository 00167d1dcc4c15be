package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;
import java.util.List;

import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.approval.ApprovalRoute;
import cn.smartfactory.lending.crosscheck.CrossValidation;
import cn.smartfactory.lending.crosscheck.DebtCrossCheck;
import cn.smartfactory.lending.crosscheck.EquityReconciliation;
import cn.smartfactory.lending.crosscheck.HouseholdCheck;
import cn.smartfactory.lending.crosscheck.SalesVerification;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.industry.BenchmarkMetric;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvalidInvestigationException;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationValidator;
import cn.smartfactory.lending.limit.CreditLimit;
import cn.smartfactory.lending.limit.CreditLimitCalculator;
import cn.smartfactory.lending.limit.LimitConstraint;
import cn.smartfactory.lending.limit.RepaymentSchedule;
import cn.smartfactory.lending.limit.RiskBasedPricing;
import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.product.ProductCatalog;
import cn.smartfactory.lending.product.ProductTerms;

/**
 * The risk engine: validates an investigation, cross-validates it, rebuilds the financials,
 * scores, finds flags and knockouts, computes the limit and routes the approval. Engine-free and
 * stateless, so the process delegate, the REST API, tests and benchmarks all call the same thing.
 */
public class RiskEngine {

    private final IndustryCatalog industries;
    private final ProductCatalog products;
    private final InvestigationValidator validator;
    private final CrossValidation crossValidation;
    private final FinancialAnalysis financialAnalysis;
    private final Scorecard scorecard;
    private final RiskFindings findings;
    private final CreditLimitCalculator limits;
    private final ApprovalAuthority authority;
    private final RiskBasedPricing pricing;

    public RiskEngine(IndustryCatalog industries, DecisionRules rules) {
        this.industries = industries;
        this.products = new ProductCatalog(rules);
        this.validator = new InvestigationValidator(industries, products);
        this.crossValidation = new CrossValidation(industries);
        this.financialAnalysis = new FinancialAnalysis();
        this.scorecard = new Scorecard(rules);
        this.findings = new RiskFindings(rules);
        this.limits = new CreditLimitCalculator(rules);
        this.authority = new ApprovalAuthority(rules);
        this.pricing = new RiskBasedPricing(rules);
    }

    /** An engine over the reference data and rule files shipped on the classpath. */
    public static RiskEngine standalone() {
        return new RiskEngine(IndustryCatalog.fromClasspath(),
                cn.smartfactory.lending.decision.StandaloneDecisionRules.fromClasspath());
    }

    public InvestigationValidator validator() {
        return validator;
    }

    /**
     * Assesses a record.
     *
     * @throws InvalidInvestigationException naming every missing or impossible field; nothing is
     *                                       scored from partial data
     */
    public RiskAssessment assess(InvestigationRecord r) {
        validator.check(r);
        Industry industry = industries.get(r.industry());
        ProductTerms listed = products.find(r.loan().product()).orElseThrow();

        SalesVerification sales = crossValidation.verifySales(r);
        DebtCrossCheck debts = crossValidation.checkDebts(r);
        HouseholdCheck household = crossValidation.checkHousehold(r);
        // The scorecard uses nothing that depends on the rate, so the grade comes first and prices the loan; the
        // instalment, the DSR at the request and the limit are then at the priced rate.
        RepaymentSchedule.Plan plan = plan(r, industry);
        FinancialProfile unpriced = financialAnalysis.analyse(r, sales, listed, debts, household, plan);
        EquityReconciliation equity = crossValidation.reconcileEquity(r, unpriced.equity());

        List<IndicatorScore> indicators = scorecard.score(r, industry, unpriced, sales, equity);
        List<DimensionScore> dimensions = Scorecard.subtotals(indicators);
        int total = dimensions.stream().mapToInt(DimensionScore::points).sum();
        String grade = findings.grade(total);
        RiskBasedPricing.Pricing pricing = this.pricing.price(listed, grade);
        ProductTerms product = listed.atRate(pricing.rate());
        FinancialProfile f = financialAnalysis.analyse(r, sales, product, debts, household, plan);

        List<Knockout> knockouts = findings.knockouts(r, sales, f);
        CreditLimit limit = limits.calculate(r, product, grade, f.disposableIncome(), f.existingInstalments(),
                f.imputedInstalment(), sales.verifiedAnnualSales(), industry.salesCapRatio(), !knockouts.isEmpty(), plan,
                FinancialAnalysis.disposableByMonth(f, industry.cycle()));
        // The stress test is of the amount that would be lent: the suggested limit, or the request when there is none.
        StressTest stress = financialAnalysis.stress(r, f, product, industry.stress(),
                limit.suggested().signum() > 0 ? limit.suggested() : r.loan().amount(), plan);
        // The guarantor is assessed only where a guarantor guarantees the loan.
        var guarantor = r.loan().guaranteeType() == InvestigationRecord.GuaranteeType.GUARANTOR ? r.guarantor() : null;
        List<Flag> flags = findings.flags(sales, equity, household, debts, stress, guarantor);
        boolean hardFlag = flags.stream().anyMatch(x -> x.severity() == Flag.Severity.HARD);
        boolean belowMinimum = limit.suggested().compareTo(product.minAmount()) < 0;
        // A counter-offer only when a constraint other than the request binds; rounding a request down to the product's
        // unit is not one.
        boolean belowRequest = knockouts.isEmpty() && limit.binding() != LimitConstraint.Kind.REQUESTED
                && limit.suggested().compareTo(r.loan().amount()) < 0;
        Suggestion suggestion = findings.suggestion(grade, !knockouts.isEmpty(), hardFlag, belowMinimum, belowRequest);
        CounterOffer counterOffer = belowRequest && !belowMinimum && !Suggestion.DECLINE.equals(suggestion.code())
                ? counterOffer(r, product, f, limit, plan) : null;
        BigDecimal routedAmount = limit.suggested().signum() > 0 ? limit.suggested() : r.loan().amount();
        ApprovalRoute route = authority.route(routedAmount, grade, product.code(), hardFlag, flags.size(), false);

        List<BenchmarkComparison> benchmarks = List.of(
                BenchmarkComparison.of(BenchmarkMetric.GROSS_MARGIN, f.grossMargin(), industry.band(BenchmarkMetric.GROSS_MARGIN)),
                BenchmarkComparison.of(BenchmarkMetric.NET_MARGIN, f.netMargin(), industry.band(BenchmarkMetric.NET_MARGIN)),
                BenchmarkComparison.of(BenchmarkMetric.INVENTORY_DAYS, f.inventoryDays(), industry.band(BenchmarkMetric.INVENTORY_DAYS)),
                BenchmarkComparison.of(BenchmarkMetric.RECEIVABLE_DAYS, f.receivableDays(), industry.band(BenchmarkMetric.RECEIVABLE_DAYS)));

        return new RiskAssessment(r.applicationId(), industry.code(), industry.nameZh(), industry.nameEn(), product,
                r.loan().amount(), r.loan().termMonths(), sales, equity, household, debts, f, benchmarks, indicators, dimensions,
                total, grade, suggestion, knockouts, flags, limit, route, counterOffer, pricing, stress,
                plan.schedule(stress.amount(), product.annualRate(), r.loan().termMonths()), plan);
    }

    /**
     * How the record's loan is to be repaid: its structure, the first repayment in the month after the planned
     * drawdown, and the industry's peak months for a seasonal schedule.
     */
    public static RepaymentSchedule.Plan plan(InvestigationRecord r, Industry industry) {
        var loan = r.loan();
        boolean seasonal = loan.repaymentStructure() == cn.smartfactory.lending.product.RepaymentStructure.SEASONAL;
        return new RepaymentSchedule.Plan(loan.repaymentStructure(), loan.drawdownMonth().plusMonths(1),
                seasonal ? java.util.Set.copyOf(industry.cycle().peakMonths()) : null);
    }

    /** The suggested limit offered instead of the request, with the constraint that set it and its cost a month. */
    static CounterOffer counterOffer(InvestigationRecord r, ProductTerms product, FinancialProfile f, CreditLimit limit,
                                     RepaymentSchedule.Plan plan) {
        LimitConstraint binding = limit.constraint(limit.binding());
        BigDecimal offered = limit.suggested();
        BigDecimal instalment = plan.monthlyDebtService(offered, product.annualRate(), r.loan().termMonths());
        BigDecimal dsr = f.disposableIncome().signum() > 0 ? Decimals.ratio(f.existingInstalments()
                .add(f.imputedInstalment()).add(instalment), f.disposableIncome()) : null;
        String requested = Decimals.formatMoney(r.loan().amount());
        String amount = Decimals.formatMoney(offered);
        return new CounterOffer(offered, r.loan().amount(), binding.kind(), binding.reasonZh(requested, amount),
                binding.reasonEn(requested, amount), instalment, dsr);
    }
}

package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.smartfactory.lending.approval.ApprovalRoute.Route;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.ExistingDebt;
import cn.smartfactory.lending.limit.LimitConstraint;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;

/**
 * The six worked borrowers of docs/risk-model.md. The expected figures were recomputed by hand
 * from the JSON inputs; DSR is also recomputed here independently, in plain double arithmetic.
 */
class WorkedCasesTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    record Expected(String name, String verifiedSales, String dsr, Map<Kind, String> constraints, Kind binding,
                    String suggested, List<Integer> points, int total, String grade, String suggestion, Route route,
                    List<String> flags, List<String> knockouts) {
    }

    static Stream<Expected> cases() {
        return Stream.of(
                new Expected("1-fmcg-wholesale", "585227.27", "0.6578",
                        Map.of(Kind.REQUESTED, "400000", Kind.REPAYMENT_CAPACITY, "356296.66", Kind.SALES_CAP, "2106818.17",
                                Kind.PRODUCT_CAP, "300000"),
                        Kind.PRODUCT_CAP, "300000",
                        List.of(3, 4, 5, 3, 3, 2, 6, 2, 3, 6, 5, 5, 4, 4, 3, 4, 6, 6, 5, 5, 5, 3), 92, "A", "APPROVE_WITH_CHANGES",
                        Route.DUAL_SIGNATURE, List.of("STRESS_REPAYMENT:SOFT"), List.of()),
                new Expected("2-catering", "120000", "0.6450",
                        Map.of(Kind.REQUESTED, "100000", Kind.REPAYMENT_CAPACITY, "89549.81", Kind.SALES_CAP, "360000",
                                Kind.PRODUCT_CAP, "1000000", Kind.GUARANTOR, "550000"), // 600,000 × 100 % − 50,000
                        Kind.REPAYMENT_CAPACITY, "80000",
                        List.of(3, 3, 3, 2, 2, 2, 6, 4, 3, 6, 5, 5, 3, 4, 3, 4, 6, 4, 1, 5, 5, 3), 82, "A", "APPROVE_WITH_CHANGES",
                        Route.DUAL_SIGNATURE, List.of("SALES_INCONSISTENT:SOFT", "STRESS_REPAYMENT:SOFT"), List.of()),
                new Expected("3-retail-store", "100000", "0.5932",
                        Map.of(Kind.REQUESTED, "100000", Kind.REPAYMENT_CAPACITY, "101364.70", Kind.SALES_CAP, "360000",
                                Kind.PRODUCT_CAP, "300000"),
                        Kind.REQUESTED, "100000",
                        List.of(3, 3, 5, 3, 3, 2, 6, 5, 2, 6, 5, 5, 4, 4, 3, 4, 9, 6, 5, 5, 5, 1), 94, "A", "APPROVE",
                        Route.SINGLE_APPROVER, List.of(), List.of()),
                new Expected("4-light-manufacturing", "540000", "0.6882",
                        Map.of(Kind.REQUESTED, "800000", Kind.REPAYMENT_CAPACITY, "641803.90", Kind.SALES_CAP, "2268000",
                                Kind.PRODUCT_CAP, "3000000", Kind.COLLATERAL, "600000"),
                        Kind.COLLATERAL, "600000",
                        List.of(3, 4, 5, 3, 2, 2, 6, 4, 3, 6, 5, 5, 4, 4, 3, 4, 6, 6, 5, 4, 1, 3), 88, "A", "APPROVE_WITH_CHANGES",
                        Route.DUAL_SIGNATURE, List.of("UNDECLARED_DEBT:SOFT", "STRESS_REPAYMENT:SOFT"), List.of()),
                new Expected("5-logistics", "255000", "1.7386",
                        Map.of(Kind.REQUESTED, "400000", Kind.REPAYMENT_CAPACITY, "0", Kind.SALES_CAP, "918000",
                                Kind.PRODUCT_CAP, "1000000"),
                        Kind.REPAYMENT_CAPACITY, "0",
                        List.of(3, 4, 3, 1, 1, 2, 6, 2, 3, 2, 5, 4, 3, 4, 3, 2, 0, 6, 5, 4, 1, 1), 65, "C",
                        "DECLINE", Route.CREDIT_COMMITTEE, List.of("UNDECLARED_DEBT:HARD", "STRESS_REPAYMENT:SOFT"),
                        List.of("EXISTING_DSR_ABOVE_100")),
                new Expected("6-agriculture", "80000", "2.4916",
                        Map.of(Kind.REQUESTED, "200000", Kind.REPAYMENT_CAPACITY, "21795.62", Kind.SALES_CAP, "384000",
                                Kind.PRODUCT_CAP, "300000"),
                        Kind.REPAYMENT_CAPACITY, "0",
                        List.of(3, 4, 5, 2, 2, 2, 6, 5, 3, 6, 5, 5, 4, 2, 3, 4, 3, 2, 0, 2, 0, 1), 69, "C", "DECLINE",
                        Route.CREDIT_COMMITTEE, List.of("SALES_INCONSISTENT:HARD", "EXPENSES_IMPLAUSIBLE:SOFT", "STRESS_REPAYMENT:SOFT"),
                        List.of("SALES_DEVIATION_SEVERE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesTheWorkedBorrowerAsDocumented(Expected expected) {
        InvestigationRecord record = WorkedCases.load(expected.name());
        RiskAssessment a = ENGINE.assess(record);

        assertThat(a.sales().verifiedMonthlySales()).isEqualByComparingTo(expected.verifiedSales());
        assertThat(a.financials().debtServiceRatio()).isEqualByComparingTo(expected.dsr());
        assertThat(a.financials().debtServiceRatio().doubleValue()).isCloseTo(dsrByHand(record, a, true), within(0.0001));
        assertThat(a.financials().existingDebtServiceRatio().doubleValue()).as("debt service before this loan")
                .isCloseTo(dsrByHand(record, a, false), within(0.0001));

        assertThat(a.creditLimit().constraints()).hasSize(expected.constraints().size());
        for (LimitConstraint c : a.creditLimit().constraints()) {
            assertThat(c.amount()).as(c.kind().name()).isEqualByComparingTo(expected.constraints().get(c.kind()));
        }
        assertThat(a.creditLimit().binding()).isEqualTo(expected.binding());
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo(expected.suggested());

        assertThat(a.indicators()).extracting(IndicatorScore::points).containsExactlyElementsOf(expected.points());
        assertThat(a.indicators()).extracting(IndicatorScore::indicator).containsExactly(Indicator.values());
        assertThat(a.indicators()).allSatisfy(s -> {
            assertThat(s.bin()).isNotBlank();
            assertThat(s.displayValue()).isNotBlank();
            assertThat(s.dimension()).isEqualTo(s.indicator().dimension());
        });
        assertThat(a.totalScore()).isEqualTo(expected.total())
                .isEqualTo(expected.points().stream().mapToInt(Integer::intValue).sum());
        assertThat(a.dimensions()).extracting(DimensionScore::weight).containsExactly(20, 20, 25, 25, 10);
        assertThat(a.grade()).isEqualTo(expected.grade());
        assertThat(a.suggestion().code()).isEqualTo(expected.suggestion());
        assertThat(a.approvalRoute().route()).isEqualTo(expected.route());
        assertThat(a.flags()).extracting(f -> f.code() + ":" + f.severity()).containsExactlyElementsOf(expected.flags());
        assertThat(a.flags()).allSatisfy(f -> assertThat(f.reasonZh()).isNotBlank());
        assertThat(a.knockouts()).extracting(Knockout::code).containsExactlyElementsOf(expected.knockouts());
    }

    /**
     * (existing instalments + imputed instalment [+ annuity of the request]) / (S_v x margin - expenses + other income -
     * household, the higher of declared and the region's norm: urban 1,200, town 1,000, village 800 per person), the imputed instalment being the annuity at 6% over 36 months of what the largest of bureau,
     * balance-sheet borrowing and liens shows above the declared debts, when that is above CNY 10,000.
     */
    private static double dsrByHand(InvestigationRecord r, RiskAssessment a, boolean withThisLoan) {
        var pl = r.profitAndLoss();
        double sales = a.sales().verifiedMonthlySales().doubleValue();
        double expenses = Stream.of(pl.rent(), pl.wages(), pl.utilities(), pl.transport(), pl.taxes(), pl.otherExpenses())
                .mapToDouble(BigDecimal::doubleValue).sum();
        double disposable = sales * pl.grossMargin().doubleValue() - expenses
                + r.household().otherMonthlyIncome().doubleValue() - Math.max(r.household().monthlyExpenses().doubleValue(),
                r.household().members() * switch (r.household().region()) {
                    case "URBAN" -> 1200;
                    case "TOWN" -> 1000;
                    default -> 800;
                });
        double rate = a.product().annualRate().doubleValue() / 12;
        int n = r.loan().termMonths();
        double instalment = r.loan().amount().doubleValue() * rate / (1 - Math.pow(1 + rate, -n));
        double existing = r.existingDebts().stream().map(ExistingDebt::monthlyInstalment).mapToDouble(BigDecimal::doubleValue).sum();
        double declared = r.existingDebts().stream().map(ExistingDebt::outstanding).mapToDouble(BigDecimal::doubleValue).sum();
        double evidenced = Math.max(r.creditHistory().outstandingBalance().doubleValue(), Math.max(
                r.balanceSheet().shortTermDebt().doubleValue() + r.balanceSheet().longTermDebt().doubleValue(),
                r.collateral() == null ? 0 : r.collateral().existingLiens().doubleValue()));
        double gap = evidenced - declared;
        double imputed = gap > 10_000 ? gap * 0.005 / (1 - Math.pow(1.005, -36)) : 0;
        return (existing + imputed + (withThisLoan ? instalment : 0)) / disposable;
    }
}

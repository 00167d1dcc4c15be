package cn.smartfactory.lending.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.limit.RepaymentSchedule.Instalment;
import cn.smartfactory.lending.limit.RepaymentSchedule.Plan;
import cn.smartfactory.lending.product.RepaymentStructure;

/**
 * The three repayment structures worked by hand: 120,000 at 6 % (0.5 % a month) over 12 months, first repayment
 * December 2026; the seasonal one with the FMCG peak months (January, February, September, December).
 */
class RepaymentScheduleTest {

    private static final BigDecimal PRINCIPAL = new BigDecimal("120000");
    private static final BigDecimal RATE = new BigDecimal("0.06");
    private static final YearMonth FIRST = YearMonth.of(2026, 12);
    private static final Set<Integer> FMCG_PEAKS = Set.of(1, 2, 9, 12);

    /** 120,000 × 0.005 ÷ (1 − 1.005^−12) = 10,327.97; interest 600.00 then 551.36 (119,999.99… → 110,272.03 × 0.005). */
    @Test
    void equalInstalmentsRepayTheSameEveryMonth() {
        RepaymentSchedule s = plan(RepaymentStructure.EQUAL_INSTALMENT).schedule(PRINCIPAL, RATE, 12);
        assertThat(s.instalments()).hasSize(12);
        Instalment first = s.instalments().get(0);
        assertThat(first.month()).isEqualTo(FIRST);
        assertThat(first.payment()).isEqualByComparingTo("10327.97");
        assertThat(first.interest()).isEqualByComparingTo("600.00");
        assertThat(first.principal()).isEqualByComparingTo("9727.97");
        assertThat(first.balance()).isEqualByComparingTo("110272.03");
        assertThat(s.instalments().get(1).interest()).isEqualByComparingTo("551.36");
        Instalment last = s.instalments().get(11);
        assertThat(last.month()).isEqualTo(YearMonth.of(2027, 11));
        assertThat(last.balance()).isEqualByComparingTo("0");
        assertThat(last.payment().subtract(new BigDecimal("10327.97")).abs()).isLessThan(new BigDecimal("0.05"));
        assertThat(s.instalments().stream().map(Instalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(PRINCIPAL);
        assertThat(plan(RepaymentStructure.EQUAL_INSTALMENT).monthlyDebtService(PRINCIPAL, RATE, 12))
                .isEqualByComparingTo("10327.97");
    }

    /** 600.00 interest a month on the whole 120,000, and 120,600.00 in the last month: 7,200 of interest. */
    @Test
    void interestOnlyRepaysThePrincipalAtMaturity() {
        RepaymentSchedule s = plan(RepaymentStructure.INTEREST_ONLY).schedule(PRINCIPAL, RATE, 12);
        assertThat(s.instalments()).hasSize(12);
        assertThat(s.instalments().subList(0, 11)).allSatisfy(i -> {
            assertThat(i.payment()).isEqualByComparingTo("600.00");
            assertThat(i.principal()).isEqualByComparingTo("0");
            assertThat(i.balance()).isEqualByComparingTo(PRINCIPAL);
        });
        assertThat(s.instalments().get(11).payment()).isEqualByComparingTo("120600.00");
        assertThat(s.largestPayment().month()).isEqualTo(YearMonth.of(2027, 11));
        assertThat(s.totalInterest()).isEqualByComparingTo("7200.00");
        // In the DSR the balloon counts as its average over the term: (120,000 + 7,200) ÷ 12.
        assertThat(plan(RepaymentStructure.INTEREST_ONLY).monthlyDebtService(PRINCIPAL, RATE, 12))
                .isEqualByComparingTo("10600.00");
    }

    /**
     * Peak months within December 2026 – November 2027: December, January, February and September, 30,000 each.
     * Interest 600 (on 120,000), 450 (90,000), 300 (60,000), then 150 a month on 30,000 for March to September;
     * the loan is repaid in September, 10 payments, interest 600 + 450 + 300 + 7 × 150 = 2,400.
     */
    @Test
    void aSeasonalScheduleRepaysInThePeakMonths() {
        RepaymentSchedule s = plan(RepaymentStructure.SEASONAL).schedule(PRINCIPAL, RATE, 12);
        assertThat(s.instalments()).hasSize(10);
        assertThat(s.instalments().stream().filter(i -> i.principal().signum() > 0).map(Instalment::month))
                .containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 9));
        assertThat(s.instalments().get(0).payment()).isEqualByComparingTo("30600.00");
        assertThat(s.instalments().get(1).payment()).isEqualByComparingTo("30450.00");
        assertThat(s.instalments().get(2).payment()).isEqualByComparingTo("30300.00");
        assertThat(s.instalments().get(3).payment()).isEqualByComparingTo("150.00");
        assertThat(s.instalments().get(9).payment()).isEqualByComparingTo("30150.00");
        assertThat(s.instalments().get(9).balance()).isEqualByComparingTo("0");
        assertThat(s.totalInterest()).isEqualByComparingTo("2400.00");
        assertThat(plan(RepaymentStructure.SEASONAL).monthlyDebtService(PRINCIPAL, RATE, 12))
                .isEqualByComparingTo("12240.00"); // (120,000 + 2,400) ÷ the 10 months it is repaid in
        assertThat(s.summary()).contains("按月付息、旺季还本", "10 期", "首期 2026-12 还 30,600 元", "利息合计 2,400 元", "interest 2,400 in all");
    }

    /** A principal that does not split evenly: the last peak month takes the remainder, so the balance ends at 0. */
    @Test
    void theLastPeakMonthClearsTheBalance() {
        RepaymentSchedule s = plan(RepaymentStructure.SEASONAL).schedule(new BigDecimal("100000"), RATE, 12);
        assertThat(s.instalments().stream().filter(i -> i.principal().signum() > 0).map(Instalment::principal))
                .containsExactly(new BigDecimal("25000.00"), new BigDecimal("25000.00"), new BigDecimal("25000.00"),
                        new BigDecimal("25000.00"));
        RepaymentSchedule odd = plan(RepaymentStructure.SEASONAL).schedule(new BigDecimal("100000.01"), RATE, 12);
        assertThat(odd.instalments().get(odd.instalments().size() - 1).principal()).isEqualByComparingTo("25000.01");
    }

    /** No peak month within a 3-month term from March: the principal falls due at maturity. */
    @Test
    void withoutAPeakMonthInTheTermTheSeasonalPrincipalIsDueAtMaturity() {
        RepaymentSchedule s = new Plan(RepaymentStructure.SEASONAL, YearMonth.of(2027, 3), FMCG_PEAKS)
                .schedule(PRINCIPAL, RATE, 3);
        assertThat(s.instalments()).extracting(Instalment::payment).containsExactly(new BigDecimal("600.00"),
                new BigDecimal("600.00"), new BigDecimal("120600.00"));
    }

    /**
     * Interest-only, 10,000 a month to spare: by month 12 the borrower can have put aside 120,000, which must cover
     * 12 months of interest and the principal: P (1 + 12 × 0.005) ≤ 120,000, so P ≤ 113,207.55. Earlier months bind
     * far less (m × 10,000 ≥ m × 0.005 P for any P up to 2,000,000).
     */
    @Test
    void theBalloonMustBeCoveredByWhatTheTermEarns() {
        var c = plan(RepaymentStructure.INTEREST_ONLY).capacityLimit(RATE, 12, m -> new BigDecimal("10000"));
        assertThat(c.principal()).isEqualByComparingTo("113207.55");
        assertThat(c.bindingNumber()).isEqualTo(12);
        assertThat(c.bindingMonth()).isEqualTo(YearMonth.of(2027, 11));
    }

    /**
     * Seasonal, 20,000 to spare in a peak month and 2,000 in the others. Per yuan lent, owed by month n and earned by
     * then: December 0.255 (0.005 interest + 0.25) against 20,000 → 78,431.37; January 0.50875 against 40,000 →
     * 78,624.08; February 0.76125 against 60,000 → 78,817.73; … September 1.02 against 92,000 → 90,196.08. The first
     * peak month binds: 78,431.37.
     */
    @Test
    void aSeasonalLimitIsTestedMonthByMonthOnTheCycle() {
        Map<Integer, BigDecimal> spare = Map.of(1, new BigDecimal("20000"), 2, new BigDecimal("20000"), 9,
                new BigDecimal("20000"), 12, new BigDecimal("20000"));
        var c = plan(RepaymentStructure.SEASONAL).capacityLimit(RATE, 12,
                m -> spare.getOrDefault(m.getMonthValue(), new BigDecimal("2000")));
        assertThat(c.principal()).isEqualByComparingTo("78431.37");
        assertThat(c.bindingMonth()).isEqualTo(YearMonth.of(2026, 12));
        // A month that earns nothing towards the loan before any payment falls due leaves nothing to lend.
        assertThat(plan(RepaymentStructure.SEASONAL).capacityLimit(RATE, 12, m -> BigDecimal.ZERO).principal())
                .isEqualByComparingTo("0");
    }

    /** Equal instalments on a flat month are the annuity's principal, as the limit has always been computed. */
    @Test
    void onAFlatMonthTheEqualInstalmentLimitIsTheAnnuityPrincipal() {
        var c = plan(RepaymentStructure.EQUAL_INSTALMENT).capacityLimit(RATE, 12, m -> new BigDecimal("10327.97"));
        assertThat(c.principal().subtract(PRINCIPAL).abs()).isLessThan(BigDecimal.ONE);
    }

    private static Plan plan(RepaymentStructure structure) {
        return new Plan(structure, FIRST, structure == RepaymentStructure.SEASONAL ? FMCG_PEAKS : null);
    }
}

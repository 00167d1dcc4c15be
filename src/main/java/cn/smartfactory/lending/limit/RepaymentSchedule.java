package cn.smartfactory.lending.limit;

import static cn.smartfactory.lending.common.Decimals.MC;
import static cn.smartfactory.lending.common.Decimals.TWELVE;
import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.smartfactory.lending.product.RepaymentStructure;

/**
 * A loan's repayment schedule (还款计划), month by month: interest on the balance at the start of the month (annual rate
 * ÷ 12), and the principal as the structure says — equal instalments (等额本息), the whole principal in the last month
 * (按月付息、到期还本), or equal parts in the industry's peak months within the term (按月付息、旺季还本; at maturity when no
 * peak month falls within it). Amounts are rounded to the fen; the last payment of principal clears the balance.
 */
public record RepaymentSchedule(RepaymentStructure structure, BigDecimal principal, BigDecimal annualRate,
                                List<Instalment> instalments) {

    /** One month of the schedule: what is paid, how it splits, and the balance after it. */
    public record Instalment(int number, YearMonth month, BigDecimal payment, BigDecimal interest, BigDecimal principal,
                             BigDecimal balance) {
    }

    /**
     * How a loan will be repaid: the structure, the month of the first repayment and, for a seasonal schedule, the
     * calendar months its principal falls in.
     */
    public record Plan(RepaymentStructure structure, YearMonth firstRepayment, Set<Integer> peakMonths) {

        public Plan {
            if (structure == RepaymentStructure.SEASONAL && (peakMonths == null || peakMonths.isEmpty())) {
                throw new IllegalArgumentException("a seasonal schedule needs the peak months");
            }
            peakMonths = peakMonths == null ? Set.of() : Set.copyOf(peakMonths);
        }

        /** The schedule of {@code principal} at this rate over this term, rounded to the fen. */
        public RepaymentSchedule schedule(BigDecimal principal, BigDecimal annualRate, int term) {
            BigDecimal r = annualRate.divide(TWELVE, MC);
            BigDecimal equal = money(Annuity.payment(principal, annualRate, term));
            List<Integer> repaying = principalMonths(term);
            BigDecimal part = principal.divide(BigDecimal.valueOf(repaying.size()), 2, RoundingMode.DOWN);
            List<Instalment> rows = new ArrayList<>(term);
            BigDecimal balance = principal;
            for (int n = 1; n <= term; n++) {
                BigDecimal interest = money(balance.multiply(r, MC));
                BigDecimal repaid = switch (structure) {
                    case EQUAL_INSTALMENT -> equal.subtract(interest).max(BigDecimal.ZERO);
                    case INTEREST_ONLY, SEASONAL -> repaying.contains(n) ? part : BigDecimal.ZERO;
                };
                boolean last = n == term || (structure != RepaymentStructure.EQUAL_INSTALMENT
                        && n == repaying.get(repaying.size() - 1));
                if (last || repaid.compareTo(balance) > 0) {
                    repaid = balance;
                }
                balance = balance.subtract(repaid);
                rows.add(new Instalment(n, firstRepayment.plusMonths(n - 1L), interest.add(repaid), interest, repaid, balance));
                if (balance.signum() == 0) {
                    break;
                }
            }
            return new RepaymentSchedule(structure, principal, annualRate, List.copyOf(rows));
        }

        /**
         * What the loan costs a month in the debt-service ratio: the equal instalment, or for the other structures the
         * average payment over the months it is repaid in (the principal and all the interest, spread evenly over the
         * schedule's months — a seasonal loan ends with its last peak payment), so that a balloon or a seasonal payment is
         * neither ignored nor counted as if due every month.
         */
        public BigDecimal monthlyDebtService(BigDecimal principal, BigDecimal annualRate, int term) {
            if (structure == RepaymentStructure.EQUAL_INSTALMENT) {
                return money(Annuity.payment(principal, annualRate, term));
            }
            RepaymentSchedule s = schedule(principal, annualRate, term);
            return money(s.totalPayments().divide(BigDecimal.valueOf(s.instalments().size()), MC));
        }

        /**
         * The largest principal whose schedule the borrower can keep: in every month of the term, what the borrower
         * could have paid so far (each month's {@code capacity}, the most it can put towards this loan) covers what the
         * schedule has asked so far — income may be saved for a later payment, never borrowed from a later month.
         * Computed on the unrounded schedule of one yuan, which scales with the principal.
         *
         * @param capacity the most the borrower can pay towards this loan in a month
         */
        public Capacity capacityLimit(BigDecimal annualRate, int term, Function<YearMonth, BigDecimal> capacity) {
            BigDecimal r = annualRate.divide(TWELVE, MC);
            List<Integer> repaying = principalMonths(term);
            BigDecimal equal = Annuity.payment(BigDecimal.ONE, annualRate, term);
            BigDecimal part = BigDecimal.ONE.divide(BigDecimal.valueOf(repaying.size()), MC);
            BigDecimal balance = BigDecimal.ONE;
            BigDecimal owed = BigDecimal.ZERO;
            BigDecimal available = BigDecimal.ZERO;
            BigDecimal best = null;
            int binding = 0;
            for (int n = 1; n <= term && balance.signum() > 0; n++) {
                BigDecimal interest = balance.multiply(r, MC);
                BigDecimal repaid = structure == RepaymentStructure.EQUAL_INSTALMENT ? equal.subtract(interest)
                        : repaying.contains(n) ? part : BigDecimal.ZERO;
                if (n == term || repaid.compareTo(balance) > 0) {
                    repaid = balance;
                }
                balance = balance.subtract(repaid, MC);
                owed = owed.add(interest).add(repaid, MC);
                available = available.add(capacity.apply(firstRepayment.plusMonths(n - 1L)), MC);
                if (owed.signum() > 0) {
                    BigDecimal most = available.signum() <= 0 ? BigDecimal.ZERO : available.divide(owed, MC);
                    if (best == null || most.compareTo(best) < 0) {
                        best = most;
                        binding = n;
                    }
                }
            }
            return new Capacity(money(best == null ? BigDecimal.ZERO : best), binding,
                    binding == 0 ? null : firstRepayment.plusMonths(binding - 1L));
        }

        /** The numbers (1 = first month) of the months the principal is repaid in, for the two non-equal structures. */
        List<Integer> principalMonths(int term) {
            List<Integer> months = new ArrayList<>();
            if (structure == RepaymentStructure.SEASONAL) {
                for (int n = 1; n <= term; n++) {
                    if (peakMonths.contains(firstRepayment.plusMonths(n - 1L).getMonthValue())) {
                        months.add(n);
                    }
                }
            }
            if (months.isEmpty()) {
                months.add(term);
            }
            return months;
        }

        /** "等额本息 Equal instalments, first repayment 2026-12" in the words of the forms. */
        public String describe() {
            return structure.nameZh() + ",首期 " + firstRepayment + " / " + structure.nameEn() + ", first repayment "
                    + firstRepayment;
        }
    }

    /**
     * The repayment-capacity ceiling of a structure.
     *
     * @param principal    the largest principal, rounded to the fen
     * @param bindingMonth the month in which what could have been paid just covers what was owed
     */
    public record Capacity(BigDecimal principal, int bindingNumber, YearMonth bindingMonth) {
    }

    public BigDecimal totalPayments() {
        return instalments.stream().map(Instalment::payment).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalInterest() {
        return instalments.stream().map(Instalment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The largest single payment: the balloon of an interest-only loan, a peak month of a seasonal one. */
    public Instalment largestPayment() {
        return instalments.stream().max(java.util.Comparator.comparing(Instalment::payment)).orElseThrow();
    }

    /** One line for forms, 中文 then English: structure, count of payments, the largest, total interest. */
    public String summary() {
        Instalment largest = largestPayment();
        Instalment first = instalments.get(0);
        return structure.nameZh() + ":" + instalments.size() + " 期,首期 " + first.month() + " 还 " + formatMoney(first.payment())
                + " 元,最大一期 " + largest.month() + " 还 " + formatMoney(largest.payment()) + " 元,利息合计 "
                + formatMoney(totalInterest()) + " 元 / " + structure.nameEn() + ": " + instalments.size()
                + " payments, the first " + formatMoney(first.payment()) + " in " + first.month() + ", the largest "
                + formatMoney(largest.payment()) + " in " + largest.month() + ", interest " + formatMoney(totalInterest())
                + " in all";
    }
}

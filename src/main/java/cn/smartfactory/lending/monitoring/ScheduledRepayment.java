package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One due date of a disbursed loan's repayment schedule (还款计划), as the loan register keeps it.
 *
 * @param structure the loan's repayment structure, e.g. SEASONAL
 * @param balance   the principal outstanding after this payment
 */
public record ScheduledRepayment(String loanNumber, int number, LocalDate dueOn, BigDecimal payment, BigDecimal interest,
                                 BigDecimal principal, BigDecimal balance, String structure) {
}

package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One event about a loan, as core banking (POST /api/loan-events), an officer's warning form or
 * the overdue list reports it. The event id makes it idempotent: the same id is handled once.
 *
 * @param daysOverdue        required for OVERDUE_PAYMENT
 * @param outstandingBalance optional: the balance core banking reports with the event
 * @param salesChangePercent required for SALES_DROP: below -30
 * @param source             who reported it (a system or a user id)
 */
public record LoanEvent(String eventId, String loanNumber, String type, LocalDate occurredOn, Integer daysOverdue,
                        BigDecimal outstandingBalance, BigDecimal salesChangePercent, String description,
                        String source) {

    /** Whether another report under the same id says the same thing (a retry rather than a clash). */
    boolean sameAs(LoanEvent other) {
        return java.util.Objects.equals(loanNumber, other.loanNumber) && java.util.Objects.equals(type, other.type)
                && java.util.Objects.equals(occurredOn, other.occurredOn);
    }
}

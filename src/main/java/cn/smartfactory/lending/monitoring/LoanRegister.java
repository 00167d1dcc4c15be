package cn.smartfactory.lending.monitoring;

import java.util.Optional;

/** The loan register. */
public interface LoanRegister {

    /**
     * Adds a loan unless a loan with that number is already registered (the hand-over is retried
     * after failures and must not register twice).
     *
     * @return whether the loan was added now
     */
    boolean register(LoanRecord loan);

    Optional<LoanRecord> find(String loanNumber);

    /** Every registered loan, in loan-number order, handed one at a time (the portfolio may be large). */
    void forEach(java.util.function.Consumer<LoanRecord> action);

    /** Records the latest repayment status of a loan; false when the loan is not registered. */
    boolean updateStatus(String loanNumber, int daysOverdue, java.math.BigDecimal outstandingBalance,
                         String classification, String tier);

    /** Sets the tier after a completed check (which may lower it); false when the loan is not registered. */
    boolean updateTier(String loanNumber, String tier);

    /**
     * Marks a loan CLOSING while its repayment or write-off is being confirmed, or ACTIVE again when
     * the confirmation found it should not close; false when the loan is not registered.
     */
    boolean markStatus(String loanNumber, String status);

    /** Ends a loan: REPAID (balance 0) or WRITTEN_OFF; false when the loan is not registered. */
    boolean close(String loanNumber, String status, java.time.LocalDate closedOn);

    /** Keeps a handled event; its id is unique, which is what makes events idempotent. */
    void recordEvent(RecordedEvent event);

    Optional<RecordedEvent> findEvent(String eventId);

    /** The loan's events, oldest first. */
    java.util.List<RecordedEvent> events(String loanNumber);

    /** The last day the loan was reported overdue (days overdue above 0); empty if never. */
    Optional<java.time.LocalDate> lastOverdueOn(String loanNumber);

    /** Keeps a loan's repayment schedule once; a second call for the same loan (a retried hand-over) changes nothing. */
    void saveSchedule(java.util.List<ScheduledRepayment> schedule);

    /** A loan's repayment schedule in due order; empty when none was kept. */
    java.util.List<ScheduledRepayment> schedule(String loanNumber);

    /** Keeps the collateral a loan is secured on once; a second call for the same loan changes nothing. */
    void saveCollateral(LoanCollateral collateral);

    /** The collateral of a loan, with its latest revaluation; empty for an unsecured loan. */
    Optional<LoanCollateral> collateral(String loanNumber);

    /** Records the value found at a check; false when the loan has no collateral on the register. */
    boolean revalueCollateral(String loanNumber, java.math.BigDecimal value, java.time.LocalDate on);
}

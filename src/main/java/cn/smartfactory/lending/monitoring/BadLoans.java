package cn.smartfactory.lending.monitoring;

/**
 * Told, in the transaction that changed the loan, when a loan is bad: its classification is substandard
 * (次级) or worse after a warning or a repayment-status update, or it is written off (核销). Told every
 * time such a change happens; the receiver decides what happens only the first time (the accountability
 * review starts once per loan). Implemented by a feature above monitoring.
 */
@FunctionalInterface
public interface BadLoans {

    /** Nobody listens: for tests of monitoring alone. */
    BadLoans NONE = (loanNumber, trigger) -> { };

    /** @param trigger the classification reached (SUBSTANDARD, DOUBTFUL, LOSS) or WRITTEN_OFF */
    void loanIsBad(String loanNumber, String trigger);

    /** Whether a classification counts as bad: substandard, doubtful or loss. */
    static boolean isBad(String classification) {
        return LoanMonitoring.SEVERITY.indexOf(classification) >= LoanMonitoring.SEVERITY.indexOf("SUBSTANDARD");
    }
}

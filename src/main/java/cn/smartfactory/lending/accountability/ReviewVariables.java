package cn.smartfactory.lending.accountability;

/** The variables of {@code npl-accountability-review}, in one place. */
final class ReviewVariables {

    static final String PROCESS_KEY = "npl-accountability-review";

    static final String REVIEW_ID = "reviewId";
    static final String LOAN_NUMBER = "loanNumber";
    static final String APPLICATION_ID = "applicationId";
    static final String CUSTOMER_NAME = "customerName";
    static final String TRIGGER = "reviewTrigger";
    static final String DOSSIER_SHA256 = "dossierSha256";

    /** Transient: who is heard, and who is determined (multi-instance collections). */
    static final String STATEMENT_OFFICERS = "statementOfficers";
    static final String OFFICERS = "officers";

    // per officer (local to each statement and each determination)
    static final String OFFICER = "officer";
    static final String STATEMENT_DUE = "statementDue";
    static final String OFFICER_FINDINGS = "officerFindings";
    static final String OFFICER_STATEMENT = "officerStatement";
    static final String DOSSIER_URL = "dossierUrl";
    static final String PROPOSAL = "proposal";
    static final String CONFIRMED = "determinationConfirmed";

    // submitted on the forms
    static final String STATEMENT_TEXT = "statementText";
    static final String DETERMINATION = "determination";
    static final String CATEGORY = "responsibilityCategory";
    static final String DETERMINATION_REASON = "determinationReason";
    static final String CONFIRMATION = "confirmation";
    static final String CONFIRMATION_NOTE = "confirmationNote";

    private ReviewVariables() {
    }
}

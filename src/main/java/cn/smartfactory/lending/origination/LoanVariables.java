package cn.smartfactory.lending.origination;

/**
 * Names of the process variables of {@code loan-origination}, in one place. Values are small and
 * typed (strings, numbers, booleans); the credit report is stored outside the engine, once.
 */
public final class LoanVariables {

    public static final String PROCESS_KEY = "loan-origination";

    // intake (start form)
    public static final String APPLICATION_ID = "applicationId";
    public static final String ACCOUNT_MANAGER = "accountManager";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_ID_NUMBER = "customerIdNumber";
    public static final String APPLICANT_AGE = "applicantAge";
    public static final String INDUSTRY = "industry";
    public static final String PRODUCT = "product";
    public static final String AMOUNT = "amount";
    public static final String TERM_MONTHS = "termMonths";
    public static final String PURPOSE = "purpose";
    public static final String GUARANTEE_TYPE = "guaranteeType";
    /** How the loan is repaid (a {@code RepaymentStructure} name), as the customer applied. */
    public static final String REPAYMENT_STRUCTURE = "repaymentStructure";
    /** The month the customer needs the money in (YYYY-MM); the first repayment falls in the month after. */
    public static final String DRAWDOWN_MONTH = "drawdownMonth";
    public static final String LEAD_SOURCE = "leadSource";
    public static final String INVESTIGATION_FORM = "investigationForm";
    /** Whether the industry catalog (the risk reference data) describes the industry: the pre-screen reads it. */
    public static final String INDUSTRY_SERVED = "industryServed";
    /** Whether the loan's product requires collateral (product terms): the checklist shows its collateral section then. */
    public static final String COLLATERAL_REQUIRED = "collateralRequired";
    /** A scenario product's reference the bank verifies, e.g. the tobacco retail licence number. */
    public static final String SCENARIO_REFERENCE = "scenarioReference";
    /** A scenario product's monthly amount through the scenario's channel, e.g. tobacco purchased a month. */
    public static final String SCENARIO_MONTHLY_AMOUNT = "scenarioMonthlyAmount";
    /** The requested amount is above the product's cap (product terms); the pre-screen reads it. */
    public static final String ABOVE_PRODUCT_CAP = "aboveProductCap";
    /** The applicant may have the product (product-eligibility); the pre-screen reads it. */
    public static final String PRODUCT_ELIGIBLE = "productEligible";
    /** Why not, 中文 / English, as the product-eligibility table says. */
    public static final String PRODUCT_INELIGIBLE_REASON = "productIneligibleReason";
    /** Whether a person or firm guarantees the loan: the checklist shows its guarantor section then. */
    public static final String GUARANTOR_REQUIRED = "guarantorRequired";

    // screening
    public static final String SCREEN_RESULT = "screenResult";
    public static final String DECLINE_STAGE = "declineStage";
    public static final String DECLINE_REASON_CODE = "declineReasonCode";
    public static final String DECLINE_REASON = "declineReason";

    // assessment
    public static final String TOTAL_SCORE = "totalScore";
    public static final String GRADE = "grade";
    public static final String SUGGESTION = "suggestion";
    public static final String KNOCKED_OUT = "knockedOut";
    public static final String KNOCKOUTS = "knockouts";
    public static final String FLAGS = "flags";
    public static final String HARD_FLAG = "hardFlag";
    public static final String FLAG_COUNT = "flagCount";
    public static final String SUGGESTED_AMOUNT = "suggestedAmount";
    /** The suggested amount is a counter-offer: below the request because a constraint allows no more. */
    public static final String COUNTER_OFFER = "counterOffer";
    /** The annual rate the loan is priced at (list rate + the grade's spread), a fraction. */
    public static final String ANNUAL_RATE = "annualRate";
    /** The priced rate as the approval and contract forms show it, e.g. "6.60%(A 级 …)". */
    public static final String PRICING = "pricing";
    public static final String BINDING_CONSTRAINT = "bindingConstraint";
    /**
     * The calendar months a seasonal schedule's principal falls in, as the loan was assessed ("1,2,9,12"): the schedule at
     * contract, disbursement and booking follows the assessment, not a cycle changed since.
     */
    public static final String PEAK_MONTHS = "peakMonths";
    /** The repayment schedule in one line (payments, the first and the largest, interest), as the forms show it. */
    public static final String REPAYMENT_PLAN = "repaymentPlan";
    public static final String APPROVAL_ROUTE = "approvalRoute";
    public static final String ASSESSMENT_SUMMARY = "assessmentSummary";
    public static final String CREDIT_REPORT = "creditReport";
    /** The stored credit report's hash (the report itself is in the credit-report store, once). */
    public static final String CREDIT_REPORT_SHA256 = "creditReportSha256";

    // who did what (segregation of duties)
    public static final String INVESTIGATOR = "investigator";
    public static final String APPROVERS = "approvers";
    public static final String COMMITTEE_VOTERS = "committeeVoters";
    public static final String REWORK_COUNT = "reworkCount";

    // approval
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVED_AMOUNT = "approvedAmount";
    public static final String APPROVED_TERM_MONTHS = "approvedTermMonths";
    public static final String APPROVAL_CONDITIONS = "approvalConditions";
    public static final String APPROVAL_OPINION = "approvalOpinion";
    public static final String SEND_BACK_REASON = "sendBackReason";
    /**
     * Set at each first signature of a dual route: true when the approver's level gave them the authority
     * to sign the loan alone (分层授权), so no second signature is needed; the reason says which rule.
     */
    public static final String SIGNED_ALONE = "signedAlone";
    public static final String SIGNED_ALONE_REASON = "signedAloneReason";
    /** The level that gave the first signer the authority to sign alone. */
    public static final String SIGNED_ALONE_LEVEL = "signedAloneLevel";
    public static final String VOTE = "vote";
    public static final String COMMITTEE_APPROVALS = "committeeApprovals";
    public static final String COMMITTEE_DECLINES = "committeeDeclines";
    public static final String COMMITTEE_DECIDED = "committeeDecided";

    // contract and disbursement
    public static final String CONTRACT_NUMBER = "contractNumber";
    public static final String DISBURSED_AMOUNT = "disbursedAmount";
    /** The customer withdrew at contract signing, or before the money was paid out: the loan ends there. */
    public static final String CUSTOMER_WITHDREW = "customerWithdrew";
    public static final String DISBURSEMENT_WITHDRAWN = "disbursementWithdrawn";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String LOAN_NUMBER = "loanNumber";
    public static final String HANDED_OVER_AT = "handedOverAt";

    private LoanVariables() {
    }
}

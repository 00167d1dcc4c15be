package cn.smartfactory.lending.monitoring;

/** Names the post-loan-monitoring process, its messages and variables use (the forms use the same keys). */
public final class MonitoringVariables {

    public static final String PROCESS_KEY = "post-loan-monitoring";
    public static final String MESSAGE_EARLY_WARNING = "EarlyWarning";
    public static final String MESSAGE_LOAN_REPAID = "LoanRepaid";

    // The loan, carried from origination
    public static final String LOAN_NUMBER = "loanNumber";
    public static final String APPLICATION_ID = "applicationId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String INDUSTRY = "industry";
    public static final String INDUSTRY_RISK = "industryRisk";
    public static final String PRODUCT = "product";
    public static final String GUARANTEE_TYPE = "guaranteeType";
    public static final String GRADE = "grade";
    public static final String TOTAL_SCORE = "totalScore";
    public static final String APPROVED_AMOUNT = "approvedAmount";
    public static final String DISBURSED_AMOUNT = "disbursedAmount";
    public static final String TERM_MONTHS = "termMonths";
    public static final String DISBURSED_ON = "disbursedOn";
    public static final String MATURITY_DATE = "maturityDate";
    public static final String ACCOUNT_MANAGER = "accountManager";
    public static final String INVESTIGATORS = "investigators";
    public static final String APPROVERS = "approvers";

    // Repayment status
    public static final String DAYS_OVERDUE = "daysOverdue";
    public static final String CLASSIFICATION = "classification";
    public static final String OUTSTANDING_BALANCE = "outstandingBalance";

    // Tier and check schedule
    public static final String MONITORING_TIER = "monitoringTier";
    public static final String TIER_REASON = "tierReason";
    public static final String SCHEDULED_TIER = "scheduledTier";
    public static final String CHECKS_IN_TIER = "checksInTier";
    public static final String NEXT_CHECK_DUE = "nextCheckDue";
    public static final String CHECK_DEADLINE = "checkDeadline";
    public static final String CHECK_KIND = "checkKind";
    public static final String CHECK_FORM = "checkForm";
    public static final String ESCALATE = "escalate";
    /** The latest check's collateral revaluation as the high-risk review shows it (empty when none). */
    public static final String COLLATERAL_REVALUATION = "collateralRevaluation";
    public static final String LAST_CHECK_ON = "lastCheckOn";

    // The latest warning; the warning task keeps its own copy as task variables
    public static final String WARNING_EVENT_ID = "warningEventId";
    public static final String WARNING_TYPE = "warningType";
    public static final String WARNING_TYPE_NAME = "warningTypeName";
    public static final String WARNING_OCCURRED_ON = "warningOccurredOn";
    public static final String WARNING_SOURCE = "warningSource";
    public static final String WARNING_DESCRIPTION = "warningDescription";
    public static final String WARNING_GROUP = "warningGroup";
    public static final String WARNING_ASSIGNEE = "warningAssignee";
    public static final String WARNING_DUE = "warningDue";

    public static final String CLOSURE = "closure";
    /** REPAID or WRITTEN_OFF: what the closing confirmation is about. */
    public static final String CLOSURE_REQUESTED = "closureRequested";
    public static final String CLOSING_CONFIRMED_BY = "closingConfirmedBy";

    private MonitoringVariables() {
    }
}

package cn.smartfactory.lending.record;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One appended row of the decision record.
 *
 * @param applicationId     the loan application (business key of its origination)
 * @param processInstanceId the process the step belongs to
 * @param step              the BPMN id of the task or automatic step
 * @param taskId            the user task, for human steps
 * @param duty              what the step was, in the terms of segregation of duties
 * @param actor             the person who acted, or {@value #PLATFORM} for automatic steps
 * @param actorRoles        the actor's role groups at that moment, comma-separated
 * @param decision          the decision or result code (APPROVE, DECLINE, a suggestion ...)
 * @param amount            the amount decided or suggested, if any
 * @param termMonths        the term decided, if any
 * @param route             the approval route, if any
 * @param score             the risk score, for the scoring step
 * @param grade             the risk grade, for the scoring step
 * @param tableVersions     {@code key:version} of each decision table in force, for automatic steps
 * @param reportSha256      the credit report's hash, for the report step
 * @param opinion           the person's written opinion or reason
 * @param details           anything else a review needs, as text
 */
public record RecordEntry(Long id, Instant recordedAt, String applicationId, String processInstanceId, String step, String taskId,
                          Duty duty, String actor, String actorRoles, String decision, BigDecimal amount, Integer termMonths,
                          String route, Integer score, String grade, String tableVersions, String reportSha256, String opinion,
                          String details) {

    public static final String PLATFORM = "platform";

    /** What a step was, as segregation of duties sees it. */
    public enum Duty {
        INTAKE, BUREAU_QUERY, INVESTIGATION, SCORING, CREDIT_REPORT, APPROVAL, COMMITTEE_VOTE, CONTRACT, DISBURSEMENT, HAND_OVER,
        CLOSING_CONFIRMATION, CLOSING_APPROVAL, CHANGE_PROPOSAL, CHANGE_ACTIVATION, CHANGE_REJECTION,
        MONITORING_CHECK, LATE_CHECK_FOLLOW_UP, HIGH_RISK_REVIEW, WARNING_HANDLING, COLLECTION, WRITE_OFF_DECISION,
        ACCOUNTABILITY_DOSSIER, ACCOUNTABILITY_STATEMENT, ACCOUNTABILITY_DETERMINATION, CLASSIFICATION_UPGRADE
    }

    /** A new entry (id and time are given when it is appended). */
    public static RecordEntry of(String applicationId, String processInstanceId, String step, String taskId, Duty duty,
                                 String actor, String actorRoles) {
        return new RecordEntry(null, null, applicationId, processInstanceId, step, taskId, duty, actor, actorRoles, null, null,
                null, null, null, null, null, null, null, null);
    }

    public RecordEntry decided(String decisionCode, BigDecimal decidedAmount, Integer term, String approvalRoute) {
        return new RecordEntry(id, recordedAt, applicationId, processInstanceId, step, taskId, duty, actor, actorRoles,
                decisionCode, decidedAmount, term, approvalRoute, score, grade, tableVersions, reportSha256, opinion, details);
    }

    public RecordEntry scored(Integer totalScore, String riskGrade, String versions) {
        return new RecordEntry(id, recordedAt, applicationId, processInstanceId, step, taskId, duty, actor, actorRoles,
                decision, amount, termMonths, route, totalScore, riskGrade, versions, reportSha256, opinion, details);
    }

    public RecordEntry report(String sha256) {
        return new RecordEntry(id, recordedAt, applicationId, processInstanceId, step, taskId, duty, actor, actorRoles,
                decision, amount, termMonths, route, score, grade, tableVersions, sha256, opinion, details);
    }

    public RecordEntry explained(String personOpinion, String moreDetails) {
        return new RecordEntry(id, recordedAt, applicationId, processInstanceId, step, taskId, duty, actor, actorRoles,
                decision, amount, termMonths, route, score, grade, tableVersions, reportSha256, personOpinion, moreDetails);
    }

    RecordEntry appended(long newId, Instant at) {
        return new RecordEntry(newId, at, applicationId, processInstanceId, step, taskId, duty, actor, actorRoles, decision,
                amount, termMonths, route, score, grade, tableVersions, reportSha256, opinion, details);
    }
}

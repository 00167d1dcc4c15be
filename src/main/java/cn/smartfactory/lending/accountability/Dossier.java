package cn.smartfactory.lending.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.smartfactory.lending.monitoring.LoanRecord;

/**
 * What a review committee reads about one bad loan (尽职调查档案), assembled from the decision record, the
 * task facts and the loan events — never typed by anyone.
 */
public record Dossier(String reviewId, LoanRecord loan, String trigger, Instant generatedAt, List<Step> timeline,
                      Investigation investigation, List<FlagAnswer> flags, ModelAgainstDecision model, List<Vote> votes,
                      List<Check> checks, List<Warning> warnings, List<Action> collection) {

    /** How a step stood against its station's SLA. */
    public enum Sla { ON_TIME, LATE, OPEN_LATE, OPEN, CANCELLED, NO_DEADLINE, AUTOMATIC }

    /** One step of the loan's life, in the order it was recorded. */
    public record Step(String step, String stepName, String duty, String officer, String roles, Instant createdAt, Instant dueAt,
                       Instant doneAt, Sla sla, String decision, BigDecimal amount, String opinion) {
    }

    /** The investigation: who did it, how many independent sales sources counted, what the model found. */
    public record Investigation(List<String> investigators, Integer salesEstimates, String knockouts, String binding) {
    }

    /** A flag raised at origination and whose opinions named it (an opinion answers a flag by naming its code). */
    public record FlagAnswer(String code, String severity, List<String> answeredBy, List<String> notAnsweredBy) {
    }

    /** The model's suggestion against what was decided. */
    public record ModelAgainstDecision(Integer score, String grade, String suggestion, BigDecimal suggestedAmount,
                                       String route, BigDecimal approvedAmount, boolean approvedAgainstDecline,
                                       boolean aboveSuggestedLimit, String conditions, Boolean conditionsFulfilledAtSigning) {
    }

    /** A committee member's vote. */
    public record Vote(String member, String vote, Instant at, String opinion) {
    }

    /** A periodic check falling due. */
    public record Check(String taskId, Instant dueAt, Instant doneAt, String officer, Sla sla, String conclusion) {
    }

    /** A warning reported on the loan and how fast it was handled. */
    public record Warning(String eventId, String type, LocalDate occurredOn, Instant receivedAt, Instant dueAt, Instant handledAt,
                          String handledBy, Sla sla, String action) {
    }

    /** A collection step or the write-off decision. */
    public record Action(String step, String officer, Instant at, String decision, String details) {
    }
}

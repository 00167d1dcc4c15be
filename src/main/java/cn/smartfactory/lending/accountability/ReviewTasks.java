package cn.smartfactory.lending.accountability;

import static cn.smartfactory.lending.accountability.ReviewVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.record.Actor;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.sla.CalendarStore;
import cn.smartfactory.lending.sla.StationSla;

/**
 * The review's people steps ({@code ${accountabilityReview}}): who is heard and who is determined (the
 * statements' and determinations' collections), each task's own view (only that officer's findings), the
 * statement deadline from the station-sla table and the business calendar, and the checks and records
 * when a statement, a proposal or a confirmation is given. Everything given is appended — to the review's
 * determinations and to the decision record — and nothing is ever changed.
 */
public class ReviewTasks implements TaskListener, ExecutionListener {

    static final String STATEMENT_TASK = "Task_GiveStatement";
    static final String PROPOSAL_TASK = "Task_ProposeDetermination";
    static final String CONFIRMATION_TASK = "Task_ConfirmDetermination";
    static final String NO_STATEMENT_END = "EndEvent_NoStatement";
    static final String STATEMENTS = "SubProcess_Statement";

    static final List<String> DETERMINATIONS = List.of("EXEMPT", "RESPONSIBLE");
    static final List<String> CATEGORIES = List.of("INVESTIGATION", "APPROVAL", "CONTRACT", "MONITORING", "OTHER");

    private final AccountabilityStore store;
    private final DecisionRecord record;
    private final StationSla sla;
    private final CalendarStore calendar;

    ReviewTasks(AccountabilityStore store, DecisionRecord record, StationSla sla, CalendarStore calendar) {
        this.store = store;
        this.record = record;
        this.sla = sla;
        this.calendar = calendar;
    }

    /** The officers heard: each with at least one standard not met. */
    List<String> statementOfficers(String reviewId) {
        return DueDiligenceStandards.notMet(store.findings(reviewId));
    }

    /** The officers determined: everyone the preliminary finding judged, met or not. */
    List<String> officers(String reviewId) {
        return store.findings(reviewId).stream().map(Finding::officer).distinct().toList();
    }

    /**
     * Into the statements or the determinations: who they are for, as a transient collection (read by the
     * multi-instance in the same transaction and never stored, so no task shows one officer who else is judged);
     * a statement's scope starts: its deadline; a statement's deadline passed: recorded as none given.
     */
    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_TAKE.equals(execution.getEventName())) {
            String flow = execution.getCurrentTransitionId();
            switch (flow) {
                case "Flow_ToStatements" -> execution.setVariable(STATEMENT_OFFICERS,
                        Variables.objectValue(statementOfficers(reviewId(execution)), true).create());
                case "Flow_ToDeterminations" -> execution.setVariable(OFFICERS,
                        Variables.objectValue(officers(reviewId(execution)), true).create());
                default -> throw new IllegalStateException("accountabilityReview is bound to the flow " + flow);
            }
            return;
        }
        String officer = (String) execution.getVariable(OFFICER);
        if (STATEMENTS.equals(execution.getCurrentActivityId())) {
            StationSla.Level level = sla.of(PROCESS_KEY, STATEMENT_TASK, null, null);
            if (!level.timed()) {
                throw new IllegalStateException("station-sla gives " + STATEMENT_TASK + " no working hours: a statement needs a deadline");
            }
            Instant due = calendar.calendar().addWorkingHours(ClockUtil.getCurrentTime().toInstant(), level.workingHours());
            execution.setVariableLocal(STATEMENT_DUE, Date.from(due));
        } else if (NO_STATEMENT_END.equals(execution.getCurrentActivityId())) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            store.append(reviewId(execution), officer, "NO_STATEMENT", null, null, "申辩期限已过,未提交 No statement by the deadline",
                    RecordEntry.PLATFORM, now);
            record.append(RecordEntry.of((String) execution.getVariable(APPLICATION_ID), execution.getProcessInstanceId(),
                            NO_STATEMENT_END, null, RecordEntry.Duty.ACCOUNTABILITY_STATEMENT, RecordEntry.PLATFORM, null)
                    .decided("NO_STATEMENT", null, null, null).explained(null, "review=" + reviewId(execution) + "; officer=" + officer));
        } else {
            throw new IllegalStateException("accountabilityReview is bound to " + execution.getCurrentActivityId());
        }
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> throw new IllegalStateException("accountabilityReview listens on create and complete, not " + task.getEventName());
        }
    }

    private void created(DelegateTask task) {
        String reviewId = (String) task.getVariable(REVIEW_ID);
        String officer = (String) task.getVariable(OFFICER);
        List<Finding> findings = store.findings(reviewId).stream().filter(f -> f.officer().equals(officer)).toList();
        boolean statement = STATEMENT_TASK.equals(task.getTaskDefinitionKey());
        task.setVariableLocal(OFFICER_FINDINGS, findings.stream().filter(f -> !statement || !f.met())
                .map(f -> "- " + (f.met() ? "达标 Met" : "**未达标 Not met**") + " · " + f.standardName() + "(" + f.role() + "):"
                        + f.evidence()).collect(Collectors.joining("\n")));
        task.setVariableLocal(DOSSIER_URL, "/api/accountability/reviews/" + reviewId + "/dossier" + (statement ? "?officer=" + officer : ""));
        if (statement) {
            task.setDueDate((Date) task.getVariable(STATEMENT_DUE));
            return;
        }
        List<AccountabilityStore.Entry> entries = store.entries(reviewId).stream().filter(e -> e.officer().equals(officer)).toList();
        task.setVariableLocal(OFFICER_STATEMENT, entries.stream().filter(e -> e.kind().equals("STATEMENT") || e.kind().equals("NO_STATEMENT"))
                .map(AccountabilityStore.Entry::reason).reduce((a, b) -> b).orElse("无需申辩(各项标准均达标)No statement needed: every standard met"));
        if (CONFIRMATION_TASK.equals(task.getTaskDefinitionKey())) {
            AccountabilityStore.Entry proposal = entries.stream().filter(e -> e.kind().equals("PROPOSED")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no proposal for " + officer + " in " + reviewId));
            task.setVariableLocal(PROPOSAL, proposal.determination() + (proposal.category() == null ? "" : " / " + proposal.category())
                    + " — " + proposal.reason() + "(提议人 proposed by " + proposal.actor() + ")");
        }
    }

    private void completed(DelegateTask task) {
        String reviewId = (String) task.getVariable(REVIEW_ID);
        String officer = (String) task.getVariable(OFFICER);
        String actor = Actor.of(task);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        switch (task.getTaskDefinitionKey()) {
            case STATEMENT_TASK -> {
                if (!officer.equals(actor)) {
                    throw refused(task, "statementText", "申辩只能由被认定人本人提交", "only the officer concerned gives the statement");
                }
                String text = text(task, STATEMENT_TEXT);
                if (text == null) {
                    throw refused(task, "statementText", "申辩内容为必填项", "the statement is required");
                }
                store.append(reviewId, officer, "STATEMENT", null, null, text, actor, now);
                append(task, RecordEntry.Duty.ACCOUNTABILITY_STATEMENT, actor, "STATEMENT", text, "review=" + reviewId);
            }
            case PROPOSAL_TASK -> {
                notTheOfficer(task, officer, actor);
                String determination = text(task, DETERMINATION);
                if (determination == null || !DETERMINATIONS.contains(determination)) {
                    throw refused(task, "determination", "认定结论须为 " + DETERMINATIONS + " 之一", "must be one of " + DETERMINATIONS);
                }
                String category = text(task, CATEGORY);
                if ("RESPONSIBLE".equals(determination) && (category == null || !CATEGORIES.contains(category))) {
                    throw refused(task, "responsibilityCategory", "认定责任时须选择责任类别 " + CATEGORIES,
                            "a determination of responsibility needs a category among " + CATEGORIES);
                }
                String reason = text(task, DETERMINATION_REASON);
                if (reason == null) {
                    throw refused(task, "determinationReason", "认定理由为必填项", "the reason is required");
                }
                store.append(reviewId, officer, "PROPOSED", determination, "EXEMPT".equals(determination) ? null : category, reason,
                        actor, now);
                append(task, RecordEntry.Duty.ACCOUNTABILITY_DETERMINATION, actor, "PROPOSED_" + determination, reason,
                        "review=" + reviewId + "; officer=" + officer + (category == null || "EXEMPT".equals(determination) ? "" : "; category=" + category));
            }
            case CONFIRMATION_TASK -> {
                notTheOfficer(task, officer, actor);
                AccountabilityStore.Entry proposal = store.entries(reviewId).stream()
                        .filter(e -> e.officer().equals(officer) && e.kind().equals("PROPOSED")).reduce((a, b) -> b).orElseThrow();
                if (Objects.equals(proposal.actor(), actor)) {
                    throw refused(task, "confirmation", "提议人不能确认自己的提议(四眼原则)",
                            "the risk manager who proposed the determination cannot confirm it (four eyes)");
                }
                String confirmation = text(task, CONFIRMATION);
                if (!"CONFIRM".equals(confirmation) && !"RETURN".equals(confirmation)) {
                    throw refused(task, "confirmation", "须为 CONFIRM 或 RETURN", "must be CONFIRM or RETURN");
                }
                String note = text(task, CONFIRMATION_NOTE);
                boolean confirmed = "CONFIRM".equals(confirmation);
                if (!confirmed && note == null) {
                    throw refused(task, "confirmationNote", "退回提议须说明理由", "returning the proposal needs a note");
                }
                store.append(reviewId, officer, confirmed ? "CONFIRMED" : "RETURNED", proposal.determination(), proposal.category(),
                        confirmed ? proposal.reason() + (note == null ? "" : "(确认意见 " + note + ")") : note, actor, now);
                append(task, RecordEntry.Duty.ACCOUNTABILITY_DETERMINATION, actor, confirmed ? proposal.determination() : "RETURNED",
                        note == null ? proposal.reason() : note, "review=" + reviewId + "; officer=" + officer
                                + (proposal.category() == null ? "" : "; category=" + proposal.category()) + "; proposedBy=" + proposal.actor());
                task.getExecution().setVariableLocal(CONFIRMED, confirmed);
            }
            default -> throw new IllegalStateException("accountabilityReview is bound to " + task.getTaskDefinitionKey());
        }
    }

    private void append(DelegateTask task, RecordEntry.Duty duty, String actor, String decision, String opinion, String details) {
        record.append(RecordEntry.of((String) task.getVariable(APPLICATION_ID), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                        task.getId(), duty, actor, Actor.roles(task.getProcessEngineServices(), actor))
                .decided(decision, null, null, null).explained(opinion, details));
    }

    private static void notTheOfficer(DelegateTask task, String officer, String actor) {
        if (officer.equals(actor)) {
            throw refused(task, "determination", "不能参与对本人的认定", "an officer takes no part in their own determination");
        }
    }

    private static String reviewId(DelegateExecution execution) {
        return (String) execution.getVariable(REVIEW_ID);
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static BadUserRequestException refused(DelegateTask task, String field, String zh, String en) {
        return FormRules.refusal(task, field, zh, en);
    }
}

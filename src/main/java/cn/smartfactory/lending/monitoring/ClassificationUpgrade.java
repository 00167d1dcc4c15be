package cn.smartfactory.lending.monitoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.record.Actor;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;

/**
 * The upgrade path of the five-category classification ({@code classification-upgrade}, 分类上调): an officer
 * who serves the loan (its account manager, or a risk manager) proposes one class better; the
 * {@code classification-upgrade} table decides whether the loan may move — arrears cleared, the observation
 * period of a restructuring or extension over, a run of normal repayments — and a second person, a risk
 * manager, confirms or rejects it. Checked when proposed (a refusal starts nothing) and again when confirmed.
 */
public class ClassificationUpgrade implements JavaDelegate, TaskListener {

    public static final String TABLE = "classification-upgrade";
    static final String LOAN = "upgradeLoanNumber";
    static final String PROPOSED = "proposedClassification";
    static final String REASON = "upgradeReason";
    static final String PROPOSER = "upgradeProposer";
    static final String DECISION = "upgradeDecision";
    static final String OPINION = "upgradeOpinion";

    /** Whether the loan may move, and why, with the facts the table read. */
    public record Eligibility(boolean allowed, String reasonZh, String reasonEn, int steps, Integer monthsSinceOverdue,
                              LocalDate observationUntil) {
    }

    private final LoanRegister register;
    private final LoanMonitoring monitoring;
    private final DecisionRules rules;
    private final DecisionRecord record;

    public ClassificationUpgrade(LoanRegister register, LoanMonitoring monitoring, DecisionRules rules, DecisionRecord record) {
        this.register = register;
        this.monitoring = monitoring;
        this.rules = rules;
        this.record = record;
    }

    /** The table's answer for moving the loan to the proposed class today. */
    public Eligibility eligibility(LoanRecord loan, String proposed) {
        List<String> classes = LoanMonitoring.classes();
        LocalDate today = BankClock.today();
        LocalDate lastOverdue = register.lastOverdueOn(loan.loanNumber()).orElse(null);
        Integer months = lastOverdue == null ? (int) ChronoUnit.MONTHS.between(loan.disbursedOn(), today)
                : (int) ChronoUnit.MONTHS.between(lastOverdue, today);
        LocalDate observationUntil = null;
        for (RecordedEvent e : register.events(loan.loanNumber())) {
            Object observed = rules.evaluateSingle(LoanMonitoring.CLASSIFICATION_BY_EVENT, Map.of("eventType", e.event().type()))
                    .get("observationMonths");
            if (observed != null) {
                LocalDate until = e.event().occurredOn().plusMonths(((Number) observed).longValue());
                observationUntil = observationUntil == null || until.isAfter(observationUntil) ? until : observationUntil;
            }
        }
        int steps = classes.indexOf(loan.classification()) - classes.indexOf(proposed);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("daysOverdue", loan.daysOverdue());
        inputs.put("observationOver", observationUntil == null || !today.isBefore(observationUntil));
        inputs.put("steps", steps);
        inputs.put("currentClassification", loan.classification());
        inputs.put("monthsSinceOverdue", months);
        Map<String, Object> row = rules.evaluateSingle(TABLE, inputs);
        return new Eligibility(Boolean.TRUE.equals(row.get("allowed")), (String) row.get("reasonZh"), (String) row.get("reasonEn"),
                steps, months, observationUntil);
    }

    /** Task_CheckUpgrade: the proposal is the proposer's to make and the table allows it, or the start is refused. */
    @Override
    public void execute(DelegateExecution execution) {
        String proposer = (String) execution.getVariable(PROPOSER);
        String loanNumber = text(execution.getVariable(LOAN));
        String proposed = text(execution.getVariable(PROPOSED));
        Map<String, String> labels = new FormRules(execution.getProcessEngineServices().getFormService())
                .startFormLabels(execution.getProcessDefinitionId());
        LoanRecord loan = register.find(loanNumber).orElseThrow(() -> refused(labels, LOAN, "贷款编号不存在", "no such loan"));
        if (!"ACTIVE".equals(loan.status())) {
            throw refused(labels, LOAN, "贷款已结清或正在销户", "the loan is closed or closing");
        }
        if (proposer != null && !serves(execution, proposer, loan)) {
            throw refused(labels, LOAN, "只能为本人管户的贷款提出上调(风险管理岗除外)",
                    "only the loan's account manager (or a risk manager) proposes its upgrade");
        }
        if (!LoanMonitoring.classes().contains(proposed)) {
            throw refused(labels, PROPOSED, "须为五级分类之一", "must be one of " + LoanMonitoring.classes());
        }
        Eligibility e = eligibility(loan, proposed);
        if (!e.allowed()) {
            throw refused(labels, PROPOSED, "不能上调:" + e.reasonZh(), "cannot be upgraded: " + e.reasonEn());
        }
        execution.setVariable("currentClassification", loan.classification());
        execution.setVariable("upgradeEligibility", e.reasonZh() + " " + e.reasonEn() + "(正常还款 " + e.monthsSinceOverdue()
                + " 个月 months of normal repayment)");
        execution.setVariable("accountManager", loan.accountManager());
        record.append(RecordEntry.of(loan.applicationId(), execution.getProcessInstanceId(), "StartEvent_UpgradeProposed", null,
                        RecordEntry.Duty.CLASSIFICATION_UPGRADE, proposer == null ? RecordEntry.PLATFORM : proposer,
                        Actor.roles(execution.getProcessEngineServices(), proposer))
                .decided("PROPOSED_" + proposed, null, null, null)
                .explained(text(execution.getVariable(REASON)), "loan=" + loanNumber + "; from=" + loan.classification()
                        + "; monthsSinceOverdue=" + e.monthsSinceOverdue()));
    }

    /** Task_ConfirmUpgrade completed: four eyes, checked again, applied or rejected, on the record. */
    @Override
    public void notify(DelegateTask task) {
        String actor = Actor.of(task);
        String proposer = (String) task.getVariable(PROPOSER);
        if (actor != null && actor.equals(proposer)) {
            throw refusedOnTask(task, DECISION, "提议人不能确认自己的上调提议(四眼原则)", "the proposer cannot confirm their own upgrade (four eyes)");
        }
        String decision = text(task.getVariable(DECISION));
        if (!"CONFIRM".equals(decision) && !"REJECT".equals(decision)) {
            throw refusedOnTask(task, DECISION, "须为 CONFIRM 或 REJECT", "must be CONFIRM or REJECT");
        }
        String opinion = text(task.getVariable(OPINION));
        if (opinion == null) {
            throw refusedOnTask(task, OPINION, "复核意见为必填项", "an opinion is required");
        }
        LoanRecord loan = register.find(text(task.getVariable(LOAN))).orElseThrow();
        String proposed = text(task.getVariable(PROPOSED));
        boolean confirmed = "CONFIRM".equals(decision);
        if (confirmed) {
            Eligibility e = eligibility(loan, proposed);
            if (!e.allowed()) {
                throw refusedOnTask(task, DECISION, "现已不能上调:" + e.reasonZh(), "can no longer be upgraded: " + e.reasonEn());
            }
            monitoring.upgrade(loan.loanNumber(), proposed);
        }
        task.getExecution().setVariable("upgradeConfirmed", confirmed);
        record.append(RecordEntry.of(loan.applicationId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(),
                        RecordEntry.Duty.CLASSIFICATION_UPGRADE, actor, Actor.roles(task.getProcessEngineServices(), actor))
                .decided(confirmed ? "UPGRADED_" + proposed : "REJECTED", null, null, null)
                .explained(opinion, "loan=" + loan.loanNumber() + "; from=" + loan.classification() + "; proposedBy=" + proposer));
    }

    private static boolean serves(DelegateExecution execution, String proposer, LoanRecord loan) {
        boolean riskManager = execution.getProcessEngineServices().getIdentityService().createGroupQuery()
                .groupMember(proposer).groupId(Role.RISK_MANAGERS.groupId()).count() > 0;
        return riskManager || proposer.equals(loan.accountManager());
    }

    private static BadUserRequestException refused(Map<String, String> labels, String field, String zh, String en) {
        return new BadUserRequestException(Violation.oneRule(labels.getOrDefault(field, field), zh, en));
    }

    private static BadUserRequestException refusedOnTask(DelegateTask task, String field, String zh, String en) {
        return FormRules.refusal(task, field, zh, en);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}

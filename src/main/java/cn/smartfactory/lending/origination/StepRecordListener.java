package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.record.Actor;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.record.RecordEntry.Duty;

/**
 * Appends each person's step of the line to the decision record, in the step's transaction: the
 * application taken (start event), the bureau query, the investigation, each signature and vote with
 * its decision, amount and opinion, the contract and the disbursement. Bound last on each task's
 * completion, so it records what the checks before it accepted and the amounts they set.
 */
@Component("stepRecord")
public class StepRecordListener implements TaskListener, ExecutionListener {

    private final DecisionRecord record;

    public StepRecordListener(DecisionRecord record) {
        this.record = record;
    }

    /** The application is taken: its account manager is whoever started it. */
    @Override
    public void notify(DelegateExecution execution) {
        Object initiator = execution.getVariable(ACCOUNT_MANAGER);
        String actor = initiator == null ? RecordEntry.PLATFORM : initiator.toString();
        record.append(RecordEntry.of((String) execution.getVariable(APPLICATION_ID), execution.getProcessInstanceId(),
                execution.getCurrentActivityId(), null, Duty.INTAKE, actor, Actor.roles(execution.getProcessEngineServices(), actor))
                .decided("APPLIED", decimal(execution.getVariable(AMOUNT)), integer(execution.getVariable(TERM_MONTHS)), null)
                .explained(null, details(execution.getVariables(), PRODUCT, GUARANTEE_TYPE, LEAD_SOURCE)));
    }

    /** What the bureau task records: the bureau's rows of the field table, then the documents check. */
    static final String[] BUREAU_FIELDS = java.util.stream.Stream.concat(
            InvestigationVariables.FIELDS.fields(InvestigationFields.Station.BUREAU).stream()
                    .map(InvestigationFields.Field::key),
            java.util.stream.Stream.of("documentsComplete")).toArray(String[]::new);

    @Override
    public void notify(DelegateTask task) {
        String actor = Actor.of(task);
        RecordEntry entry = RecordEntry.of((String) task.getVariable(APPLICATION_ID), task.getProcessInstanceId(),
                task.getTaskDefinitionKey(), task.getId(), duty(task.getTaskDefinitionKey()), actor,
                Actor.roles(task.getProcessEngineServices(), actor));
        Map<String, Object> v = task.getVariables();
        entry = switch (entry.duty()) {
            case BUREAU_QUERY -> entry.decided("QUERIED", null, null, null).explained(null, details(v, BUREAU_FIELDS));
            case INVESTIGATION -> entry.decided("INVESTIGATED", null, null, null);
            case APPROVAL -> {
                String decision = String.valueOf(task.getVariableLocal(APPROVAL_DECISION) != null
                        ? task.getVariableLocal(APPROVAL_DECISION) : v.get(APPROVAL_DECISION));
                boolean approves = decision.startsWith("APPROVE");
                yield entry.decided(decision, approves ? decimal(v.get(APPROVED_AMOUNT)) : null,
                                approves ? integer(v.get(APPROVED_TERM_MONTHS)) : null, (String) v.get(APPROVAL_ROUTE))
                        .explained(text(v.get(APPROVAL_OPINION)), details(v, APPROVAL_CONDITIONS, SEND_BACK_REASON,
                                DECLINE_REASON_CODE, SIGNED_ALONE_REASON, SIGNED_ALONE_LEVEL));
            }
            case COMMITTEE_VOTE -> entry.decided(String.valueOf(v.get(VOTE)), null, null, (String) v.get(APPROVAL_ROUTE))
                    .explained(text(v.get(APPROVAL_OPINION)), details(v, DECLINE_REASON_CODE));
            case CONTRACT -> Boolean.TRUE.equals(v.get(CUSTOMER_WITHDREW))
                    ? entry.decided("WITHDRAWN", null, null, null).explained(text(v.get(WITHDRAWAL_REASON)), null)
                    : entry.decided("SIGNED", decimal(v.get(APPROVED_AMOUNT)), integer(v.get(APPROVED_TERM_MONTHS)), null)
                            .explained(text(v.get("contractNotes")), details(v, CONTRACT_NUMBER, "contractSignedOn",
                                    "conditionsFulfilled"));
            case DISBURSEMENT -> Boolean.TRUE.equals(v.get(DISBURSEMENT_WITHDRAWN))
                    ? entry.decided("WITHDRAWN", null, null, null).explained(text(v.get(WITHDRAWAL_REASON)), null)
                    : entry.decided("DISBURSED", decimal(v.get(DISBURSED_AMOUNT)), null, null)
                            .explained(null, details(v, "disbursementAccount", "disbursedOn"));
            default -> throw new IllegalStateException("stepRecord is bound to " + task.getTaskDefinitionKey());
        };
        record.append(entry);
    }

    static Duty duty(String taskKey) {
        return switch (taskKey) {
            case "Task_QueryCreditBureau" -> Duty.BUREAU_QUERY;
            case "Task_InvestigateOnSite", "Task_SupplementInvestigation" -> Duty.INVESTIGATION;
            case "Task_ApproveSingle", "Task_ApproveFirstSignature", "Task_ApproveSecondSignature" -> Duty.APPROVAL;
            case "Task_CommitteeVote" -> Duty.COMMITTEE_VOTE;
            case "Task_SignContract" -> Duty.CONTRACT;
            case "Task_Disburse" -> Duty.DISBURSEMENT;
            default -> throw new IllegalStateException("stepRecord is bound to unknown task " + taskKey);
        };
    }

    static String details(Map<String, Object> variables, String... names) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String name : names) {
            Object value = variables.get(name);
            if (value != null && !value.toString().isBlank()) {
                picked.put(name, value);
            }
        }
        return picked.isEmpty() ? null : picked.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static BigDecimal decimal(Object value) {
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
    }

    private static Integer integer(Object value) {
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString()).intValueExact();
    }
}

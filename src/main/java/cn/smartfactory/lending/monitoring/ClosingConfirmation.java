package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.APPLICATION_ID;
import static cn.smartfactory.lending.monitoring.MonitoringVariables.CLOSING_CONFIRMED_BY;
import static cn.smartfactory.lending.monitoring.MonitoringVariables.CLOSURE_REQUESTED;
import static cn.smartfactory.lending.monitoring.MonitoringVariables.LOAN_NUMBER;

import java.math.BigDecimal;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.record.Actor;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.record.RecordEntry.Duty;

/**
 * Closing a loan takes two people: a repayment in full (from core banking or the overdue list) or a
 * write-off decision only asks for the closing (the loan is CLOSING and takes no events); central
 * operations confirm the balance in core banking (0 for a repayment) with the evidence, or find it
 * does not match; a second person — not the one who confirmed — checks either finding. The loan
 * closes only when both say so; otherwise it goes back to monitoring (ACTIVE again). Each step is
 * appended to the decision record.
 */
@Component("closingConfirmation")
public class ClosingConfirmation implements ExecutionListener, TaskListener {

    /** The balance field's label on the confirmation form, as refusals name it. */
    static final String CONFIRMED_BALANCE_LABEL = "核心系统余额(元) Balance in core banking (CNY)";

    private final LoanRegister register;
    private final DecisionRecord record;

    public ClosingConfirmation(LoanRegister register, DecisionRecord record) {
        this.register = register;
        this.record = record;
    }

    /** On the flow that asks for the closing: which kind, from the flow taken. */
    @Override
    public void notify(DelegateExecution execution) {
        String kind = switch (execution.getCurrentTransitionId()) {
            case "Flow_RepaidToClosing" -> "REPAID";
            case "Flow_WrittenOffToClosing" -> "WRITTEN_OFF";
            default -> throw new IllegalStateException("closingConfirmation is bound to " + execution.getCurrentTransitionId());
        };
        execution.setVariable(CLOSURE_REQUESTED, kind);
        register.markStatus((String) execution.getVariable(LOAN_NUMBER), "CLOSING");
    }

    @Override
    public void notify(DelegateTask task) {
        String user = Actor.of(task);
        switch (task.getTaskDefinitionKey()) {
            case "Task_ConfirmClosingBalance" -> {
                if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                    confirm(task, user);
                }
            }
            case "Task_ApproveClosing" -> {
                Object confirmer = task.getVariable(CLOSING_CONFIRMED_BY);
                if (user != null && user.equals(confirmer)) {
                    throw new BadUserRequestException("双人销户:核对余额的人不得复核销户(用户 " + user + ")。Four eyes: the person who "
                            + "confirmed the balance may not also approve the closing (user " + user + ").");
                }
                if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                    approve(task, user);
                }
            }
            default -> throw new IllegalStateException("closingConfirmation is bound to " + task.getTaskDefinitionKey());
        }
    }

    private void confirm(DelegateTask task, String user) {
        boolean confirmed = "YES".equals(task.getVariable("closingBalanceConfirmed"));
        BigDecimal balance = new BigDecimal(String.valueOf(task.getVariable("confirmedBalance")));
        if (confirmed && "REPAID".equals(task.getVariable(CLOSURE_REQUESTED)) && balance.signum() != 0) {
            throw new BadUserRequestException(Violation.oneRule(CONFIRMED_BALANCE_LABEL, "结清销户时余额须为 0(当前为 "
                    + balance.toPlainString() + "),不符时请选择“不符,继续贷后管理”", "must be 0 to close a loan as repaid (was "
                    + balance.toPlainString() + "); choose \"Does not match: keep monitoring\""));
        }
        task.getExecution().getProcessInstance().setVariable(CLOSING_CONFIRMED_BY, user);
        append(task, user, Duty.CLOSING_CONFIRMATION, confirmed ? "CONFIRMED" : "NOT_CONFIRMED", balance,
                (String) task.getVariable("closingNotes"), "evidence=" + task.getVariable("closingEvidence"));
    }

    private void approve(DelegateTask task, String user) {
        boolean approved = "YES".equals(task.getVariable("closingApproved"));
        boolean confirmed = "YES".equals(task.getVariable("closingBalanceConfirmed"));
        append(task, user, Duty.CLOSING_APPROVAL, approved ? "APPROVED" : "NOT_APPROVED", null,
                (String) task.getVariable("closingApprovalOpinion"), "confirmedBy=" + task.getVariable(CLOSING_CONFIRMED_BY)
                        + "; balanceConfirmed=" + (confirmed ? "YES" : "NO"));
        if (!(approved && confirmed)) {
            register.markStatus((String) task.getVariable(LOAN_NUMBER), "ACTIVE");
        }
    }

    private void append(DelegateTask task, String user, Duty duty, String decision, BigDecimal amount, String opinion,
                        String details) {
        Object application = task.getVariable(APPLICATION_ID);
        record.append(RecordEntry.of(application == null ? String.valueOf(task.getVariable(LOAN_NUMBER)) : application.toString(),
                        task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(), duty,
                        user == null ? RecordEntry.PLATFORM : user, null)
                .decided(decision, amount, null, null)
                .explained(opinion, "closure=" + task.getVariable(CLOSURE_REQUESTED) + "; loan=" + task.getVariable(LOAN_NUMBER)
                        + "; " + details));
    }

}

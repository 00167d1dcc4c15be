package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPLICATION_ID;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVERS;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_VOTERS;
import static cn.smartfactory.lending.origination.LoanVariables.INVESTIGATOR;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.record.Actor;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.record.RecordEntry.Duty;

/**
 * Segregation of duties on one loan (管调审分离), enforced by the engine whatever the client, from the
 * loan's decision record (who took the application, investigated, queried the bureau, approved,
 * referred, voted) — a record no submission can write, and the same for a person who holds two
 * roles. The account manager may not query the bureau, investigate, approve, vote, sign or disburse;
 * an investigator may not approve, vote, sign or disburse; an approver may not investigate, sign or
 * disburse; the two signatures of a dual approval come from two people; an approver who referred the
 * case to the committee may not vote on it; each committee member votes once. Checked when a task is
 * claimed or assigned and again when it is completed (a REST client may complete without claiming);
 * a refusal leaves the task open and says why.
 */
@Component("segregationOfDuties")
public class SegregationOfDutiesListener implements TaskListener {

    enum Station { BUREAU_QUERY, INVESTIGATION, APPROVAL, COMMITTEE_VOTE, OPERATIONS }

    private final DecisionRecord record;

    public SegregationOfDutiesListener(DecisionRecord record) {
        this.record = record;
    }

    static Station stationOf(String taskKey) {
        return switch (taskKey) {
            case "Task_QueryCreditBureau" -> Station.BUREAU_QUERY;
            case "Task_InvestigateOnSite", "Task_SupplementInvestigation" -> Station.INVESTIGATION;
            case "Task_ApproveSingle", "Task_ApproveFirstSignature", "Task_ApproveSecondSignature" -> Station.APPROVAL;
            case "Task_CommitteeVote" -> Station.COMMITTEE_VOTE;
            case "Task_SignContract", "Task_Disburse" -> Station.OPERATIONS;
            default -> throw new IllegalStateException("segregationOfDuties is bound to unknown task " + taskKey);
        };
    }

    @Override
    public void notify(DelegateTask task) {
        String user = Actor.of(task);
        if (user == null) {
            return; // the engine itself, e.g. a migration: nobody to check
        }
        Station station = stationOf(task.getTaskDefinitionKey());
        check(task, station, user);
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            remember(task, station, user);
        }
    }

    private void check(DelegateTask task, Station station, String user) {
        List<RecordEntry> entries = record.entries((String) task.getVariable(APPLICATION_ID));
        boolean accountManager = did(entries, user, Duty.INTAKE);
        boolean investigator = did(entries, user, Duty.INVESTIGATION);
        boolean approver = did(entries, user, Duty.APPROVAL) || did(entries, user, Duty.COMMITTEE_VOTE);
        switch (station) {
            case BUREAU_QUERY -> refuseIf(accountManager, user, "受理该申请的客户经理不得做征信查询",
                    "the account manager who took the application may not query the bureau for it");
            case INVESTIGATION -> {
                refuseIf(accountManager, user, "受理该申请的客户经理不得做尽职调查",
                        "the account manager who took the application may not investigate it");
                refuseIf(approver, user, "审批人不得做尽职调查", "an approver of this loan may not investigate it");
            }
            case APPROVAL -> {
                refuseIf(accountManager, user, "受理该申请的客户经理不得审批",
                        "the account manager who took the application may not approve it");
                refuseIf(investigator, user, "尽调人员不得审批", "an investigator of this loan may not approve it");
                refuseIf("Task_ApproveSecondSignature".equals(task.getTaskDefinitionKey()) && did(entries, user, Duty.APPROVAL),
                        user, "双签须由两名不同审批人完成", "the second signature must come from a different approver");
            }
            case COMMITTEE_VOTE -> {
                refuseIf(accountManager || investigator, user, "客户经理和尽调人员不得投票",
                        "the account manager and investigators may not vote on this loan");
                refuseIf(entries.stream().anyMatch(e -> e.duty() == Duty.APPROVAL && user.equals(e.actor())
                                && "REFER".equals(e.decision())), user, "提交贷审会的审批人不得参与投票",
                        "an approver who referred the case to the committee may not vote on it");
                refuseIf(set(task, COMMITTEE_VOTERS).contains(user) || otherOpenVoteClaimedBy(task, user), user,
                        "每名贷审会委员只能投一票", "each committee member votes once");
            }
            case OPERATIONS -> {
                refuseIf(approver, user, "审批人不得签约或放款", "an approver of this loan may not sign the contract or disburse it");
                refuseIf(accountManager || investigator, user, "客户经理和尽调人员不得签约或放款",
                        "the account manager and investigators of this loan may not sign the contract or disburse it");
            }
        }
    }

    private static boolean did(List<RecordEntry> entries, String user, Duty duty) {
        return entries.stream().anyMatch(e -> e.duty() == duty && user.equals(e.actor()));
    }

    /** Names for the report and the loan register; the checks above never read them. */
    private static void remember(DelegateTask task, Station station, String user) {
        switch (station) {
            case INVESTIGATION -> add(task, INVESTIGATOR, user);
            case APPROVAL -> add(task, APPROVERS, user);
            case COMMITTEE_VOTE -> {
                add(task, COMMITTEE_VOTERS, user);
                add(task, APPROVERS, user);
            }
            case BUREAU_QUERY, OPERATIONS -> {
                // not named on the loan
            }
        }
    }

    /** A member may not hold two of the committee's open vote tasks at once. */
    private static boolean otherOpenVoteClaimedBy(DelegateTask task, String user) {
        return task.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(task.getTaskDefinitionKey())
                .taskAssignee(user).list().stream().anyMatch(t -> !t.getId().equals(task.getId()));
    }

    private static void refuseIf(boolean violated, String user, String zh, String en) {
        if (violated) {
            throw new BadUserRequestException("管调审分离:" + zh + "(用户 " + user + ")。Segregation of duties: " + en + " (user "
                    + user + ").");
        }
    }

    static Set<String> set(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        Set<String> users = new LinkedHashSet<>();
        if (value != null && !value.toString().isBlank()) {
            users.addAll(Arrays.asList(value.toString().split(",")));
        }
        return users;
    }

    private static void add(DelegateTask task, String variable, String user) {
        Set<String> users = set(task, variable);
        users.add(user);
        task.getExecution().getProcessInstance().setVariable(variable, String.join(",", users));
    }
}

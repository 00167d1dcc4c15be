package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.ACCOUNT_MANAGER;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVERS;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_VOTERS;
import static cn.smartfactory.lending.origination.LoanVariables.INVESTIGATOR;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties on one loan (管调审分离), enforced by the engine whatever the client: the
 * applicant's account manager may not investigate or approve; an investigator may not approve;
 * the two signatures of a dual approval come from two people; each committee member votes once;
 * whoever approved or voted may not sign the contract or disburse. Checked when a task is claimed
 * and again when it is completed (a REST client may complete without claiming); a refusal leaves
 * the task open and says why. On completion the performer is recorded for the later checks.
 */
@Component("segregationOfDuties")
public class SegregationOfDutiesListener implements TaskListener {

    enum Duty { INVESTIGATION, APPROVAL, COMMITTEE_VOTE, OPERATIONS }

    static Duty dutyOf(String taskKey) {
        return switch (taskKey) {
            case "Task_InvestigateOnSite", "Task_SupplementInvestigation" -> Duty.INVESTIGATION;
            case "Task_ApproveSingle", "Task_ApproveFirstSignature", "Task_ApproveSecondSignature" -> Duty.APPROVAL;
            case "Task_CommitteeVote" -> Duty.COMMITTEE_VOTE;
            case "Task_SignContract", "Task_Disburse" -> Duty.OPERATIONS;
            default -> throw new IllegalStateException("segregationOfDuties is bound to unknown task " + taskKey);
        };
    }

    @Override
    public void notify(DelegateTask task) {
        String user = performer(task);
        if (user == null) {
            return; // the engine itself, e.g. a migration: nobody to check
        }
        Duty duty = dutyOf(task.getTaskDefinitionKey());
        check(task, duty, user);
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record(task, duty, user);
        }
    }

    private static void check(DelegateTask task, Duty duty, String user) {
        String accountManager = (String) task.getVariable(ACCOUNT_MANAGER);
        Set<String> investigators = set(task, INVESTIGATOR);
        Set<String> approvers = set(task, APPROVERS);
        Set<String> voters = set(task, COMMITTEE_VOTERS);
        switch (duty) {
            case INVESTIGATION -> {
                refuseIf(user.equals(accountManager), user, "受理该申请的客户经理不得做尽职调查",
                        "the account manager who took the application may not investigate it");
                refuseIf(approvers.contains(user), user, "审批人不得做尽职调查", "an approver of this loan may not investigate it");
            }
            case APPROVAL -> {
                refuseIf(user.equals(accountManager), user, "受理该申请的客户经理不得审批",
                        "the account manager who took the application may not approve it");
                refuseIf(investigators.contains(user), user, "尽调人员不得审批", "an investigator of this loan may not approve it");
                refuseIf("Task_ApproveSecondSignature".equals(task.getTaskDefinitionKey()) && approvers.contains(user), user,
                        "双签须由两名不同审批人完成", "the second signature must come from a different approver");
            }
            case COMMITTEE_VOTE -> {
                refuseIf(user.equals(accountManager) || investigators.contains(user), user,
                        "客户经理和尽调人员不得投票", "the account manager and investigators may not vote on this loan");
                refuseIf(voters.contains(user) || otherOpenVoteClaimedBy(task, user), user,
                        "每名贷审会委员只能投一票", "each committee member votes once");
            }
            case OPERATIONS -> refuseIf(approvers.contains(user) || voters.contains(user), user,
                    "审批人不得签约或放款", "an approver of this loan may not sign the contract or disburse it");
        }
    }

    private static void record(DelegateTask task, Duty duty, String user) {
        switch (duty) {
            case INVESTIGATION -> add(task, INVESTIGATOR, user);
            case APPROVAL -> add(task, APPROVERS, user);
            case COMMITTEE_VOTE -> {
                add(task, COMMITTEE_VOTERS, user);
                add(task, APPROVERS, user);
            }
            case OPERATIONS -> {
                // operations staff are not restricted further on this loan
            }
        }
    }

    /** A member may not hold two of the committee's open vote tasks at once. */
    private static boolean otherOpenVoteClaimedBy(DelegateTask task, String user) {
        return task.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(task.getTaskDefinitionKey())
                .taskAssignee(user).list().stream().anyMatch(t -> !t.getId().equals(task.getId()));
    }

    /** The assignee on claim; on completion the authenticated caller, else the assignee. */
    static String performer(DelegateTask task) {
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (auth != null && auth.getUserId() != null) {
                return auth.getUserId();
            }
        }
        return task.getAssignee();
    }

    private static void refuseIf(boolean violated, String user, String zh, String en) {
        if (violated) {
            throw new BadUserRequestException("管调审分离 Segregation of duties: " + zh + " / " + en + " (user " + user + ")");
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

package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_DECISION;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_OPINION;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_TERM_MONTHS;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_APPROVALS;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_DECIDED;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_DECLINES;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_VOTERS;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON_CODE;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_STAGE;
import static cn.smartfactory.lending.origination.LoanVariables.PRODUCT;
import static cn.smartfactory.lending.origination.LoanVariables.SUGGESTED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.TERM_MONTHS;
import static cn.smartfactory.lending.origination.LoanVariables.VOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.product.ProductCatalog;

/**
 * The credit committee's vote (贷审会): three members, two votes carry it, each vote with a written
 * opinion and a decline with a reason code. Resets the tally when a case enters the committee
 * (listener on the flow into the vote), counts each vote, and ends the vote as soon as two agree.
 */
@Component("committeeVoteRecorder")
public class CommitteeVoteRecorder implements TaskListener, ExecutionListener {

    static final int VOTES_TO_CARRY = 2;

    private final ProductCatalog products;

    public CommitteeVoteRecorder(ProductCatalog products) {
        this.products = products;
    }

    /** The case enters the committee: a fresh tally. */
    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(COMMITTEE_APPROVALS, 0);
        execution.setVariable(COMMITTEE_DECLINES, 0);
        execution.setVariable(COMMITTEE_DECIDED, false);
        execution.setVariable(COMMITTEE_VOTERS, "");
        execution.setVariable("committeeOpinions", "");
    }

    /** One member votes. */
    @Override
    public void notify(DelegateTask task) {
        String vote = (String) task.getVariable(VOTE);
        if (!"APPROVE".equals(vote) && !"DECLINE".equals(vote)) {
            throw ApprovalRecorder.refused(task, VOTE, "须为 APPROVE 或 DECLINE", "must be APPROVE or DECLINE (was " + vote + ")");
        }
        Object opinion = task.getVariable(APPROVAL_OPINION);
        if (opinion == null || opinion.toString().isBlank()) {
            throw ApprovalRecorder.refused(task, APPROVAL_OPINION, "每票须附书面意见", "every vote needs a written opinion");
        }
        var instance = task.getExecution().getProcessInstance();
        String voter = cn.smartfactory.lending.record.Actor.of(task);
        String opinions = (String) task.getVariable("committeeOpinions");
        instance.setVariable("committeeOpinions", (opinions == null || opinions.isBlank() ? "" : opinions + "\n")
                + voter + " " + vote + ": " + opinion);
        int approvals = ApprovalRecorder.number(task.getVariable(COMMITTEE_APPROVALS)).intValue();
        int declines = ApprovalRecorder.number(task.getVariable(COMMITTEE_DECLINES)).intValue();
        if ("APPROVE".equals(vote)) {
            ApprovalRecorder.requireAtLeastMinimum(task, VOTE, products.find(String.valueOf(task.getVariable(PRODUCT))).orElseThrow(),
                    ApprovalRecorder.number(task.getVariable(SUGGESTED_AMOUNT)));
            approvals++;
        } else {
            Object code = task.getVariable(DECLINE_REASON_CODE);
            if (code == null || code.toString().isBlank()) {
                throw ApprovalRecorder.refused(task, DECLINE_REASON_CODE, "反对票须选择原因代码", "a vote to decline needs a reason code");
            }
            declines++;
        }
        instance.setVariable(COMMITTEE_APPROVALS, approvals);
        instance.setVariable(COMMITTEE_DECLINES, declines);
        if (approvals >= VOTES_TO_CARRY) {
            instance.setVariable(APPROVAL_DECISION, "APPROVE");
            instance.setVariable(APPROVED_AMOUNT, ApprovalRecorder.number(task.getVariable(SUGGESTED_AMOUNT)).doubleValue());
            instance.setVariable(APPROVED_TERM_MONTHS, ApprovalRecorder.number(task.getVariable(TERM_MONTHS)).intValue());
            instance.setVariable(COMMITTEE_DECIDED, true);
        } else if (declines >= VOTES_TO_CARRY) {
            instance.setVariable(APPROVAL_DECISION, "DECLINE");
            instance.setVariable(DECLINE_STAGE, "COMMITTEE");
            instance.setVariable(DECLINE_REASON, task.getVariable(DECLINE_REASON_CODE));
            instance.setVariable(COMMITTEE_DECIDED, true);
        }
    }
}

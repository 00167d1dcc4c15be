package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.REPAYMENT_PLAN;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.platform.BankClock;

/**
 * Shows the contract and disbursement steps the repayment schedule of the approved amount if it is paid out this
 * month (the loan is booked with the schedule of what is actually paid out, on the day it is, at hand-over).
 */
@Component("repaymentPlanPreview")
public class RepaymentPlanListener implements TaskListener {

    private final RepaymentPlans plans;

    public RepaymentPlanListener(RepaymentPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        BigDecimal approved = new BigDecimal(task.getVariable(APPROVED_AMOUNT).toString());
        task.setVariable(REPAYMENT_PLAN, plans.schedule(task.getVariables(), approved, YearMonth.from(BankClock.today()))
                .summary());
    }
}

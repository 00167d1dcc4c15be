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

    /**
     * The preview only informs: a loan that cannot be scheduled yet (one applied for before repayment structures
     * existed has no structure) still reaches its step, which says the schedule is made at hand-over — where a missing
     * value stops the loan as a visible incident instead.
     */
    @Override
    public void notify(DelegateTask task) {
        String plan;
        try {
            Object approved = task.getVariable(APPROVED_AMOUNT);
            if (approved == null) {
                throw new IllegalStateException("还款计划缺少流程变量“" + APPROVED_AMOUNT + "” / The repayment schedule needs "
                        + "the process variable '" + APPROVED_AMOUNT + "', which is missing");
            }
            plan = plans.schedule(task.getVariables(), new BigDecimal(approved.toString()),
                    YearMonth.from(BankClock.today())).summary();
        } catch (RuntimeException unschedulable) {
            LOG.warn("No repayment schedule preview for task {}: {}", task.getId(), unschedulable.getMessage());
            plan = "暂无法预览,放款入账时生成 / Not available yet: made when the loan is booked — " + unschedulable.getMessage();
        }
        task.setVariable(REPAYMENT_PLAN, plan);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RepaymentPlanListener.class);
}

package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.DISBURSED_AMOUNT;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Central operations may not pay out more than was approved. */
@Component("disbursementCheck")
public class DisbursementCheckListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        BigDecimal disbursed = ApprovalRecorder.number(task.getVariable(DISBURSED_AMOUNT));
        BigDecimal approved = ApprovalRecorder.number(task.getVariable(APPROVED_AMOUNT));
        if (disbursed.compareTo(approved) > 0) {
            throw ApprovalRecorder.refused(DISBURSED_AMOUNT, "放款金额不得超过批准金额 " + approved.toPlainString(),
                    "the disbursed amount may not exceed the approved amount of " + approved.toPlainString());
        }
    }
}

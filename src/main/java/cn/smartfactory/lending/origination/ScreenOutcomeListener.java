package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON_CODE;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_STAGE;
import static cn.smartfactory.lending.origination.LoanVariables.SCREEN_RESULT;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Turns a screening table's result (pre-screen, bureau screen) into small typed variables — the
 * outcome the gateway reads and, for a decline, the stage, code and bilingual reason — and drops
 * the raw result map so no structured object is kept in the process.
 */
@Component("screenOutcome")
public class ScreenOutcomeListener implements ExecutionListener {

    static final Map<String, String> RESULT_VARIABLES = Map.of("Task_PreScreen", "preScreen",
            "Task_BureauScreen", "bureauScreen");
    static final Map<String, String> STAGES = Map.of("Task_PreScreen", "PRE_SCREEN", "Task_BureauScreen", "BUREAU");

    @Override
    public void notify(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        String variable = RESULT_VARIABLES.get(activity);
        if (variable == null) {
            throw new IllegalStateException("screenOutcome is bound to unknown activity " + activity);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(variable);
        if (result == null || result.get("result") == null) {
            throw new IllegalStateException("decision result '" + variable + "' is missing at " + activity);
        }
        String outcome = result.get("result").toString();
        execution.removeVariable(variable);
        execution.setVariable(SCREEN_RESULT, outcome);
        if (!"PASS".equals(outcome)) {
            execution.setVariable(DECLINE_STAGE, STAGES.get(activity));
            execution.setVariable(DECLINE_REASON_CODE, outcome);
            Object productReason = execution.getVariable(LoanVariables.PRODUCT_INELIGIBLE_REASON);
            // The product matrix says why the product is not for this applicant; the screen only that it is not.
            execution.setVariable(DECLINE_REASON, "PRODUCT_NOT_ELIGIBLE".equals(outcome) && productReason != null
                    ? productReason.toString() : result.get("reasonZh") + " / " + result.get("reasonEn"));
        }
    }
}

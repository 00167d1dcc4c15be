package cn.smartfactory.lending.origination;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.investigation.InvestigationValidator;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.scoring.RiskEngine;

/**
 * Checks a submitted checklist the way the risk engine will read it — two independent sales
 * sources, shares within 100%, collateral for mortgage loans and so on — so the investigator fixes
 * it on the spot instead of the scoring station failing later. The credit-bureau section is
 * filled by central operations in parallel and is checked on their task with the same rules
 * (a balance that does not match the lenders listed, say), each task refused only for its own
 * fields: those of its station in the field table.
 */
@Component("investigationCheck")
public class InvestigationCheckListener implements TaskListener {

    static final String BUREAU_TASK = "Task_QueryCreditBureau";

    private final InvestigationVariables variables;
    private final InvestigationValidator validator;
    private final FormRules forms;

    /** The check only validates input (product terms), so its table look-ups leave no decision history. */
    public InvestigationCheckListener(InvestigationVariables variables,
                                      @Qualifier("unrecordedRiskEngine") RiskEngine riskEngine, FormRules forms) {
        this.variables = variables;
        this.forms = forms;
        this.validator = riskEngine.validator();
    }

    @Override
    public void notify(DelegateTask task) {
        boolean bureau = BUREAU_TASK.equals(task.getTaskDefinitionKey());
        java.util.Set<String> bureauFields = InvestigationVariables.stationKeys(InvestigationFields.Station.BUREAU);
        List<Violation> problems = variables.problems(task.getVariables(), validator).stream()
                .filter(v -> bureauFields.contains(v.field()) == bureau)
                .toList();
        if (!problems.isEmpty()) {
            // The checklist's labels, and the application form's for what the account manager entered.
            Map<String, String> labels = new java.util.HashMap<>(forms.startFormLabels(task.getProcessDefinitionId()));
            labels.putAll(forms.taskFormLabels(task.getId()));
            throw new BadUserRequestException(Violation.refusal(bureau ? "征信信息未通过校验" : "调查清单未通过校验",
                    bureau ? "Bureau data not accepted" : "Checklist not accepted", problems.stream()
                    .map(v -> v.labelled(InvestigationVariables.label(v.field(), labels))).toList()));
        }
    }
}

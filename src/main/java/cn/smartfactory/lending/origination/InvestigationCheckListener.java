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
 * filled by central operations in parallel and is checked on their task.
 */
@Component("investigationCheck")
public class InvestigationCheckListener implements TaskListener {

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
        List<Violation> problems = variables.problems(task.getVariables(), validator).stream()
                .filter(v -> !v.field().startsWith("bureau") && !v.field().equals("creditHistory"))
                .toList();
        if (!problems.isEmpty()) {
            // The checklist's labels, and the application form's for what the account manager entered.
            Map<String, String> labels = new java.util.HashMap<>(forms.startFormLabels(task.getProcessDefinitionId()));
            labels.putAll(forms.taskFormLabels(task.getId()));
            throw new BadUserRequestException(Violation.refusal("调查清单未通过校验", "Checklist not accepted", problems.stream()
                    .map(v -> v.labelled(InvestigationVariables.label(v.field(), labels))).toList()));
        }
    }
}

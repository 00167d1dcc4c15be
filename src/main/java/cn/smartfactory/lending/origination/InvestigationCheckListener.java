package cn.smartfactory.lending.origination;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

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

    /** The check only validates input (product terms), so its table look-ups leave no decision history. */
    public InvestigationCheckListener(InvestigationVariables variables,
                                      @Qualifier("unrecordedRiskEngine") RiskEngine riskEngine) {
        this.variables = variables;
        this.validator = riskEngine.validator();
    }

    @Override
    public void notify(DelegateTask task) {
        List<Violation> problems = variables.problems(task.getVariables(), validator).stream()
                .filter(v -> !v.field().startsWith("bureau") && !v.field().equals("creditHistory"))
                .toList();
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("调查清单未通过校验 The checklist was refused: " + problems.stream()
                    .map(Violation::message).collect(Collectors.joining("; ")));
        }
    }
}

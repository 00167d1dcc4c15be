package cn.smartfactory.lending.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Decision rules as deployed in the process engine, every evaluation in the decision history that
 * Cockpit shows. Inside a process step the table is the one bound to the loan's process deployment
 * ({@link DecisionBinding}), so an activated change applies to new loans only; outside a process
 * (the platform's API) the newest activated version.
 */
public class EngineDecisionRules implements DecisionRules {

    private final DecisionService decisionService;
    private final org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands;

    public EngineDecisionRules(org.camunda.bpm.engine.ProcessEngine engine) {
        this.decisionService = engine.getDecisionService();
        this.commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionResult result;
        String deployment = DecisionBinding.current();
        try {
            if (deployment != null) {
                org.camunda.bpm.engine.repository.DecisionDefinition bound = commands.execute(
                        (InternalLookup<org.camunda.bpm.engine.repository.DecisionDefinition>) context -> context
                                .runWithoutAuthorization(() -> DecisionBinding.resolve(context, deployment, decisionKey)));
                if (bound == null) {
                    throw new DecisionTableException(decisionKey, inputs, "no such decision is deployed");
                }
                result = decisionService.evaluateDecisionById(bound.getId()).variables(inputs).evaluate();
            } else {
                result = decisionService.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate();
            }
        } catch (NotFoundException | NullValueException e) {
            throw new DecisionTableException(decisionKey, inputs, "no such decision is deployed");
        }
        List<Map<String, Object>> rows = new ArrayList<>(result.size());
        result.forEach(entries -> rows.add(entries.getEntryMap()));
        return rows;
    }
}

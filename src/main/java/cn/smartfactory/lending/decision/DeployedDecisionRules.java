package cn.smartfactory.lending.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.exception.dmn.DecisionDefinitionNotFoundException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The table a loan uses, like {@link EngineDecisionRules} (bound to the loan's process deployment
 * inside a process step, else the newest), but evaluated without writing decision history. For re-computations of a decision already on record — the
 * credit report re-derives the assessment the scoring step recorded, the checklist check looks up
 * product terms — so that Cockpit shows each loan's decisions once and the database is not asked to
 * store the same dozen evaluations twice (docs/architecture.md). The table comes from the
 * engine's deployment cache (parsed once per deployed version); a signed-in user needs the same
 * grant as for recorded evaluation (CREATE_INSTANCE on the decision definition), while jobs, which
 * run without a user, are not checked — as with the engine's own evaluation.
 */
public class DeployedDecisionRules implements DecisionRules {

    private final CommandExecutor commands;
    private final DmnEngine engine;

    public DeployedDecisionRules(ProcessEngine processEngine, DmnEngine engine) {
        this.commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.engine = engine;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
        String deployment = DecisionBinding.current();
        DmnDecision decision = commands.execute((InternalLookup<DmnDecision>) context -> {
            DecisionDefinition definition;
            try {
                definition = deployment != null
                        ? context.runWithoutAuthorization(() -> DecisionBinding.resolve(context, deployment, decisionKey))
                        : context.getProcessEngineConfiguration().getDeploymentCache()
                                .findDeployedLatestDecisionDefinitionByKey(decisionKey);
            } catch (DecisionDefinitionNotFoundException | NotFoundException | NullValueException e) {
                throw new DecisionTableException(decisionKey, inputs, "no such decision is deployed");
            }
            if (definition == null) {
                throw new DecisionTableException(decisionKey, inputs, "no such decision is deployed");
            }
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkEvaluateDecision(definition);
            }
            return (DmnDecision) definition;
        });
        DmnDecisionResult result;
        try {
            result = engine.evaluateDecision(decision, inputs);
        } catch (RuntimeException e) {
            throw new DecisionTableException(decisionKey, "evaluation failed for inputs " + inputs + ": " + e.getMessage(), e);
        }
        List<Map<String, Object>> rows = new ArrayList<>(result.size());
        result.forEach(entries -> rows.add(entries.getEntryMap()));
        return rows;
    }
}

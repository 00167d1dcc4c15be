package cn.smartfactory.lending.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Decision rules as deployed in the process engine: always the newest version of each table, so
 * a risk manager's deployment from Camunda Modeler takes effect without a release, and every
 * evaluation lands in the decision history that Cockpit shows.
 */
public class EngineDecisionRules implements DecisionRules {

    private final DecisionService decisionService;

    public EngineDecisionRules(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionResult result;
        try {
            result = decisionService.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate();
        } catch (NotFoundException | NullValueException e) {
            throw new DecisionTableException(decisionKey, inputs, "no such decision is deployed");
        }
        List<Map<String, Object>> rows = new ArrayList<>(result.size());
        result.forEach(entries -> rows.add(entries.getEntryMap()));
        return rows;
    }
}

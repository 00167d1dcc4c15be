package cn.smartfactory.lending.decision;

import java.util.List;
import java.util.Map;

/**
 * Evaluates a decision table by key. Behind it sits either the standalone DMN engine (engine-free
 * use, tests, benchmarks) or, once the process engine runs, its deployed decision versions.
 */
public interface DecisionRules {

    /** The outputs of every matched rule, in rule order (one map per rule). */
    List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs);

    /**
     * The outputs of the single rule that must match, e.g. a grade for a score. Zero or several
     * matches mean the table has a gap or an overlap for these inputs, which is a table defect.
     */
    default Map<String, Object> evaluateSingle(String decisionKey, Map<String, Object> inputs) {
        List<Map<String, Object>> results = evaluate(decisionKey, inputs);
        if (results.size() != 1) {
            throw new DecisionTableException(decisionKey, inputs,
                    results.isEmpty() ? "no rule matched" : results.size() + " rules matched where one was expected");
        }
        return results.get(0);
    }
}

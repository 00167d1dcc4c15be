package cn.smartfactory.lending.decision;

import java.util.Map;

/**
 * A decision table could not give an answer for the inputs it was given (a gap, an overlap, a
 * missing table). This is a defect in the rules, not in the application, so it names the table
 * and the inputs for the risk manager who has to fix it.
 */
public class DecisionTableException extends RuntimeException {

    private final String decisionKey;

    public DecisionTableException(String decisionKey, Map<String, ?> inputs, String problem) {
        super("Decision table '" + decisionKey + "': " + problem + " for inputs " + inputs);
        this.decisionKey = decisionKey;
    }

    public DecisionTableException(String decisionKey, String problem, Throwable cause) {
        super("Decision table '" + decisionKey + "': " + problem, cause);
        this.decisionKey = decisionKey;
    }

    public String decisionKey() {
        return decisionKey;
    }
}

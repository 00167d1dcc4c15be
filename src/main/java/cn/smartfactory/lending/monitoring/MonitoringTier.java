package cn.smartfactory.lending.monitoring;

import java.util.HashMap;
import java.util.Map;

import cn.smartfactory.lending.decision.DecisionRules;

/** The monitoring tier of a loan from the {@code monitoring-tier} table. */
public class MonitoringTier {

    public static final String DECISION = "monitoring-tier";

    private final DecisionRules rules;

    public MonitoringTier(DecisionRules rules) {
        this.rules = rules;
    }

    /** @param latestEvent the latest warning event type, or null */
    public String tier(String grade, String product, String guaranteeType, String industryRisk, String latestEvent,
                       int daysOverdue) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("grade", grade);
        inputs.put("product", product);
        inputs.put("guaranteeType", guaranteeType);
        inputs.put("industryRisk", industryRisk);
        inputs.put("latestEvent", latestEvent);
        inputs.put("daysOverdue", daysOverdue);
        return (String) rules.evaluateSingle(DECISION, inputs).get("tier");
    }
}

package cn.smartfactory.lending.marketing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.smartfactory.lending.decision.DecisionRules;

/** The strategy library (营销策略库): the {@code marketing-strategy} table's script, offer and channel for a lead. */
public class StrategyLibrary {

    public static final String TABLE = "marketing-strategy";

    private final DecisionRules rules;

    public StrategyLibrary(DecisionRules rules) {
        this.rules = rules;
    }

    /** What the outreach form shows under 营销策略 Strategy. */
    public Map<String, Object> advice(Campaign campaign, Lead lead) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("campaignStrategy", campaign.strategy());
        inputs.put("listSource", campaign.listSource());
        inputs.put("industry", lead.industry());
        inputs.put("businessType", lead.businessType());
        Map<String, Object> result = rules.evaluateSingle(TABLE, inputs);
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("name", result.get("name"));
        advice.put("script", result.get("script"));
        advice.put("offer", result.get("offer"));
        advice.put("channel", Channels.label(String.valueOf(result.get("channel"))));
        return advice;
    }
}

package cn.smartfactory.lending.marketing;

import java.util.Map;

import cn.smartfactory.lending.decision.DecisionRules;

/** Points for executed marketing actions (积分), from the {@code marketing-points} table, once per lead and action. */
public class MarketingPoints {

    public static final String TABLE = "marketing-points";

    private final DecisionRules rules;
    private final MarketingStore store;

    public MarketingPoints(DecisionRules rules, MarketingStore store) {
        this.rules = rules;
        this.store = store;
    }

    public void award(Lead lead, String action, String accountManager) {
        int points = ((Number) rules.evaluateSingle(TABLE, Map.of("action", action)).get("points")).intValue();
        store.award(lead, action, accountManager, points);
    }
}

package cn.smartfactory.lending.approval;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import cn.smartfactory.lending.decision.DecisionRules;

/** Routes a loan by the {@code approval-authority} decision table (hit policy FIRST). */
public class ApprovalAuthority {

    public static final String DECISION = "approval-authority";

    private final DecisionRules rules;

    public ApprovalAuthority(DecisionRules rules) {
        this.rules = rules;
    }

    /**
     * @param amount    the amount to be approved (the suggested limit, or an approver's changed amount)
     * @param flagCount all flags, soft and hard
     * @param referral  whether an approver referred the case upwards
     */
    public ApprovalRoute route(BigDecimal amount, String grade, String product, boolean hardFlag, int flagCount,
                               boolean referral) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("amount", amount);
        inputs.put("grade", grade);
        inputs.put("product", product);
        inputs.put("hardFlag", hardFlag);
        inputs.put("flagCount", flagCount);
        inputs.put("referral", referral);
        Map<String, Object> row = rules.evaluateSingle(DECISION, inputs);
        return new ApprovalRoute(ApprovalRoute.Route.valueOf((String) row.get("route")), (String) row.get("routeZh"),
                (String) row.get("routeEn"), (String) row.get("reasonZh"), (String) row.get("reasonEn"));
    }
}

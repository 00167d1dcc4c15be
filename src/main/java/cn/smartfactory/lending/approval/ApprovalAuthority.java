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
        return route(amount, grade, product, hardFlag, flagCount, referral, null);
    }

    /**
     * The route as it stands for one approver: the same table with the approver's level (分层授权), which
     * can let a senior approver sign alone what otherwise needs two signatures, or keep an approver on
     * watch from signing alone.
     *
     * @param approverLevel the signing approver's current level; null when no approver is known yet
     */
    public ApprovalRoute route(BigDecimal amount, String grade, String product, boolean hardFlag, int flagCount,
                               boolean referral, String approverLevel) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("amount", amount);
        inputs.put("grade", grade);
        inputs.put("product", product);
        inputs.put("hardFlag", hardFlag);
        inputs.put("flagCount", flagCount);
        inputs.put("referral", referral);
        inputs.put("approverLevel", approverLevel);
        Map<String, Object> row = rules.evaluateSingle(DECISION, inputs);
        return new ApprovalRoute(ApprovalRoute.Route.valueOf((String) row.get("route")), (String) row.get("routeZh"),
                (String) row.get("routeEn"), (String) row.get("reasonZh"), (String) row.get("reasonEn"));
    }
}

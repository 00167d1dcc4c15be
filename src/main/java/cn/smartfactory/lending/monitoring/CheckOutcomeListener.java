package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.decision.DecisionRules;

/**
 * Re-tiers a loan from its completed check ({@code check-outcome-tier}): the answers may move it up
 * or down, never below the base tier its grade, product, guarantee, industry and days overdue
 * require. The register follows.
 */
@Component("checkOutcome")
public class CheckOutcomeListener implements TaskListener {

    public static final String DECISION = "check-outcome-tier";

    private final DecisionRules rules;
    private final MonitoringTier tiers;
    private final LoanRegister register;

    public CheckOutcomeListener(DecisionRules rules, MonitoringTier tiers, LoanRegister register) {
        this.rules = rules;
        this.tiers = tiers;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        Object days = task.getVariable(DAYS_OVERDUE);
        String baseTier = tiers.tier((String) task.getVariable(GRADE), (String) task.getVariable(PRODUCT),
                (String) task.getVariable(GUARANTEE_TYPE), (String) task.getVariable(INDUSTRY_RISK), null,
                days == null ? 0 : ((Number) days).intValue());
        Object security = task.getVariable("checkGuarantorCapable") != null ? task.getVariable("checkGuarantorCapable")
                : task.getVariable("checkCollateralIntact");
        Object sales = task.getVariable("checkSalesChangePercent");
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("baseTier", baseTier);
        inputs.put("checkConclusion", task.getVariable("checkConclusion"));
        inputs.put("securityIntact", security == null ? null : security.toString());
        inputs.put("salesChangePercent", sales == null ? null : Double.valueOf(sales.toString()));
        Map<String, Object> outcome = rules.evaluateSingle(DECISION, inputs);
        String tier = (String) outcome.get("tier");
        Object checks = task.getVariable(CHECKS_IN_TIER);
        task.setVariable(MONITORING_TIER, tier);
        task.setVariable(TIER_REASON, "检查 Check: " + outcome.get("reasonZh") + " " + outcome.get("reasonEn"));
        task.setVariable(CHECKS_IN_TIER, (checks == null ? 0 : ((Number) checks).intValue()) + 1);
        task.setVariable(LAST_CHECK_ON, ClockUtil.getCurrentTime());
        register.updateTier((String) task.getVariable(LOAN_NUMBER), tier);
    }
}

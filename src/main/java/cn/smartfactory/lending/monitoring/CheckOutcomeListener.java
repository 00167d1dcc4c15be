package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.platform.BankClock;

import cn.smartfactory.lending.decision.DecisionRules;

/**
 * Re-tiers a loan from its completed check ({@code check-outcome-tier}): the answers may move it up
 * or down, never below the base tier its grade, product, guarantee, industry and days overdue
 * require. A secured loan's collateral is revalued at the value found ({@code CollateralRevaluation}); cover below the
 * outstanding balance puts the loan in T3, whose check goes to the risk managers' high-risk review. The register
 * follows.
 */
@Component("checkOutcome")
public class CheckOutcomeListener implements TaskListener {

    /** The value of the collateral the officer found at the check (mortgage loans' check form). */
    static final String COLLATERAL_VALUE = "checkCollateralValue";

    public static final String DECISION = "check-outcome-tier";

    private final DecisionRules rules;
    private final MonitoringTier tiers;
    private final LoanRegister register;
    private final CollateralRevaluation revaluation;

    public CheckOutcomeListener(DecisionRules rules, MonitoringTier tiers, LoanRegister register) {
        this.rules = rules;
        this.tiers = tiers;
        this.register = register;
        this.revaluation = new CollateralRevaluation(register, rules);
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
        // A secured loan's collateral is revalued at the value the officer found; cover below the balance escalates.
        Object value = task.getVariable(COLLATERAL_VALUE);
        Object balance = task.getVariable(OUTSTANDING_BALANCE);
        var cover = value == null || balance == null ? java.util.Optional.<CollateralRevaluation.Cover>empty()
                : revaluation.revalue((String) task.getVariable(LOAN_NUMBER), new java.math.BigDecimal(value.toString()),
                new java.math.BigDecimal(balance.toString()), BankClock.today());
        task.setVariable(COLLATERAL_REVALUATION, cover.map(CollateralRevaluation.Cover::describe).orElse(value == null ? ""
                : "抵押物未登记(本功能上线前放款),本次未重估 / The collateral is not on the register (lent before revaluation "
                + "existed): not revalued this time"));
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("baseTier", baseTier);
        inputs.put("checkConclusion", task.getVariable("checkConclusion"));
        inputs.put("securityIntact", security == null ? null : security.toString());
        inputs.put("salesChangePercent", sales == null ? null : Double.valueOf(sales.toString()));
        inputs.put("collateralCovered", cover.map(CollateralRevaluation.Cover::covered).orElse(null));
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

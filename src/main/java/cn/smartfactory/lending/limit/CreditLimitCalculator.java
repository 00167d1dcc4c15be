package cn.smartfactory.lending.limit;

import static cn.smartfactory.lending.common.Decimals.MC;
import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatPercent;
import static cn.smartfactory.lending.common.Decimals.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;
import cn.smartfactory.lending.product.ProductTerms;

/**
 * Computes every limit constraint of RISK-MODEL.md §4 and names the binding one. The DSR cap per
 * grade comes from the {@code limit-dsr-cap} table; caps and rates from the product; the collateral's advance rate
 * from the {@code collateral-advance-rate} table by product, property type and whether it is the family's only home.
 */
public class CreditLimitCalculator {

    static final String DSR_CAP = "limit-dsr-cap";
    static final String ADVANCE_RATE = "collateral-advance-rate";

    private final DecisionRules rules;

    public CreditLimitCalculator(DecisionRules rules) {
        this.rules = rules;
    }

    /**
     * @param disposableIncome    monthly disposable income before any instalment
     * @param existingInstalments monthly instalments of the declared debts
     * @param imputedInstalment   monthly instalment imputed for undeclared debt (0 when none)
     * @param annualVerifiedSales 12 × S_v
     * @param salesCapRatio       the industry's share of annual sales that may be lent
     */
    public CreditLimit calculate(InvestigationRecord r, ProductTerms product, String grade, BigDecimal disposableIncome,
                                 BigDecimal existingInstalments, BigDecimal imputedInstalment,
                                 BigDecimal annualVerifiedSales,
                                 BigDecimal salesCapRatio, boolean knockedOut) {
        BigDecimal dsrCap = Decimals.exact((Number) rules.evaluateSingle(DSR_CAP, Map.of("grade", grade)).get("dsrCap"));
        int term = r.loan().termMonths();
        List<LimitConstraint> constraints = new ArrayList<>();

        BigDecimal requested = r.loan().amount();
        constraints.add(new LimitConstraint(Kind.REQUESTED, requested, "客户申请金额", "amount the customer applied for"));

        boolean imputed = imputedInstalment.signum() > 0;
        BigDecimal maxInstalment = disposableIncome.multiply(dsrCap, MC).subtract(existingInstalments)
                .subtract(imputedInstalment);
        BigDecimal capacity = maxInstalment.signum() <= 0 ? BigDecimal.ZERO
                : money(Annuity.principal(maxInstalment, product.annualRate(), term));
        String instalmentText = formatMoney(disposableIncome) + " × " + formatPercent(dsrCap) + " − "
                + formatMoney(existingInstalments) + (imputed ? " − " + formatMoney(imputedInstalment) : "") + " = "
                + formatMoney(maxInstalment.max(BigDecimal.ZERO));
        constraints.add(new LimitConstraint(Kind.REPAYMENT_CAPACITY, capacity,
                "月可支配收入 × 偿债率上限(" + grade + "级)− 现有月供" + (imputed ? " − 未申报负债推定月供" : "") + ":"
                        + instalmentText + ",按年利率 " + formatPercent(product.annualRate()) + "、" + term
                        + " 期等额本息折算本金",
                "(disposable income × DSR cap for grade " + grade + " − existing instalments"
                        + (imputed ? " − instalment imputed for undeclared debt" : "") + ") " + instalmentText
                        + " per month, as principal of an annuity at " + formatPercent(product.annualRate()) + " over "
                        + term + " months"));

        BigDecimal salesCap = money(annualVerifiedSales.multiply(salesCapRatio, MC));
        String salesText = formatMoney(annualVerifiedSales) + " × " + formatPercent(salesCapRatio);
        constraints.add(new LimitConstraint(Kind.SALES_CAP, salesCap, "年核实销售额 × 行业比例:" + salesText,
                "annual verified sales × industry ratio: " + salesText));

        constraints.add(new LimitConstraint(Kind.PRODUCT_CAP, product.maxAmount(),
                product.nameZh() + "产品上限", "cap of the " + product.nameEn().toLowerCase() + " product"));

        if (product.requiresCollateral()) {
            var c = r.collateral();
            Map<String, Object> inputs = Map.of("product", product.code(), "propertyType", c.propertyType().name(),
                    "soleResidence", c.soleResidence());
            Map<String, Object> row = rules.evaluateSingle(ADVANCE_RATE, inputs);
            if (!(row.get("advanceRate") instanceof Number n)) {
                throw new cn.smartfactory.lending.decision.DecisionTableException(ADVANCE_RATE, inputs,
                        "output 'advanceRate' is missing");
            }
            BigDecimal advanceRate = Decimals.exact(n);
            BigDecimal value = money(c.appraisedValue().multiply(advanceRate, MC).subtract(c.existingLiens())
                    .max(BigDecimal.ZERO));
            String text = formatMoney(c.appraisedValue()) + " × " + formatPercent(advanceRate) + " − "
                    + formatMoney(c.existingLiens());
            constraints.add(new LimitConstraint(Kind.COLLATERAL, value, "评估价值 × 抵押率(" + row.get("reasonZh") + ")− 已有抵押:"
                    + text, "appraised value × advance rate (" + row.get("reasonEn") + ") − existing liens: " + text));
        }

        // min() keeps the first of equal elements and REQUESTED comes first, so a tie names the request.
        LimitConstraint lowest = constraints.stream().min(Comparator.comparing(LimitConstraint::amount)).orElseThrow();
        BigDecimal unit = product.roundingUnit();
        BigDecimal suggested = knockedOut ? BigDecimal.ZERO
                : lowest.amount().divide(unit, 0, RoundingMode.FLOOR).multiply(unit);
        return new CreditLimit(List.copyOf(constraints), lowest.kind(), suggested, unit, dsrCap, knockedOut);
    }
}

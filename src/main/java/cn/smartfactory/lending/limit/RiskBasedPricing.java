package cn.smartfactory.lending.limit;

import java.math.BigDecimal;
import java.util.Map;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.DecisionTableException;
import cn.smartfactory.lending.product.ProductTerms;

/**
 * Risk-based pricing (风险定价): the rate of a loan is its product's list rate plus the spread the
 * {@code risk-based-pricing} table gives for the product and the grade. The grade comes first — nothing the scorecard
 * uses depends on the rate — and the limit is then computed at the priced rate.
 */
public class RiskBasedPricing {

    static final String DECISION = "risk-based-pricing";

    /**
     * @param listRate the product's list rate (product-terms)
     * @param spread   the table's spread for the product and grade, a fraction (−0.006 = −0.6 percentage points)
     * @param rate     list rate + spread, the rate the loan is priced at
     */
    public record Pricing(String grade, BigDecimal listRate, BigDecimal spread, BigDecimal rate) {

        /** The rate and how it was reached, 中文 then English: "6.60%(A 级:挂牌利率 7.20% −0.60%)/ grade A: …". */
        public String describe() {
            String signed = (spread.signum() >= 0 ? "+" : "−") + Decimals.formatPercent(spread.abs());
            return Decimals.formatPercent(rate) + "(" + grade + " 级:挂牌利率 " + Decimals.formatPercent(listRate) + " "
                    + signed + ")/ grade " + grade + ": list rate " + Decimals.formatPercent(listRate) + " " + signed;
        }
    }

    private final DecisionRules rules;

    public RiskBasedPricing(DecisionRules rules) {
        this.rules = rules;
    }

    public Pricing price(ProductTerms product, String grade) {
        Map<String, Object> inputs = Map.of("product", product.code(), "grade", grade);
        Object spread = rules.evaluateSingle(DECISION, inputs).get("spread");
        if (!(spread instanceof Number n)) {
            throw new DecisionTableException(DECISION, inputs, "output 'spread' is missing");
        }
        BigDecimal s = Decimals.exact(n);
        BigDecimal rate = product.annualRate().add(s);
        if (rate.signum() < 0) {
            throw new DecisionTableException(DECISION, inputs, "the priced rate " + rate + " is negative");
        }
        return new Pricing(grade, product.annualRate(), s, rate);
    }
}

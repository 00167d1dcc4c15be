package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.common.Decimals.MC;
import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatPercent;
import static cn.smartfactory.lending.common.Decimals.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.DecisionTableException;

/**
 * Revaluation of a loan's collateral at a monitoring check (抵押物重估): the value the officer finds, at today's advance
 * rate for the property ({@code collateral-advance-rate}), less the liens ahead of the bank, is the cover; below the
 * loan's outstanding balance the loan is no longer fully secured, which the check's tier table answers with the high-risk
 * review. The revaluation is kept on the loan register.
 */
public class CollateralRevaluation {

    static final String ADVANCE_RATE = "collateral-advance-rate";

    /** What a revaluation found. */
    public record Cover(BigDecimal revaluedValue, BigDecimal advanceRate, BigDecimal existingLiens, BigDecimal cover,
                        BigDecimal outstandingBalance) {

        public boolean covered() {
            return cover.compareTo(outstandingBalance) >= 0;
        }

        /** The computation, 中文 then English, as the review form shows it. */
        public String describe() {
            String text = formatMoney(revaluedValue) + " × " + formatPercent(advanceRate) + " − " + formatMoney(existingLiens)
                    + " = " + formatMoney(cover);
            return "抵押物重估 " + text + (covered() ? " ≥ " : " < ") + "贷款余额 " + formatMoney(outstandingBalance)
                    + (covered() ? ",覆盖充足" : ",覆盖不足") + " / collateral revalued: " + text + (covered() ? " ≥ " : " < ")
                    + "the outstanding balance of " + formatMoney(outstandingBalance)
                    + (covered() ? ", fully covered" : ", no longer covered");
        }
    }

    private final LoanRegister register;
    private final DecisionRules rules;

    public CollateralRevaluation(LoanRegister register, DecisionRules rules) {
        this.register = register;
        this.rules = rules;
    }

    /**
     * Revalues the loan's collateral at {@code value} and keeps it; empty when the loan has no collateral on the
     * register or no value was found.
     */
    public Optional<Cover> revalue(String loanNumber, BigDecimal value, BigDecimal outstandingBalance, LocalDate on) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<LoanCollateral> booked = register.collateral(loanNumber);
        if (booked.isEmpty()) {
            return Optional.empty();
        }
        LoanCollateral c = booked.get();
        Map<String, Object> inputs = Map.of("product", c.product(), "propertyType", c.propertyType(),
                "soleResidence", c.soleResidence());
        if (!(rules.evaluateSingle(ADVANCE_RATE, inputs).get("advanceRate") instanceof Number n)) {
            throw new DecisionTableException(ADVANCE_RATE, inputs, "output 'advanceRate' is missing");
        }
        BigDecimal rate = Decimals.exact(n);
        BigDecimal cover = money(value.multiply(rate, MC).subtract(c.existingLiens()).max(BigDecimal.ZERO));
        register.revalueCollateral(loanNumber, value, on);
        return Optional.of(new Cover(value, rate, c.existingLiens(), cover, outstandingBalance));
    }
}

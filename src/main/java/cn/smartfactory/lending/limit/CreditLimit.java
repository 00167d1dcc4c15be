package cn.smartfactory.lending.limit;

import java.math.BigDecimal;
import java.util.List;

/**
 * The suggested limit: the smallest constraint, rounded down to the product's unit.
 *
 * @param constraints every constraint that applies, in a fixed order
 * @param binding     the constraint that set the limit; on a tie the requested amount is named,
 *                    since the customer then gets what was asked for
 * @param suggested   the rounded limit; 0 when a knockout declines the case
 * @param dsrCap      the grade's DSR cap used for repayment capacity
 */
public record CreditLimit(List<LimitConstraint> constraints, LimitConstraint.Kind binding, BigDecimal suggested,
                          BigDecimal roundingUnit, BigDecimal dsrCap, boolean knockedOut) {

    public LimitConstraint constraint(LimitConstraint.Kind kind) {
        return constraints.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }
}

package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;

import cn.smartfactory.lending.limit.LimitConstraint;

/**
 * A lower amount the bank can lend when the requested one is more than a constraint allows (反报价): the suggested
 * limit, the constraint that set it and why, and what the loan costs at that amount. Offered only when the case is
 * otherwise lendable (no knockout, not declined) and the amount is at least the product's minimum.
 *
 * @param amount           the amount offered, the suggested limit
 * @param requested        what the customer asked for
 * @param binding          the constraint that set the amount
 * @param instalment       the monthly equal instalment of the offered amount at the product rate and requested term
 * @param debtServiceRatio (existing + imputed + this instalment) / disposable income at the offered amount
 */
public record CounterOffer(BigDecimal amount, BigDecimal requested, LimitConstraint.Kind binding, String reasonZh,
                           String reasonEn, BigDecimal instalment, BigDecimal debtServiceRatio) {
}

package cn.smartfactory.lending.product;

import java.math.BigDecimal;

/**
 * One product's terms.
 *
 * @param minAmount             the smallest amount the bank lends on this product, in CNY
 * @param maxAmount             product cap in CNY
 * @param annualRate            nominal annual rate used to turn instalments into principal
 * @param requiresCollateral    the product lends against collateral; how much of its value may be lent is the
 *                              {@code collateral-advance-rate} table's, by property
 * @param roundingUnit          suggested limits are rounded down to a multiple of this
 */
public record ProductTerms(String code, String nameZh, String nameEn, BigDecimal minAmount, BigDecimal maxAmount, BigDecimal annualRate,
                           boolean requiresCollateral, BigDecimal roundingUnit) {
}

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
 * @param scenario              what a scenario product (场景贷, e.g. 烟草贷) asks of the applicant; null for the others
 */
public record ProductTerms(String code, String nameZh, String nameEn, BigDecimal minAmount, BigDecimal maxAmount, BigDecimal annualRate,
                           boolean requiresCollateral, BigDecimal roundingUnit, Scenario scenario) {

    public ProductTerms(String code, String nameZh, String nameEn, BigDecimal minAmount, BigDecimal maxAmount,
                        BigDecimal annualRate, boolean requiresCollateral, BigDecimal roundingUnit) {
        this(code, nameZh, nameEn, minAmount, maxAmount, annualRate, requiresCollateral, roundingUnit, null);
    }

    /**
     * The scenario data a scenario product lends on: a reference the bank can verify (a tobacco retail licence number)
     * and a monthly amount through the scenario's channel (tobacco purchased from the tobacco company), labelled 中文
     * then English; the limit is at most {@code capMonths} of that amount.
     */
    public record Scenario(String referenceLabel, String amountLabel, BigDecimal capMonths) {
    }

    /** The same terms at another rate (risk-based pricing). */
    public ProductTerms atRate(BigDecimal rate) {
        return new ProductTerms(code, nameZh, nameEn, minAmount, maxAmount, rate, requiresCollateral, roundingUnit, scenario);
    }
}

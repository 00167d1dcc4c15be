package cn.smartfactory.lending.crosscheck;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of sales cross-validation.
 *
 * @param declaredMonthlySales S_d
 * @param estimates            every estimate including the declaration, usable or not, with its basis
 * @param usableEstimates      how many independent estimates counted
 * @param verifiedMonthlySales S_v, the median of the usable independent estimates; when none is
 *                             usable, the declaration stands in so figures can still be shown, and
 *                             the knockout for insufficient evidence declines the case
 * @param deviation            δ_s = |S_d − S_v| / S_v
 * @param methodEn             how S_v was reached, in words
 */
public record SalesVerification(BigDecimal declaredMonthlySales, List<SalesEstimate> estimates, int usableEstimates,
                                BigDecimal verifiedMonthlySales, BigDecimal deviation, String methodZh,
                                String methodEn) {

    public BigDecimal verifiedAnnualSales() {
        return verifiedMonthlySales.multiply(BigDecimal.valueOf(12));
    }
}

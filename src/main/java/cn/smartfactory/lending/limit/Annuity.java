package cn.smartfactory.lending.limit;

import static cn.smartfactory.lending.common.Decimals.MC;

import java.math.BigDecimal;

/** Equal-instalment (等额本息) arithmetic at a nominal annual rate compounded monthly. */
public final class Annuity {

    private Annuity() {
    }

    /** Monthly instalment that repays {@code principal} over {@code months}. */
    public static BigDecimal payment(BigDecimal principal, BigDecimal annualRate, int months) {
        BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), MC);
        if (r.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(months), MC);
        }
        return principal.multiply(r, MC).divide(BigDecimal.ONE.subtract(discount(r, months)), MC);
    }

    /** Principal that an instalment of {@code payment} repays over {@code months}. */
    public static BigDecimal principal(BigDecimal payment, BigDecimal annualRate, int months) {
        BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), MC);
        if (r.signum() == 0) {
            return payment.multiply(BigDecimal.valueOf(months), MC);
        }
        return payment.multiply(BigDecimal.ONE.subtract(discount(r, months)), MC).divide(r, MC);
    }

    /** (1 + r)^-n */
    private static BigDecimal discount(BigDecimal r, int months) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(r).pow(months, MC), MC);
    }
}

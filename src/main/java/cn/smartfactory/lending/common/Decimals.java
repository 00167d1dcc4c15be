package cn.smartfactory.lending.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The project's rounding rules, in one place so a risk manager recomputing by hand gets the same
 * bins: ratios are rounded half-up to 4 decimals (0.01%) before they are binned, amounts to
 * 2 decimals (fen).
 */
public final class Decimals {

    public static final MathContext MC = MathContext.DECIMAL64;
    public static final int RATIO_SCALE = 4;
    public static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    public static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    private Decimals() {
    }

    /** a / b rounded to a ratio; null when b is 0. */
    public static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return null;
        }
        return a.divide(b, MC).setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal roundRatio(BigDecimal value) {
        return value == null ? null : value.setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A number from a decision table (often a Double) as the decimal it was written as: 300000, 0.6. */
    public static BigDecimal exact(Number n) {
        BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** "1,234,568" — CNY without fen, as bank staff read amounts. */
    public static String formatMoney(BigDecimal value) {
        return value == null ? "n/a" : new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value.setScale(0, RoundingMode.HALF_UP));
    }

    /** "12.35%". */
    public static String formatPercent(BigDecimal fraction) {
        return fraction == null ? "n/a" : new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(fraction.multiply(BigDecimal.valueOf(100))) + "%";
    }

    /** "1.25" for factors and days. */
    public static String formatNumber(BigDecimal value) {
        return value == null ? "n/a" : new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value);
    }
}

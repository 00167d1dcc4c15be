package cn.smartfactory.lending.industry;

import java.math.BigDecimal;

/**
 * How hard an industry's borrowers are tested (压力测试): verified sales lower by {@code salesDrop} (0.15 = 15 %), and
 * separately the verified gross margin lower by {@code marginDrop} (0.03 = 3 percentage points), operating expenses
 * unchanged. Each is a scenario of its own; the worse one counts.
 */
public record StressScenario(BigDecimal salesDrop, BigDecimal marginDrop) {

    StressScenario validated(String where) {
        if (salesDrop == null || salesDrop.signum() < 0 || salesDrop.compareTo(BigDecimal.ONE) >= 0
                || marginDrop == null || marginDrop.signum() < 0 || marginDrop.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(where + "stress needs salesDrop and marginDrop in [0, 1), got " + this);
        }
        return this;
    }
}

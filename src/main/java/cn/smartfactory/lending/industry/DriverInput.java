package cn.smartfactory.lending.industry;

import java.math.BigDecimal;

/**
 * One input of an industry's sales driver, as the checklist asks for it, with the plausible range
 * the server enforces.
 */
public record DriverInput(String name, String labelZh, String labelEn, String unit, BigDecimal min,
                          BigDecimal max) {

    public DriverInput {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("driver input name must be a camelCase identifier, got '" + name + "'");
        }
        if (min == null || max == null || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("driver input '" + name + "' needs min <= max");
        }
    }
}

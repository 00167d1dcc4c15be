package cn.smartfactory.lending.investigation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations with one message per rule, so every check in the validator reads as the rule
 * it enforces. Each method returns whether the value passed, so callers can skip dependent checks.
 */
final class Violations {

    private final List<Violation> list = new ArrayList<>();

    List<Violation> list() {
        return List.copyOf(list);
    }

    void add(String field, String rule, String message, String messageZh) {
        list.add(new Violation(field, rule, message, messageZh));
    }

    boolean required(String field, Object value) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        if (!present) {
            add(field, "REQUIRED", "is required", "为必填项");
        }
        return present;
    }

    /** Required and {@code >= 0}. */
    boolean notNegative(String field, BigDecimal value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.signum() < 0) {
            add(field, "NOT_NEGATIVE", "must not be negative (was " + value.toPlainString() + ")",
                    "不能为负数(当前为 " + value.toPlainString() + ")");
            return false;
        }
        return true;
    }

    boolean notNegative(String field, Integer value) {
        return notNegative(field, value == null ? null : BigDecimal.valueOf(value));
    }

    /** Required and {@code > 0}. */
    boolean positive(String field, BigDecimal value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.signum() <= 0) {
            add(field, "POSITIVE", "must be greater than 0 (was " + value.toPlainString() + ")",
                    "必须大于 0(当前为 " + value.toPlainString() + ")");
            return false;
        }
        return true;
    }

    /** Required and within {@code [min, max]}. */
    boolean range(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (!required(field, value)) {
            return false;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            add(field, "RANGE", "must be between " + min.toPlainString() + " and " + max.toPlainString()
                            + " (was " + value.toPlainString() + ")",
                    "须在 " + min.toPlainString() + " 至 " + max.toPlainString() + " 之间(当前为 "
                            + value.toPlainString() + ")");
            return false;
        }
        return true;
    }

    boolean range(String field, Integer value, int min, int max) {
        return range(field, value == null ? null : BigDecimal.valueOf(value), BigDecimal.valueOf(min),
                BigDecimal.valueOf(max));
    }

    /** A share in {@code [0, 1]}, named in percent as the forms show it. */
    boolean share(String field, BigDecimal value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            add(field, "RANGE", "must be between 0% and 100% (was " + InvestigationValidator.percent(value) + ")",
                    "须在 0% 至 100% 之间(当前为 " + InvestigationValidator.percent(value) + ")");
            return false;
        }
        return true;
    }

    /** A fraction in {@code [0, 1)}: a margin of 100% or more is impossible for a trading business. */
    boolean fractionBelowOne(String field, BigDecimal value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            add(field, "FRACTION", "must be from 0% to below 100% (was " + InvestigationValidator.percent(value) + ")",
                    "须在 0% 至 100%(不含)之间(当前为 " + InvestigationValidator.percent(value) + ")");
            return false;
        }
        return true;
    }
}

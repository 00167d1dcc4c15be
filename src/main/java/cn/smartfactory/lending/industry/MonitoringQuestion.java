package cn.smartfactory.lending.industry;

import java.math.BigDecimal;
import java.util.List;

/**
 * A question the periodic monitoring check asks about a loan in this industry (its section of the monitoring
 * checklists): a choice among options, or a number within a plausible range the server enforces. The form key
 * starts with {@code check}.
 */
public record MonitoringQuestion(String key, String labelZh, String labelEn, List<Option> options, BigDecimal min,
                                 BigDecimal max) {

    /** One answer to a choice. */
    public record Option(String value, String labelZh, String labelEn) {
    }

    public MonitoringQuestion {
        if (key == null || !key.matches("check[A-Z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("monitoring question key must be check + CamelCase, got '" + key + "'");
        }
        if (labelZh == null || labelEn == null) {
            throw new IllegalArgumentException("monitoring question '" + key + "' needs labelZh and labelEn");
        }
        boolean choice = options != null && !options.isEmpty();
        boolean number = min != null && max != null && min.compareTo(max) <= 0;
        if (choice == number) {
            throw new IllegalArgumentException("monitoring question '" + key + "' needs either options or min <= max");
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isChoice() {
        return !options.isEmpty();
    }
}

package cn.smartfactory.lending.sla;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.decision.DecisionRules;

/**
 * A station's service level from the {@code station-sla} table: the working hours a task of the
 * station may take, and who leads the station (a group, named users, or both) and hears of a task
 * that is late. A station the table does not time has no due date.
 */
public class StationSla {

    public static final String TABLE = "station-sla";

    /** What the table says for one task. */
    public record Level(Integer workingHours, String leadGroup, List<String> leadUsers) {
        public boolean timed() {
            return workingHours != null && workingHours > 0;
        }
    }

    private final DecisionRules rules;

    public StationSla(DecisionRules rules) {
        this.rules = rules;
    }

    public Level of(String processKey, String station, String product, String route) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("processKey", processKey);
        inputs.put("station", station);
        inputs.put("product", product);
        inputs.put("route", route);
        List<Map<String, Object>> matched = rules.evaluate(TABLE, inputs);
        if (matched.isEmpty()) {
            return new Level(null, null, List.of());
        }
        Map<String, Object> first = matched.get(0);
        Object hours = first.get("workingHours");
        Object users = first.get("leadUsers");
        return new Level(hours == null ? null : ((Number) hours).intValue(), text(first.get("leadGroup")),
                users == null || users.toString().isBlank() ? List.of()
                        : List.of(users.toString().split("\\s*,\\s*")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}

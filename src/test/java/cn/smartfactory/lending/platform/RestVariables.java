package cn.smartfactory.lending.platform;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form values as Camunda REST's submit-form body: {"variables": {"name": {"value": ..., "type": ...}}}. */
public final class RestVariables {

    private RestVariables() {
    }

    /** Typed as Tasklist sends them; null values are left out, amounts go as doubles. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            String type = value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
                    : value instanceof Number ? "Double" : "String";
            Object v = value instanceof BigDecimal d ? d.doubleValue() : value;
            typed.put(name, Map.of("value", v, "type", type));
        });
        return Map.of("variables", typed);
    }
}

package cn.smartfactory.lending.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.decision.CachingFeelEngine;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.platform.BankClock;

/** The validation rules of one Camunda Form, read from its JSON. */
public final class FormSchema {

    private static final CachingFeelEngine FEEL = new CachingFeelEngine();

    /** One input field and its rules. */
    record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
                 Integer minLength, Integer maxLength, Pattern pattern, List<String> options, List<String> hideWhen,
                 boolean readOnly, boolean date, Integer minDaysFromToday, Integer maxDaysFromToday) {
    }

    /** A number no form field may exceed, whatever its own rules (amounts are far below it). */
    static final BigDecimal PLATFORM_MAX_NUMBER = new BigDecimal("1000000000000");
    /** The longest text any field accepts, whatever its own rules. */
    static final int PLATFORM_MAX_LENGTH = 10_000;
    /** A date field: ISO yyyy-MM-dd, checked as a real calendar date. */
    private static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
    private static final java.time.format.DateTimeFormatter STRICT_DATE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * What a person submitted, checked against the form: {@code violations} names every field that is
     * not on the form, hidden under the form's conditions, read-only but changed, of a type a form
     * cannot submit, or breaking a rule; {@code accepted} is what may be written (read-only fields,
     * which the form echoes unchanged, are left out).
     */
    public record Submission(List<Violation> violations, Map<String, Object> accepted) {
        public boolean refused() {
            return !violations.isEmpty();
        }
    }

    private final String id;
    private final List<Field> fields;

    private FormSchema(String id, List<Field> fields) {
        this.id = id;
        this.fields = List.copyOf(fields);
    }

    public static FormSchema parse(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), List.of(), fields);
        return new FormSchema(form.path("id").asText(), fields);
    }

    public String id() {
        return id;
    }

    public List<String> keys() {
        return fields.stream().map(Field::key).toList();
    }

    /** Each input field's label ("中文 English") by its key, in form order. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f.key(), f.label()));
        return labels;
    }

    /** @param hiddenBy the hide conditions of the enclosing groups: a field in a hidden group is hidden too */
    private static void collect(JsonNode components, List<String> hiddenBy, List<Field> fields) {
        for (JsonNode c : components) {
            List<String> hide = new ArrayList<>(hiddenBy);
            String own = c.path("conditional").path("hide").asText(null);
            if (own != null && !own.isBlank()) {
                hide.add(own);
            }
            if (c.has("components")) {
                collect(c.path("components"), hide, fields);
            }
            String key = c.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue;
            }
            JsonNode v = c.path("validate");
            List<String> options = new ArrayList<>();
            c.path("values").forEach(o -> options.add(o.path("value").asText()));
            Pattern pattern = null;
            if (v.hasNonNull("pattern")) {
                try {
                    pattern = Pattern.compile(v.get("pattern").asText());
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("form field '" + key + "' has an invalid pattern", e);
                }
            }
            fields.add(new Field(key, c.path("label").asText(key), c.path("type").asText(), v.path("required").asBoolean(false),
                    v.hasNonNull("min") ? v.get("min").decimalValue() : null,
                    v.hasNonNull("max") ? v.get("max").decimalValue() : null,
                    v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
                    v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null, pattern,
                    List.copyOf(options), List.copyOf(hide),
                    c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                    "datetime".equals(c.path("type").asText()) || DATE_PATTERN.equals(v.path("pattern").asText()),
                    days(c, "minDaysFromToday"), days(c, "maxDaysFromToday")));
        }
    }

    /** A date range from the component's custom properties (Modeler: Custom properties), in days from today. */
    private static Integer days(JsonNode component, String property) {
        JsonNode value = component.path("properties").path(property);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("form field '" + component.path("key").asText() + "' has a " + property
                    + " that is not a whole number of days: " + value.asText(), e);
        }
    }

    /** Every rule the values break; fields hidden by their condition are skipped. */
    public List<Violation> validate(Map<String, Object> values) {
        return validate(values, values);
    }

    /**
     * Checks one person's submission: only what they sent counts for "required" and the ranges, while
     * the form's conditions are evaluated on everything the form shows ({@code current} overlaid with
     * the submission), as Tasklist does.
     *
     * @param submitted the submitted values, raw or typed ({@link TypedValue})
     * @param current   the variables the form was rendered with
     */
    @SuppressWarnings("unchecked")
    public Submission checkSubmission(Map<String, ?> submitted, Map<String, Object> current) {
        VariableMap typed = Variables.fromMap((Map<String, Object>) submitted);
        Map<String, Object> context = new HashMap<>(current);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : typed.keySet()) {
            // Files, bytes and objects are refused below without being read (an object is not deserialized).
            values.put(key, FORM_TYPES.contains(typeName(typed.getValueTyped(key))) ? typed.get(key) : null);
        }
        context.putAll(values);
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (String key : typed.keySet()) {
            Field f = field(key);
            TypedValue value = typed.getValueTyped(key);
            if (f == null) {
                violations.add(new Violation(key, "NOT_ON_FORM", "is not a field of this form and may not be submitted",
                        "不是本表单的字段,不能提交"));
            } else if (!FORM_TYPES.contains(typeName(value))) {
                violations.add(violation(f, "TYPE", "must be a plain value, not " + typeName(value),
                        "只能是普通值,不能是 " + typeName(value)));
            } else if (hidden(f, context)) {
                if (values.get(key) == null || values.get(key) instanceof String text && text.isBlank()) {
                    accepted.put(key, null); // clearing what the screen no longer shows
                } else {
                    violations.add(violation(f, "HIDDEN", "is not shown for this choice and may not be submitted",
                            "在当前选择下不显示,不能提交"));
                }
            } else if (f.readOnly()) {
                if (!sameValue(values.get(key), current.get(key))) {
                    violations.add(violation(f, "READ_ONLY", "is read-only and may not be changed", "为只读字段,不能修改"));
                }
            } else {
                accepted.put(key, values.get(key));
            }
        }
        // A value the form now hides (an earlier submission's inflow amounts after the latest month was
        // cleared, say) is no longer part of what this person states: it is cleared, not kept unseen.
        for (Field f : fields) {
            if (!typed.containsKey(f.key()) && !f.readOnly() && current.get(f.key()) != null && hidden(f, context)) {
                accepted.put(f.key(), null);
            }
        }
        violations.addAll(validate(accepted, context).stream()
                .filter(v -> violations.stream().noneMatch(o -> o.field().equals(v.field()))).toList());
        return new Submission(List.copyOf(violations), accepted);
    }

    /** Types a form field can submit (Camunda Forms send strings, numbers and booleans). */
    private static final List<String> FORM_TYPES = List.of("null", "string", "boolean", "integer", "long", "short", "double",
            "date");

    /** The value's type: declared, or for an untyped value that of the Java object. */
    private static String typeName(TypedValue value) {
        if (value == null) {
            return "null";
        }
        if (value.getType() != null) {
            return value.getType().getName();
        }
        Object raw = value.getValue();
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String) {
            return "string";
        }
        if (raw instanceof Boolean) {
            return "boolean";
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Double
                || raw instanceof Float || raw instanceof BigDecimal) {
            return "double";
        }
        if (raw instanceof java.util.Date) {
            return "date";
        }
        return raw.getClass().getSimpleName();
    }

    /** An unchanged read-only field: the same text, a missing value counting as empty. */
    private static boolean sameValue(Object submitted, Object current) {
        return String.valueOf(submitted == null ? "" : submitted).equals(String.valueOf(current == null ? "" : current));
    }

    private Field field(String key) {
        for (Field f : fields) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }

    private List<Violation> validate(Map<String, Object> values, Map<String, Object> context) {
        List<Violation> violations = new ArrayList<>();
        for (Field f : fields) {
            if (f.readOnly() || hidden(f, context)) {
                continue;
            }
            Object value = values.get(f.key());
            boolean blank = value == null || value instanceof String s && s.isBlank();
            if (blank) {
                if (f.required() && !"checkbox".equals(f.type())) {
                    violations.add(violation(f, "REQUIRED", "is required", "为必填项"));
                }
                continue;
            }
            if ("number".equals(f.type())) {
                BigDecimal number;
                try {
                    number = new BigDecimal(value.toString().trim());
                } catch (NumberFormatException e) {
                    violations.add(violation(f, "NOT_A_NUMBER", "must be a number (was '" + value + "')",
                            "须为数字(当前为 '" + value + "')"));
                    continue;
                }
                if (f.min() != null && number.compareTo(f.min()) < 0) {
                    violations.add(violation(f, "MIN", "must be at least " + f.min().toPlainString() + " (was "
                            + number.toPlainString() + ")", "不能小于 " + f.min().toPlainString() + "(当前为 " + number.toPlainString() + ")"));
                }
                if (f.max() == null && number.abs().compareTo(PLATFORM_MAX_NUMBER) > 0) {
                    violations.add(violation(f, "MAX", "must be at most " + PLATFORM_MAX_NUMBER.toPlainString() + " (was "
                            + number.toPlainString() + ")", "不能超过 " + PLATFORM_MAX_NUMBER.toPlainString() + "(当前为 "
                            + number.toPlainString() + ")"));
                }
                if (f.max() != null && number.compareTo(f.max()) > 0) {
                    violations.add(violation(f, "MAX", "must be at most " + f.max().toPlainString() + " (was "
                            + number.toPlainString() + ")", "不能大于 " + f.max().toPlainString() + "(当前为 " + number.toPlainString() + ")"));
                }
            }
            if (!f.options().isEmpty() && !f.options().contains(value.toString())) {
                violations.add(violation(f, "NOT_AN_OPTION", "must be one of " + f.options() + " (was '" + value + "')",
                        "须为可选值之一 " + f.options() + "(当前为 '" + value + "')"));
            }
            String text = value.toString();
            if (f.minLength() != null && text.length() < f.minLength()) {
                violations.add(violation(f, "MIN_LENGTH", "needs at least " + f.minLength() + " characters",
                        "至少 " + f.minLength() + " 个字符"));
            }
            if (f.maxLength() == null && text.length() > PLATFORM_MAX_LENGTH) {
                violations.add(violation(f, "MAX_LENGTH", "allows at most " + PLATFORM_MAX_LENGTH + " characters",
                        "最多 " + PLATFORM_MAX_LENGTH + " 个字符"));
            }
            if (f.maxLength() != null && text.length() > f.maxLength()) {
                violations.add(violation(f, "MAX_LENGTH", "allows at most " + f.maxLength() + " characters",
                        "最多 " + f.maxLength() + " 个字符"));
            }
            if (f.pattern() != null && !f.pattern().matcher(text).matches()) {
                violations.add(violation(f, "PATTERN", "does not have the required format", "格式不正确"));
            } else if (f.date()) {
                checkDate(f, text, violations);
            }
        }
        return violations;
    }

    /** A real calendar date (no 2026-02-30), within the field's range of days around today in the bank's zone. */
    private static void checkDate(Field f, String text, List<Violation> violations) {
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text, STRICT_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(violation(f, "DATE", "is not a real date (was '" + text + "')", "不是有效日期(当前为 '" + text + "')"));
            return;
        }
        java.time.LocalDate today = BankClock.today();
        if (f.minDaysFromToday() != null && date.isBefore(today.plusDays(f.minDaysFromToday()))) {
            violations.add(violation(f, "DATE_RANGE", "may not be before " + today.plusDays(f.minDaysFromToday()) + " (was "
                    + date + ")", "不得早于 " + today.plusDays(f.minDaysFromToday()) + "(当前为 " + date + ")"));
        }
        if (f.maxDaysFromToday() != null && date.isAfter(today.plusDays(f.maxDaysFromToday()))) {
            violations.add(violation(f, "DATE_RANGE", "may not be after " + today.plusDays(f.maxDaysFromToday()) + " (was "
                    + date + ")", "不得晚于 " + today.plusDays(f.maxDaysFromToday()) + "(当前为 " + date + ")"));
        }
    }

    private static boolean hidden(Field f, Map<String, Object> values) {
        for (String condition : f.hideWhen()) {
            String expression = condition.startsWith("=") ? condition.substring(1) : condition;
            if (Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext()))) {
                return true;
            }
        }
        return false;
    }

    private static Violation violation(Field f, String rule, String en, String zh) {
        return new Violation(f.key(), rule, en, zh, f.label());
    }
}

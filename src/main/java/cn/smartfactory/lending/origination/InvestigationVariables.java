package cn.smartfactory.lending.origination;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.smartfactory.lending.industry.DriverInput;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.MonthlyAmount;
import cn.smartfactory.lending.investigation.InvestigationValidator;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.origination.InvestigationFields.Field;
import cn.smartfactory.lending.origination.InvestigationFields.Kind;
import cn.smartfactory.lending.origination.InvestigationFields.Station;

/**
 * Builds the investigation record from the flat variables the forms write (Camunda Forms submit
 * one variable per field, numbers sometimes as strings), and back, all from one field table
 * ({@link InvestigationFields}). Percentages are entered as percent
 * (12 = 12%) and stored in the record as fractions. A value that is not a number where one is
 * needed is reported by its variable name, like any other violation.
 */
public final class InvestigationVariables {

    /** The field table every mapping below reads (reference/investigation-fields.csv). */
    static final InvestigationFields FIELDS = InvestigationFields.fromClasspath();

    /**
     * The record and any values that could not even be read; {@code numbers} gives, per list, the form number each
     * entry came from (a list skips the numbers left empty, so its third entry may be the form's debt 3 or debt 4).
     */
    public record Mapped(InvestigationRecord record, List<Violation> unreadable, Map<String, List<Integer>> numbers) {

        /** The form number of a list's entry (0-based), by default the entry's position plus one. */
        int number(String list, int index) {
            List<Integer> n = numbers.get(list);
            return n != null && index < n.size() ? n.get(index) : index + 1;
        }
    }

    private final IndustryCatalog industries;
    private final InvestigationFields fields;

    public InvestigationVariables(IndustryCatalog industries) {
        this(industries, FIELDS);
    }

    /** With another field table: how a test proves that the mapping follows the table. */
    InvestigationVariables(IndustryCatalog industries, InvestigationFields fields) {
        this.industries = industries;
        this.fields = fields;
    }

    /** The form fields a station writes, as the field table lists them (repeated rows numbered). */
    static Set<String> stationKeys(Station station) {
        Set<String> keys = new HashSet<>();
        for (Field f : FIELDS.fields(station)) {
            if (f.repeated() && f.kind() != Kind.LATEST_MONTH) {
                for (int n = 1; n <= f.repeat(); n++) {
                    keys.add(f.key(n));
                }
            } else if (!f.perDriverInput()) {
                keys.add(f.key());
            }
        }
        return keys;
    }

    /** The form fields central operations enter on the bureau task (the checklist's checks leave them to that task). */
    public static Set<String> bureauKeys() {
        return stationKeys(Station.BUREAU);
    }

    /** The name of an industry's driver input as a form variable: seats → driverSeats. */
    public static String driverVariable(String input) {
        return driverKey(FIELDS.fields().stream().filter(Field::perDriverInput).findFirst()
                .orElseThrow(() -> new IllegalStateException("the field table has no driver-input row")), input);
    }

    /** The checklist form of an industry: FMCG_WHOLESALE → investigation-fmcg-wholesale. */
    public static String investigationForm(String industry) {
        return cn.smartfactory.lending.industry.IndustryForms.investigationForm(industry);
    }

    public Mapped map(Map<String, Object> v) {
        Reader r = new Reader(v);
        String industryCode = r.text("industry");
        Industry industry = industryCode == null ? null : industries.find(industryCode).orElse(null);
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> entered = new HashSet<>();
        for (Field f : fields.fields()) {
            if (f.perDriverInput()) {
                if (industry != null) {
                    for (DriverInput input : industry.driverInputs()) {
                        put(values, entered, driverPath(f, input.name()), r.read(driverKey(f, input.name()), f));
                    }
                }
            } else if (f.kind() == Kind.LATEST_MONTH) {
                if (r.read(f.key(), f) instanceof YearMonth latest) {
                    for (int n = 1; n <= f.repeat(); n++) {
                        values.put(f.path(n), latest.minusMonths(n - 1L)); // derived, not entered
                    }
                }
            } else if (f.repeated()) {
                for (int n = 1; n <= f.repeat(); n++) {
                    put(values, entered, f.path(n), r.read(f.key(n), f));
                }
            } else {
                put(values, entered, f.path(), r.read(f.key(), f));
            }
        }
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        InvestigationRecord record = (InvestigationRecord) build(fields, InvestigationRecord.class, "", values, entered,
                numbers);
        return new Mapped(record, r.unreadable, numbers);
    }

    private static void put(Map<String, Object> values, Set<String> entered, String path, Object value) {
        if (value != null) {
            values.put(path, value);
            entered.add(path);
        }
    }

    /**
     * A record (or a part of it) from the values by path: a section is built from its rows, an optional section
     * none of whose fields was entered is left out, a list holds the entries with at least one entered value
     * (an entry is never dropped because one of its values is missing — the validator names what is missing).
     */
    private static Object build(InvestigationFields fields, Class<?> type, String prefix, Map<String, Object> values,
            Set<String> entered, Map<String, List<Integer>> numbers) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String path = prefix + c.getName();
            if (c.getType().isRecord()) {
                args[i] = InvestigationFields.OPTIONAL_SECTIONS.contains(path) && !anyEntered(entered, path + ".")
                        ? null : build(fields, c.getType(), path + ".", values, entered, numbers);
            } else if (List.class.isAssignableFrom(c.getType())) {
                Class<?> element = (Class<?>) InvestigationFields.elementType(c.getGenericType(), 0);
                int entries = fields.fields().stream().filter(f -> f.group().equals(path)).mapToInt(Field::repeat)
                        .max().orElse(0);
                List<Object> list = new ArrayList<>();
                List<Integer> formNumbers = new ArrayList<>();
                for (int n = 0; n < entries; n++) {
                    String entry = path + "[" + n + "].";
                    if (anyEntered(entered, entry)) {
                        list.add(build(fields, element, entry, values, entered, numbers));
                        formNumbers.add(n + 1);
                    }
                }
                numbers.put(path, formNumbers);
                args[i] = list;
            } else if (Map.class.isAssignableFrom(c.getType())) {
                Map<String, Object> map = new LinkedHashMap<>();
                values.forEach((key, value) -> {
                    if (key.startsWith(path + ".")) {
                        map.put(key.substring(path.length() + 1), value);
                    }
                });
                args[i] = map;
            } else {
                args[i] = values.get(path);
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static boolean anyEntered(Set<String> entered, String prefix) {
        return entered.stream().anyMatch(p -> p.startsWith(prefix));
    }

    /** The form field of an industry driver input: seats → driverSeats. */
    private static String driverKey(Field f, String input) {
        return f.key().replace(InvestigationFields.INPUT_KEY, Character.toUpperCase(input.charAt(0)) + input.substring(1));
    }

    private static String driverPath(Field f, String input) {
        return f.path().replace(InvestigationFields.INPUT_PATH, input);
    }

    /**
     * Every problem with submitted values — the unreadable ones and the validator's — named by the
     * form field the user has to correct, each field and rule once (twelve statement months
     * without a month are one problem: the latest month).
     */
    public List<Violation> problems(Map<String, Object> values, InvestigationValidator validator) {
        Mapped mapped = map(values);
        Map<String, Violation> byFieldAndRule = new LinkedHashMap<>();
        for (Violation v : mapped.unreadable()) {
            byFieldAndRule.putIfAbsent(v.field() + "/" + v.rule(), v);
        }
        for (Violation v : validator.validate(mapped.record())) {
            String field = formField(fields, v.field(), mapped);
            byFieldAndRule.putIfAbsent(field + "/" + v.rule(), new Violation(field, v.rule(), v.detail(), v.detailZh()));
        }
        return List.copyOf(byFieldAndRule.values());
    }

    /**
     * How a refusal names a problem that is about a part of the checklist rather than one field
     * (the sales sources, the shares of all top customers together …), in the checklist's words.
     */
    private static final Map<String, String> PART_LABELS = Map.of(
            "salesEvidence", "销售额来源 Sales sources",
            "balanceSheet", "资产负债表 Balance sheet",
            "topCustomers", "前三大客户 Top customers",
            "topSuppliers", "前三大供应商 Top suppliers",
            "collateral", "抵押物 Collateral",
            "investigation", "调查清单 Checklist");

    /**
     * The label a person sees for a problem's field: the form's own label, else the checklist
     * part's, else null (the problem then names the field).
     */
    public static String label(String field, Map<String, String> formLabels) {
        String label = formLabels.get(field);
        return label != null ? label : PART_LABELS.get(field);
    }

    /**
     * The form field that holds a value of the record, from the field table: balanceSheet.cash → bsCash,
     * existingDebts[1].outstanding → debt2Outstanding, bankInflows[4].month → statementsLatestMonth. A problem with a
     * whole entry is shown at the entry's first field, one with a whole section at its first field unless the
     * checklist names that part itself (balance sheet, top customers …); anything else keeps its path.
     */
    static String formField(String recordPath) {
        return formField(FIELDS, recordPath, null);
    }

    private static String formField(InvestigationFields fields, String recordPath, Mapped mapped) {
        Matcher m = PATH.matcher(recordPath);
        if (!m.matches()) {
            return recordPath;
        }
        String group = m.group(1);
        int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int n = mapped == null ? index + 1 : mapped.number(group, index);
        String part = m.group(3);
        if (group.equals("driverInputs") && part != null) {
            return fields.fields().stream().filter(Field::perDriverInput).findFirst().map(f -> driverKey(f, part))
                    .orElse(recordPath);
        }
        if (part != null) {
            String path = group + (m.group(2) == null && !isList(fields, group) ? "" : "[]") + "." + part;
            return fields.byPath(path).map(f -> f.kind() == Kind.LATEST_MONTH ? f.key() : f.key(n)).orElse(recordPath);
        }
        if (m.group(2) == null && PART_LABELS.containsKey(group)) {
            return group;
        }
        return fields.firstOf(group).map(f -> f.key(n)).orElse(recordPath);
    }

    private static final Pattern PATH = Pattern.compile("(\\w+)(?:\\[(\\d+)])?(?:\\.(\\w+))?");

    private static boolean isList(InvestigationFields fields, String group) {
        return fields.fields().stream().anyMatch(f -> f.repeated() && f.group().equals(group));
    }

    /** The start form's values for a record: what the account manager enters. */
    public static Map<String, Object> startFormValues(InvestigationRecord r, String customerIdNumber, String leadSource) {
        Map<String, Object> v = formValues(r, Station.START);
        v.put("customerIdNumber", customerIdNumber);
        v.put("leadSource", leadSource);
        return v;
    }

    /** The bureau task's values for a record: what central operations enters. */
    public static Map<String, Object> bureauFormValues(InvestigationRecord r) {
        Map<String, Object> v = formValues(r, Station.BUREAU);
        v.put("documentsComplete", true);
        return v;
    }

    /**
     * The checklist's values for a record — the inverse of {@link #map} for the investigator's
     * part — as the form submits them (numbers as doubles, percentages as percent).
     */
    public static Map<String, Object> checklistValues(InvestigationRecord r) {
        return formValues(r, Station.CHECKLIST);
    }

    /**
     * A record's values as one station's form holds them, from the field table; a list's entries by number (months
     * by their distance from the latest month, so a month left out stays empty), empty values left out.
     */
    public static Map<String, Object> formValues(InvestigationRecord r, Station station) {
        return formValues(FIELDS, r, station);
    }

    static Map<String, Object> formValues(InvestigationFields fields, InvestigationRecord r, Station station) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Field f : fields.fields(station)) {
            if (f.perDriverInput()) {
                r.driverInputs().forEach((name, value) -> v.put(driverKey(f, name), formValue(f, value)));
            } else if (f.repeated()) {
                List<?> entries = (List<?>) valueAt(r, f.group());
                YearMonth latest = latestMonth(entries);
                if (f.kind() == Kind.LATEST_MONTH) {
                    v.put(f.key(), latest == null ? null : latest.toString());
                    continue;
                }
                for (int i = 0; i < entries.size(); i++) {
                    Object entry = entries.get(i);
                    int n = latest == null ? i + 1 : monthsBetween(((MonthlyAmount) entry).month(), latest) + 1;
                    if (n >= 1 && n <= f.repeat()) {
                        v.put(f.key(n), formValue(f, valueAt(entry, f.part())));
                    }
                }
            } else {
                v.put(f.key(), formValue(f, valueAt(r, f.path())));
            }
        }
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    private static YearMonth latestMonth(List<?> entries) {
        return entries.stream().filter(MonthlyAmount.class::isInstance).map(e -> ((MonthlyAmount) e).month())
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    private static int monthsBetween(YearMonth month, YearMonth latest) {
        return month == null ? -1 : (int) month.until(latest, java.time.temporal.ChronoUnit.MONTHS);
    }

    private static Object formValue(Field f, Object value) {
        if (value == null) {
            return null;
        }
        return switch (f.kind()) {
            case DECIMAL -> ((BigDecimal) value).doubleValue();
            case PERCENT -> ((BigDecimal) value).movePointRight(2).doubleValue();
            case CHOICE -> ((Enum<?>) value).name();
            case LATEST_MONTH, MONTH -> value.toString();
            default -> value;
        };
    }

    /** The value at a dotted path of records (no list entries), null when a section on the way is absent. */
    private static Object valueAt(Object root, String path) {
        Object current = root;
        for (String name : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            try {
                current = InvestigationFields.component(current.getClass(), name).getAccessor().invoke(current);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }
        return current;
    }

    /** Reads loosely typed form values, remembering the ones it cannot read. */
    private static final class Reader {

        private final Map<String, Object> values;
        private final List<Violation> unreadable = new ArrayList<>();

        Reader(Map<String, Object> values) {
            this.values = values;
        }

        /** A field's value as its kind says, or null when empty or unreadable (then remembered). */
        Object read(String key, Field f) {
            return switch (f.kind()) {
                case TEXT -> text(key);
                case DECIMAL -> decimal(key);
                case PERCENT -> percent(key);
                case INTEGER -> integer(key);
                case BOOLEAN -> bool(key);
                case CHOICE -> enumValue(key, f.type().asSubclass(Enum.class));
                case LATEST_MONTH, MONTH -> month(key);
            };
        }

        String text(String name) {
            Object v = values.get(name);
            return v == null ? null : v.toString().isBlank() ? null : v.toString().trim();
        }

        BigDecimal decimal(String name) {
            Object v = values.get(name);
            if (v == null || v instanceof String s && s.isBlank()) {
                return null;
            }
            if (v instanceof BigDecimal d) {
                return d;
            }
            try {
                return new BigDecimal(v.toString().trim().replace(",", ""));
            } catch (NumberFormatException e) {
                unreadable.add(new Violation(name, "NOT_A_NUMBER", "must be a number (was '" + v + "')",
                        "须为数字(当前为 '" + v + "')"));
                return null;
            }
        }

        BigDecimal percent(String name) {
            BigDecimal d = decimal(name);
            return d == null ? null : d.movePointLeft(2);
        }

        Integer integer(String name) {
            BigDecimal d = decimal(name);
            if (d == null) {
                return null;
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                unreadable.add(new Violation(name, "NOT_A_WHOLE_NUMBER", "must be a whole number (was " + d + ")",
                        "须为整数(当前为 " + d + ")"));
                return null;
            }
        }

        Boolean bool(String name) {
            Object v = values.get(name);
            if (v == null || v instanceof String s && s.isBlank()) {
                return null;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            String s = v.toString().trim().toLowerCase();
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
            unreadable.add(new Violation(name, "NOT_A_BOOLEAN", "must be yes or no (was '" + v + "')",
                    "须为是或否(当前为 '" + v + "')"));
            return null;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Enum<?> enumValue(String name, Class<? extends Enum> type) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf((Class) type, s);
            } catch (IllegalArgumentException e) {
                unreadable.add(new Violation(name, "UNKNOWN_VALUE", "must be one of " + List.of(type.getEnumConstants())
                        + " (was '" + s + "')", "不是可选值之一(当前为 '" + s + "')"));
                return null;
            }
        }

        YearMonth month(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                unreadable.add(new Violation(name, "NOT_A_MONTH", "must be a month like 2026-10 "
                        + "(was '" + text + "')", "须为月份,如 2026-10(当前为 '" + text + "')"));
                return null;
            }
        }
    }
}

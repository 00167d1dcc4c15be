package cn.smartfactory.lending.origination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.smartfactory.lending.investigation.InvestigationRecord;

/**
 * The one table that says which form field holds which value of the investigation record, and as what kind of
 * value ({@code reference/investigation-fields.csv}): {@link InvestigationVariables} reads the forms' variables
 * into the record, names a problem by its form field and writes a record back as form values all from these rows,
 * so a new field of the record is one row here and one field on its form.
 *
 * <p>Loading checks the table against the record: every path must lead to a component of the kind the row says,
 * and every value of the record must have a row — a record component without a form field fails at start-up.
 */
public final class InvestigationFields {

    /** How a form holds a value. */
    public enum Kind {
        TEXT(String.class), DECIMAL(BigDecimal.class), PERCENT(BigDecimal.class), INTEGER(Integer.class),
        BOOLEAN(Boolean.class), CHOICE(Enum.class), LATEST_MONTH(YearMonth.class), MONTH(YearMonth.class);

        private final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }

        boolean fits(Class<?> type) {
            return this == CHOICE ? type.isEnum() : javaType.equals(type);
        }
    }

    /** Who writes a value. */
    public enum Station { PROCESS, START, BUREAU, CHECKLIST }

    static final String NUMBER = "{n}";
    static final String INPUT_KEY = "{Input}";
    static final String INPUT_PATH = "{input}";

    /**
     * One row. {@code type} is the record component's Java type, resolved when the table is loaded.
     *
     * @param repeat the number of numbered fields of a repeated row, 0 for a single field
     */
    public record Field(String key, String path, Kind kind, Station station, int repeat, Class<?> type) {

        /** The form field of entry n (1-based) of a repeated row, or the key of a single one. */
        public String key(int n) {
            return key.replace(NUMBER, String.valueOf(n));
        }

        /** The record path of entry n (1-based): existingDebts[].lender → existingDebts[0].lender. */
        public String path(int n) {
            return path.replace("[]", "[" + (n - 1) + "]");
        }

        public boolean repeated() {
            return path.contains("[]");
        }

        /** The driver-input row, whose fields follow the industry's driver inputs. */
        public boolean perDriverInput() {
            return key.contains(INPUT_KEY);
        }

        /** The list a repeated row belongs to (existingDebts), else the section (balanceSheet), else the path. */
        public String group() {
            int end = path.length();
            for (char c : new char[] {'[', '.'}) {
                int i = path.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            return path.substring(0, end);
        }

        /** The part after the list: existingDebts[].lender → lender. */
        String part() {
            int i = path.indexOf("[].");
            return i < 0 ? null : path.substring(i + 3);
        }
    }

    /** Record sections that are left out (null) when none of their fields was filled in. */
    static final Set<String> OPTIONAL_SECTIONS = Set.of("collateral", "guarantor");

    private final List<Field> fields;

    InvestigationFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Set<String> covered = new LinkedHashSet<>();
        fields.forEach(f -> covered.add(f.path()));
        Set<String> missing = new LinkedHashSet<>(leafPaths(InvestigationRecord.class, ""));
        missing.removeAll(covered);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("investigation-fields.csv has no row for the record's " + missing);
        }
    }

    public static InvestigationFields fromClasspath() {
        try (InputStream in = InvestigationFields.class.getResourceAsStream("/reference/investigation-fields.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/investigation-fields.csv is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table; a row whose path or kind does not fit the record is refused with its line. */
    static InvestigationFields parse(String csv) {
        List<Field> fields = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        String[] lines = csv.split("\\R");
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException("investigation-fields.csv line " + (i + 1) + ": five columns expected");
            }
            try {
                Kind kind = Kind.valueOf(cells[2].strip());
                String path = cells[1].strip();
                Class<?> type = typeAt(path);
                if (!kind.fits(type)) {
                    throw new IllegalArgumentException(path + " is a " + type.getSimpleName() + ", not " + kind);
                }
                Field field = new Field(cells[0].strip(), path, kind, Station.valueOf(cells[3].strip()),
                        Integer.parseInt(cells[4].strip()), type);
                if (field.repeated() != (field.repeat() > 0)) {
                    throw new IllegalArgumentException("a list path needs a repeat count and only a list path has one");
                }
                if (field.repeated() && field.kind() != Kind.LATEST_MONTH && !field.key().contains(NUMBER)) {
                    throw new IllegalArgumentException("a repeated field's key needs " + NUMBER);
                }
                if (!keys.add(field.key())) {
                    throw new IllegalArgumentException("key " + field.key() + " appears twice");
                }
                fields.add(field);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("investigation-fields.csv line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new InvestigationFields(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    public List<Field> fields(Station station) {
        return fields.stream().filter(f -> f.station() == station).toList();
    }

    /** The row whose path is this one, after the entry number is taken out: existingDebts[2].lender → its row. */
    Optional<Field> byPath(String pathWithoutIndex) {
        return fields.stream().filter(f -> f.path().equals(pathWithoutIndex)).findFirst();
    }

    /** The first row of a section or list, the one a problem with the whole of it is shown at. */
    Optional<Field> firstOf(String group) {
        return fields.stream().filter(f -> f.group().equals(group) && f.kind() != Kind.LATEST_MONTH).findFirst();
    }

    /** The Java type at a path of the record; a path that leads nowhere is refused. */
    static Class<?> typeAt(String path) {
        Class<?> type = InvestigationRecord.class;
        java.lang.reflect.Type generic = type;
        for (String segment : path.replace("[]", ".[]").split("\\.")) {
            if (segment.equals("[]")) {
                generic = elementType(generic, 0);
                type = (Class<?>) generic;
                continue;
            }
            if (Map.class.isAssignableFrom(type)) {
                if (!segment.equals(INPUT_PATH)) {
                    throw new IllegalArgumentException("the driver inputs are named " + INPUT_PATH + " in a path");
                }
                generic = elementType(generic, 1);
                type = (Class<?>) generic;
                continue;
            }
            RecordComponent component = component(type, segment);
            type = component.getType();
            generic = component.getGenericType();
        }
        return type;
    }

    static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no part " + name);
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no part " + name);
    }

    static java.lang.reflect.Type elementType(java.lang.reflect.Type generic, int argument) {
        if (generic instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[argument];
        }
        throw new IllegalArgumentException(generic + " is not a list or map");
    }

    /** Every value of the record as a table path: lists as [], the driver inputs as {input}. */
    static List<String> leafPaths(Class<?> type, String prefix) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + c.getName();
            if (c.getType().isRecord()) {
                paths.addAll(leafPaths(c.getType(), path + "."));
            } else if (List.class.isAssignableFrom(c.getType())) {
                paths.addAll(leafPaths((Class<?>) elementType(c.getGenericType(), 0), path + "[]."));
            } else if (Map.class.isAssignableFrom(c.getType())) {
                paths.add(path + "." + INPUT_PATH);
            } else {
                paths.add(path);
            }
        }
        return paths;
    }
}

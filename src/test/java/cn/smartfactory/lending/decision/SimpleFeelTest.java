package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/**
 * The fast path must give FEEL's answers: every input entry and output entry of every table in
 * processes/, plus some extra forms, evaluated against inputs of every type by both engines.
 */
class SimpleFeelTest {

    private static final List<Object> INPUTS = Arrays.asList(null, 0, 17, 18, 25L, 65, 66, 1_000_000, 1_000_001,
            0.2, 0.2001, 0.5, 0.51, -0.5, -0.51, 1.0, 1.01, 799.99, 800.0, new BigDecimal("0.2"),
            new BigDecimal("-0.2"), new BigDecimal("36"), new BigDecimal("300000"), "A", "B", "E", "CREDIT", true,
            false, Double.NaN);

    private final CachingFeelEngine caching = new CachingFeelEngine();
    private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of());

    @Test
    void everyShippedInputEntryAnswersLikeFeel() throws Exception {
        Set<String> entries = entries(InputEntry.class);
        entries.addAll(List.of("not(5)", "[1..5], \"x\"", "\"a,b\"", "]1..5[", "> -1", "= 3", "date(\"2020-01-01\")"));
        assertThat(entries).hasSizeGreaterThan(40);
        List<String> differences = new ArrayList<>();
        for (String entry : entries) {
            for (Object input : INPUTS) {
                VariableContext context = Variables.fromMap(map("cellInput", input)).asVariableContext();
                String expected = outcome(() -> stock.evaluateSimpleUnaryTests(entry, "cellInput", context));
                String actual = outcome(() -> caching.evaluateSimpleUnaryTests(entry, "cellInput", context));
                if (!expected.equals(actual)) {
                    differences.add(entry + " with " + input + ": FEEL " + expected + ", fast path " + actual);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyShippedOutputEntryAndVariableLookupAnswersLikeFeel() throws Exception {
        Set<String> expressions = entries(OutputEntry.class);
        expressions.addAll(List.of("age", "missingVariable", "seats * 2", "\"text\"", "-3.5", "true", "null", "share",
                "ratio", "days", "big", "name", "flag", "nothing", "nan", "count"));
        VariableContext context = Variables.fromMap(map("age", 42, "seats", new BigDecimal("60"), "share",
                new BigDecimal("0.2"), "ratio", 0.2, "days", 30.0, "big", new BigDecimal("1E+30"), "name", "A",
                "flag", true, "nothing", null, "nan", Double.NaN, "count", 7L)).asVariableContext();
        for (String expression : expressions) {
            String expected = outcome(() -> stock.evaluateSimpleExpression(expression, context));
            assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, context))).as(expression).isEqualTo(expected);
            assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, context))).as(expression).isEqualTo(expected);
        }
    }

    private static String outcome(java.util.concurrent.Callable<?> call) {
        try {
            Object value = call.call();
            return value instanceof BigDecimal d ? "decimal " + d.stripTrailingZeros().toPlainString()
                    : value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        } catch (Exception e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> Set<String> entries(Class<T> type)
            throws Exception {
        Set<String> texts = new TreeSet<>();
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
            files = listing.filter(f -> f.toString().endsWith(".dmn")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (java.nio.file.Path file : files) {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                Dmn.readModelFromStream(in).getModelElementsByType(type).forEach(e -> texts.add(e.getTextContent().trim()));
            }
        }
        return texts;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

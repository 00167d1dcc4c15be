package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The caching engine must answer exactly like Camunda's own, twice in a row (parsed, then cached). */
class CachingFeelEngineTest {

    private final CachingFeelEngine caching = new CachingFeelEngine();
    private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of());

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource(nullValues = "nil", delimiter = ';', value = {
            "< 18; 17", "< 18; 18", "[18..25); 25", "[18..25); 18", "(0.2..0.5]; 0.2", "(0.2..0.5]; 0.5",
            "< 18, > 65; 70", "< 18, > 65; 40", "null; nil", "null; 3", "> 1; nil", "-; 3", "\"A\",\"B\"; B", "\"A\",\"B\"; C",
            "true; true", "<= 0; 0"})
    void unaryTestsAnswerLikeTheStockEngine(String test, String value) {
        Object input = value == null ? null
                : value.matches("-?[0-9.]+") ? new BigDecimal(value)
                : value.equals("true") ? Boolean.TRUE : value;
        VariableContext context = context("x", input);
        boolean expected = stock.evaluateSimpleUnaryTests(test, "x", context);
        assertThat(caching.evaluateSimpleUnaryTests(test, "x", context)).isEqualTo(expected);
        assertThat(caching.evaluateSimpleUnaryTests(test, "x", context)).isEqualTo(expected);
    }

    @Test
    void expressionsAnswerLikeTheStockEngine() {
        VariableContext context = context("seats", new BigDecimal("60"), "turns", new BigDecimal("1.8"));
        Object expected = stock.evaluateSimpleExpression("seats * turns * 45", context);
        assertThat((Object) caching.evaluateSimpleExpression("seats * turns * 45", context)).isEqualTo(expected);
        assertThat((Object) caching.evaluateSimpleExpression("seats * turns * 45", context)).isEqualTo(expected);
        assertThat((Object) caching.evaluateSimpleExpression("\"AGE\"", context)).isEqualTo("AGE");
    }

    @Test
    void parseErrorsKeepTheStockMessage() {
        assertThatThrownBy(() -> caching.evaluateSimpleExpression("seats * (", context("seats", 1)))
                .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
    }

    private static VariableContext context(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return Variables.fromMap(map).asVariableContext();
    }
}

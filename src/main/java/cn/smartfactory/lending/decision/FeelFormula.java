package cn.smartfactory.lending.decision;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * A numeric FEEL expression kept in reference data (e.g. an industry's sales driver
 * {@code seats * tableTurnsPerDay * averageTicket * openingDaysPerMonth}), compiled once as a DMN
 * literal expression so that risk managers write formulas in the same language as their tables.
 */
public final class FeelFormula {

    private final String expression;
    private final DmnDecision decision;

    private FeelFormula(String expression, DmnDecision decision) {
        this.expression = expression;
        this.decision = decision;
    }

    /** Compiles the expression; a syntax error surfaces here, at load time, not at scoring time. */
    public static FeelFormula compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("formula is empty");
        }
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="formulaDefinitions" name="formula"
                             namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="formula" name="formula">
                    <variable name="value" typeRef="double"/>
                    <literalExpression expressionLanguage="feel"><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(escapeXml(expression));
        try {
            DmnDecision decision = StandaloneDecisionRules.engine()
                    .parseDecision("formula", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
            return new FeelFormula(expression, decision);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("formula '" + expression + "' cannot be parsed: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates with the given variables.
     *
     * @return the value, or {@code null} when the expression yields no number (e.g. it refers to a
     *         variable that was not supplied)
     */
    public BigDecimal evaluate(Map<String, ?> variables) {
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) variables;
        DmnDecisionResultEntries entries = StandaloneDecisionRules.engine().evaluateDecision(decision, vars)
                .getSingleResult();
        Object value = entries == null ? null : entries.getSingleEntry();
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    public String expression() {
        return expression;
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

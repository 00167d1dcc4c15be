package cn.smartfactory.lending.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Evaluates the DMN files shipped under {@code processes/} with Camunda's standalone DMN engine,
 * parsed once at construction. Used wherever the risk engine runs without a process engine.
 */
public final class StandaloneDecisionRules implements DecisionRules {

    /** The rule files the risk engine needs; each is a file a risk manager opens in Camunda Modeler. */
    public static final List<String> RISK_RULE_FILES = List.of(
            "processes/risk-scorecard.dmn",
            "processes/risk-flags.dmn",
            "processes/credit-limit.dmn",
            "processes/approval-authority.dmn");

    private static final DmnEngine ENGINE = newEngine();

    private final DmnEngine engine;
    private final Map<String, DmnDecision> decisions;

    private StandaloneDecisionRules(DmnEngine engine, Map<String, DmnDecision> decisions) {
        this.engine = engine;
        this.decisions = Map.copyOf(decisions);
    }

    /** Loads the risk engine's rule files from the classpath. */
    public static StandaloneDecisionRules fromClasspath() {
        return fromClasspath(RISK_RULE_FILES);
    }

    public static StandaloneDecisionRules fromClasspath(List<String> resources) {
        return fromClasspath(ENGINE, resources);
    }

    /** With a caller's engine, e.g. one with evaluation listeners that record which rules matched. */
    public static StandaloneDecisionRules fromClasspath(DmnEngine engine, List<String> resources) {
        Map<String, DmnDecision> decisions = new HashMap<>();
        ClassLoader loader = StandaloneDecisionRules.class.getClassLoader();
        for (String resource : resources) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Rule file not found on the classpath: " + resource);
                }
                for (DmnDecision decision : engine.parseDecisions(in)) {
                    if (decisions.putIfAbsent(decision.getKey(), decision) != null) {
                        throw new IllegalStateException("Decision id '" + decision.getKey()
                                + "' is defined twice (again in " + resource + ")");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read rule file " + resource, e);
            }
        }
        return new StandaloneDecisionRules(engine, decisions);
    }

    /**
     * From rule files' contents (name → XML), e.g. a table changed in a test as a risk manager would change it in
     * Modeler.
     */
    public static StandaloneDecisionRules fromXml(Map<String, String> files) {
        Map<String, DmnDecision> decisions = new HashMap<>();
        for (var file : files.entrySet()) {
            for (DmnDecision decision : ENGINE.parseDecisions(new java.io.ByteArrayInputStream(
                    file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
                if (decisions.putIfAbsent(decision.getKey(), decision) != null) {
                    throw new IllegalStateException("Decision id '" + decision.getKey() + "' is defined twice (again in "
                            + file.getKey() + ")");
                }
            }
        }
        return new StandaloneDecisionRules(ENGINE, decisions);
    }

    /** A standalone DMN engine that parses each FEEL expression once (see {@link CachingFeelEngine}). */
    public static DmnEngine newEngine() {
        return configuration().buildEngine();
    }

    /** The engine configuration used here, for callers that add listeners before building. */
    public static DefaultDmnEngineConfiguration configuration() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(CachingFeelEngine.factory());
        return configuration;
    }

    /** The shared standalone engine, also used to compile FEEL formulas from reference data. */
    public static DmnEngine engine() {
        return ENGINE;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecision decision = decisions.get(decisionKey);
        if (decision == null) {
            throw new DecisionTableException(decisionKey, inputs, "no such decision is loaded");
        }
        DmnDecisionResult result;
        try {
            result = engine.evaluateDecision(decision, inputs);
        } catch (RuntimeException e) {
            throw new DecisionTableException(decisionKey, "evaluation failed for inputs " + inputs
                    + ": " + e.getMessage(), e);
        }
        List<Map<String, Object>> rows = new ArrayList<>(result.size());
        result.forEach(entries -> rows.add(entries.getEntryMap()));
        return rows;
    }
}

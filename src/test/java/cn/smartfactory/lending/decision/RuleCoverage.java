package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Decision rules for table tests that records which rules matched, so a test class can prove it
 * exercised every rule of its DMN file ("tested rule by rule").
 */
public final class RuleCoverage {

    private final Set<String> matched = ConcurrentHashMap.newKeySet();
    private final String resource;
    private final StandaloneDecisionRules rules;

    private RuleCoverage(String resource) {
        this.resource = resource;
        DmnDecisionTableEvaluationListener listener = event -> {
            for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                matched.add(rule.getId());
            }
        };
        DefaultDmnEngineConfiguration configuration = StandaloneDecisionRules.configuration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
        DmnEngine engine = configuration.buildEngine();
        this.rules = StandaloneDecisionRules.fromClasspath(engine, List.of(resource));
    }

    public static RuleCoverage of(String resource) {
        return new RuleCoverage(resource);
    }

    public DecisionRules rules() {
        return rules;
    }

    /** Every rule id in the file, read from the model. */
    public Set<String> allRuleIds() {
        try (InputStream in = RuleCoverage.class.getClassLoader().getResourceAsStream(resource)) {
            Set<String> ids = new TreeSet<>();
            Dmn.readModelFromStream(in).getModelElementsByType(Rule.class).forEach(r -> ids.add(r.getId()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertEveryRuleMatched() {
        Set<String> all = allRuleIds();
        assertThat(all).as("rules in %s", resource).isNotEmpty();
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(matched);
        assertThat(missing).as("rules of %s that no test case matched", resource).isEmpty();
    }
}

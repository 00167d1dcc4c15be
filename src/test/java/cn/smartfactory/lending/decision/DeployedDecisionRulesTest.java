package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unrecorded evaluation: always the newest deployed version, never a decision-history entry. */
class DeployedDecisionRulesTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml")
            .build();

    ProcessEngine engine;

    @AfterEach
    void removeDeployments() {
        engine = extension.getProcessEngine();
        engine.getRepositoryService().createDeploymentQuery().deploymentName("deployed-rules-test").list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void evaluatesTheNewestVersionWithoutDecisionHistory() {
        engine = extension.getProcessEngine();
        DeployedDecisionRules rules = new DeployedDecisionRules(engine, StandaloneDecisionRules.newEngine());
        deploy("first");
        assertThat(rules.evaluate("test-answer", Map.of())).containsExactly(Map.of("answer", "first"));
        deploy("second");
        assertThat(rules.evaluate("test-answer", Map.of())).containsExactly(Map.of("answer", "second"));
        // A signed-in user needs the grant recorded evaluation needs; without a user (a job) nothing is checked.
        assertThatThrownBy(() -> asUserWithAuthorization("nobody", () -> rules.evaluate("test-answer", Map.of())))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        var grant = engine.getAuthorizationService().createNewAuthorization(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("nobody");
        grant.setResource(org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION);
        grant.setResourceId("test-answer");
        grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
        engine.getAuthorizationService().saveAuthorization(grant);
        try {
            assertThat(asUserWithAuthorization("nobody", () -> rules.evaluate("test-answer", Map.of())))
                    .containsExactly(Map.of("answer", "second"));
        } finally {
            engine.getAuthorizationService().deleteAuthorization(grant.getId());
        }
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("test-answer").count())
                .isZero();
        // The recorded variant over the same deployment does leave history: the difference is the point.
        new EngineDecisionRules(engine).evaluate("test-answer", Map.of());
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("test-answer").count())
                .isEqualTo(1);
    }

    @Test
    void anUndeployedTableIsNamed() {
        engine = extension.getProcessEngine();
        DeployedDecisionRules rules = new DeployedDecisionRules(engine, StandaloneDecisionRules.newEngine());
        assertThatThrownBy(() -> rules.evaluate("no-such-table", Map.of())).isInstanceOf(DecisionTableException.class)
                .hasMessageContaining("no-such-table");
    }

    private <T> T asUserWithAuthorization(String user, java.util.function.Supplier<T> action) {
        engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
        engine.getIdentityService().setAuthentication(user, java.util.List.of());
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
            engine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
        }
    }

    private void deploy(String answer) {
        DmnModelInstance model = Dmn.createEmptyModel();
        Definitions definitions = model.newInstance(Definitions.class);
        definitions.setNamespace("https://smartfactory.cn/test");
        definitions.setName("test");
        definitions.setId("Definitions_test");
        model.setDefinitions(definitions);
        Decision decision = model.newInstance(Decision.class);
        decision.setId("test-answer");
        decision.setName("Test answer");
        decision.setAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive", "1");
        definitions.addChildElement(decision);
        DecisionTable table = model.newInstance(DecisionTable.class);
        table.setId("DecisionTable_answer");
        table.setHitPolicy(HitPolicy.FIRST);
        decision.addChildElement(table);
        Output output = model.newInstance(Output.class);
        output.setId("Output_answer");
        output.setName("answer");
        output.setTypeRef("string");
        table.addChildElement(output);
        Rule rule = model.newInstance(Rule.class);
        rule.setId("Rule_only");
        OutputEntry entry = model.newInstance(OutputEntry.class);
        entry.setId("OutputEntry_only");
        Text text = model.newInstance(Text.class);
        text.setTextContent("\"" + answer + "\"");
        entry.setText(text);
        rule.getOutputEntries().add(entry);
        table.getRules().add(rule);
        engine.getRepositoryService().createDeployment().name("deployed-rules-test").addModelInstance("test-answer.dmn", model)
                .deploy();
    }
}

package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import cn.smartfactory.lending.identity.Role;

/** The running platform: what is deployed, who exists, and that REST needs credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private cn.smartfactory.lending.record.DecisionRecord decisionRecord;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private ProcessResourceDeployer deployer;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private cn.smartfactory.lending.scoring.RiskEngine riskEngine;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("unrecordedRiskEngine")
    private cn.smartfactory.lending.scoring.RiskEngine unrecordedRiskEngine;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("loanCreditReportService")
    private cn.smartfactory.lending.report.CreditReportService loanCreditReportService;

    @Test
    void historyIsFullAndAuthorizationIsOn() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
    }

    /** Controls of the engine configuration: task grants, variable permissions, serialization (docs/security.md). */
    @Test
    void candidatesWorkTasksAndObjectsAreDeserializedOnlyFromTheAllowlist() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
        assertThat(configuration.isEnforceSpecificVariablePermission()).isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        var validator = configuration.getDeserializationTypeValidator();
        assertThat(validator.validate("java.util.ArrayList")).isTrue();
        assertThat(validator.validate("java.math.BigDecimal")).isTrue();
        assertThat(validator.validate("java.lang.ProcessBuilder")).isFalse();
        assertThat(validator.validate("org.springframework.context.support.ClassPathXmlApplicationContext")).isFalse();
    }

    @Test
    void processEngineEvaluatesFeelThroughTheCachingEngine() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(cn.smartfactory.lending.decision.CachingFeelEngine.class);
    }

    @Test
    void riskAssessmentsUseTheDeployedTablesAndLeaveDecisionHistory() {
        long before = engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("risk-grade").count();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body;
        try {
            body = java.nio.file.Files.readString(cn.smartfactory.lending.scoring.WorkedCases.DIR.resolve("1-fmcg-wholesale.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(rest.withBasicAuth("inv2", "demo").postForEntity("/api/risk-assessments", new HttpEntity<>(body, headers),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("risk-grade").count())
                .isEqualTo(before + 1);
    }

    @Test
    void reDerivedAssessmentsLeaveNoDecisionHistoryButMatchTheRecordedOne() {
        var investigation = cn.smartfactory.lending.scoring.WorkedCases.load("2-catering");
        var history = engine.getHistoryService();
        long before = history.createHistoricDecisionInstanceQuery().count();
        var reDerived = unrecordedRiskEngine.assess(investigation);
        loanCreditReportService.report(investigation, List.of());
        assertThat(history.createHistoricDecisionInstanceQuery().count()).as("the line's report and re-derivation add no history")
                .isEqualTo(before);
        var recorded = riskEngine.assess(investigation);
        assertThat(history.createHistoricDecisionInstanceQuery().count()).as("the assessment of record is in the history")
                .isGreaterThan(before);
        assertThat(reDerived.totalScore()).isEqualTo(recorded.totalScore());
        assertThat(reDerived.grade()).isEqualTo(recorded.grade());
        assertThat(reDerived.approvalRoute()).isEqualTo(recorded.approvalRoute());
        assertThat(reDerived.creditLimit()).isEqualTo(recorded.creditLimit());
    }

    @Test
    void shippedTablesAreDeployedWithHistoryTimeToLive() {
        List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery().latestVersion().list();
        assertThat(decisions).extracting(DecisionDefinition::getKey).contains("scorecard-borrower", "risk-grade",
                "risk-knockouts", "product-terms", "approval-authority");
        assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(3650));
    }

    @Test
    void anUnchangedReleaseIsNotDeployedAgainAndAChangedFileMakesANewRelease() throws Exception {
        List<Resource> shipped = ProcessResourceDeployer.scan();
        assertThat(deployer.deploy(shipped).getDeployedDecisionDefinitions()).isNullOrEmpty();
        int riskGrade = latest("risk-grade").getVersion();

        int before = latest("approval-authority").getVersion();
        List<Resource> changed = shipped.stream().map(r -> {
            if (!"approval-authority.dmn".equals(r.getFilename())) {
                return r;
            }
            try {
                String xml = r.getContentAsString(StandardCharsets.UTF_8).replace("金额超过100万元", "金额超过一百万元");
                return (Resource) new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return "approval-authority.dmn";
                    }
                };
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        var deployment = deployer.deploy(changed);
        // The whole release is deployed again, so loans started on it find their forms and tables in it.
        assertThat(deployment.getDeployedDecisionDefinitions()).extracting(DecisionDefinition::getKey)
                .contains("approval-authority", "risk-grade");
        assertThat(deployment.getDeployedProcessDefinitions()).extracting(d -> d.getKey()).contains("loan-origination");
        assertThat(latest("approval-authority").getVersion()).isEqualTo(before + 1);
        assertThat(latest("risk-grade").getVersion()).isEqualTo(riskGrade + 1);
        assertThat(repositoryService.getDeploymentResourceNames(deployment.getId())).contains("forms/approval-decision.form");
        // The shipped files again: a new release equal to what ships, which the tests that follow use.
        assertThat(deployer.deploy(shipped).getDeployedDecisionDefinitions()).isNotEmpty();
        assertThat(deployer.deploy(shipped).getDeployedDecisionDefinitions()).isNullOrEmpty();
    }

    @Test
    void everyRoleGroupExistsAndDemoStaffBelongToTheirGroup() {
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.groupId()).count()).as(role.groupId()).isEqualTo(1);
        }
        assertThat(identityService.createUserQuery().memberOfGroup("approvers").list()).extracting(u -> u.getId())
                .containsExactlyInAnyOrder("apr1", "apr2", "apr3");
        assertThat(identityService.checkPassword("inv1", "demo")).isTrue();
        // A wrong password throttles that user's next logins, so check it on a throwaway user.
        var probe = identityService.newUser("passwordprobe");
        probe.setPassword("right");
        identityService.saveUser(probe);
        try {
            assertThat(identityService.checkPassword("passwordprobe", "wrong")).isFalse();
        } finally {
            identityService.deleteUser("passwordprobe");
        }
    }

    @Autowired
    private cn.smartfactory.lending.origination.DemoLoans demoLoans;

    @Test
    void demoProfileLeavesWorkInEveryInboxOnceOnly() {
        var tasks = engine.getTaskService();
        for (String station : List.of("Task_InvestigateOnSite", "Task_QueryCreditBureau", "Task_ApproveSingle",
                "Task_ApproveFirstSignature", "Task_ApproveSecondSignature", "Task_CommitteeVote", "Task_SignContract",
                "Task_HandleWarning")) {
            assertThat(tasks.createTaskQuery().taskDefinitionKey(station).count()).as(station).isPositive();
        }
        long loans = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("loan-origination").count();
        demoLoans.seedOnce();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("loan-origination")
                .count()).isEqualTo(loans);
    }

    @Test
    void eachRoleSeesItsOwnInboxAndMyTasksInTasklist() {
        identityService.setAuthentication("inv1", List.of("investigators"));
        try {
            assertThat(engine.getFilterService().createFilterQuery().list()).extracting(f -> f.getName())
                    .containsExactlyInAnyOrder(cn.smartfactory.lending.identity.TasklistFilters.MY_TASKS,
                            cn.smartfactory.lending.identity.TasklistFilters.inboxName(Role.INVESTIGATORS));
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication("mgr1", List.of("managers"));
        try {
            assertThat(engine.getFilterService().createFilterQuery().list()).as("managers work only their late-task follow-ups")
                    .extracting(f -> f.getName()).containsExactly(cn.smartfactory.lending.identity.TasklistFilters.LATE_TASKS);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void engineRestAnswers401WithoutCredentialsAnd200WithThem() {
        assertThat(rest.getForEntity("/engine-rest/decision-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // A wrong password delays that user's next logins (Camunda's throttling); use a user no test needs.
        assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/decision-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("mgr1", "demo").getForEntity("/engine-rest/decision-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void platformApiAlsoRequiresCredentials() {
        assertThat(rest.postForEntity("/api/risk-assessments", json("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRiskManagersDeploymentTakesEffectOnlyOnceASecondRiskManagerActivatesIt() throws Exception {
        assertThat(deploy("mgr1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> byRiskManager = deploy("risk1");
        assertThat(byRiskManager.getStatusCode()).as(byRiskManager.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(byRiskManager.getBody()).get("message").asText()
                .replaceAll("(?s).*?(CP-\\d{8}-[0-9A-F]{8}).*", "$1");
        assertThat(id).startsWith("CP-");
        assertThat(latest("modeler-probe-risk1")).as("not in the engine before activation").isNull();

        var shown = rest.withBasicAuth("risk2", "demo").getForEntity("/api/change-proposals/" + id,
                com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody().get("proposedBy").asText()).isEqualTo("risk1");
        assertThat(shown.getBody().get("resources").get(0).get("change").asText()).isEqualTo("NEW");
        assertThat(shown.getBody().get("resources").get(0).get("diff").toString()).contains("+ ", "modeler-probe-risk1");
        assertThat(rest.withBasicAuth("am1", "demo").getForEntity("/api/change-proposals/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("mgr1", "demo").getForEntity("/api/change-proposals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/change-proposals", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("risk2", "demo").getForEntity("/api/change-proposals", String.class).getBody()).contains(id);
        // Rejecting is four-eyes too, needs a reason, and is for risk managers only.
        assertThat(rest.withBasicAuth("risk1", "demo").postForEntity("/api/change-proposals/" + id + "/reject",
                json("{\"note\":\"withdrawn\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("apr1", "demo").postForEntity("/api/change-proposals/" + id + "/reject",
                json("{\"note\":\"no\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("risk2", "demo").postForEntity("/api/change-proposals/" + id + "/reject",
                json("{}"), String.class).getStatusCode()).as("a rejection needs a reason").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("risk2", "demo").getForEntity("/api/change-proposals/CP-NONE", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // Four eyes: the proposer cannot activate their own change; nor can anyone outside risk management.
        assertThat(rest.withBasicAuth("risk1", "demo").postForEntity("/api/change-proposals/" + id + "/activate",
                json("{\"note\":\"mine\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("apr1", "demo").postForEntity("/api/change-proposals/" + id + "/activate",
                json("{\"note\":\"x\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(latest("modeler-probe-risk1")).isNull();

        var activated = rest.withBasicAuth("risk2", "demo").postForEntity("/api/change-proposals/" + id + "/activate",
                json("{\"note\":\"复核无误 reviewed\"}"), String.class);
        assertThat(activated.getStatusCode()).as(activated.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(latest("modeler-probe-risk1")).isNotNull();
        assertThat(rest.withBasicAuth("risk2", "demo").postForEntity("/api/change-proposals/" + id + "/activate",
                json("{}"), String.class).getStatusCode()).as("decided already").isEqualTo(HttpStatus.CONFLICT);
        assertThat(decisionRecord.entries(id)).extracting(e -> e.duty() + ":" + e.actor())
                .containsExactly("CHANGE_PROPOSAL:risk1", "CHANGE_ACTIVATION:risk2");
        assertThat(rest.withBasicAuth("risk2", "demo").postForEntity("/api/change-proposals/" + id + "/reject",
                json("{\"note\":\"too late\"}"), String.class).getStatusCode()).as("decided already").isEqualTo(HttpStatus.CONFLICT);
    }

    /** What Camunda Modeler's deploy button sends: a multipart deployment to /engine-rest. */
    private ResponseEntity<String> deploy(String user) {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_ModelerProbe" name="probe" namespace="http://smartfactory.cn/test">
                  <decision id="modeler-probe-%s" name="probe" camunda:historyTimeToLive="1">
                    <decisionTable id="Table_Probe"><output id="Output_Probe" name="x" typeRef="string"/></decisionTable>
                  </decision>
                </definitions>
                """.formatted(user);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "modeler-" + user);
        body.add("deployment-source", "Camunda Modeler");
        body.add("probe.dmn", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "probe.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private DecisionDefinition latest(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }
}

package cn.smartfactory.lending.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.RestVariables;

/**
 * The marketing station attacked over HTTP by staff who should not succeed — through the platform's
 * API and the engine's REST API — each attempt asserting that nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketingAttackTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private AccountManagerProfiles profiles;
    @Autowired
    private CampaignService campaigns;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private ManagementService management;
    @Autowired
    private HistoryService history;
    @Autowired
    private MarketingStore store;

    private final HttpHeaders json = jsonHeaders();

    @Test
    void onlyMarketingOperationsChangeTerritoriesAndBadInputNamesTheField() {
        AccountManagerProfile before = profiles.find("am2").orElseThrow();
        Map<String, Object> change = Map.of("region", "HEXI", "industries", List.of("AGRICULTURE"));
        for (String user : List.of("am2", "mgr1", "risk1", "ops1")) {
            assertThat(put(user, "/api/account-managers/am2", change).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(profiles.find("am2").orElseThrow()).isEqualTo(before);
        ResponseEntity<String> unknown = put("mkt1", "/api/account-managers/am2", Map.of("region", "火星", "industries", List.of("MINING")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("“区域 Region”须为本行服务区域之一", "“行业 Industries”含未知行业 MINING");
        ResponseEntity<String> notAnAccountManager = put("mkt1", "/api/account-managers/inv1", change);
        assertThat(notAnAccountManager.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(profiles.find("inv1")).isEmpty();
        assertThat(profiles.find("am2").orElseThrow()).isEqualTo(before);
        assertThat(rest.withBasicAuth("ops1", "demo").getForEntity("/api/account-managers", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("ops1", "demo").getForEntity("/api/customers/" + id("11010519700101001"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theEngineApiOpensNoBackDoorToCampaignsOrLeads() {
        String campaignId = campaign("后门测试 Back door", "52010219900303001");
        var task = tasks.createTaskQuery().processDefinitionKey("marketing-lead").processVariableValueEquals("campaignId", campaignId)
                .singleResult();
        assertThat(task.getAssignee()).isEqualTo("am2");
        long leads = runtime.createProcessInstanceQuery().processDefinitionKey("marketing-lead").count();
        long campaignsRunning = runtime.createProcessInstanceQuery().processDefinitionKey("marketing-campaign").count();

        // Nobody starts a lead by hand: it has no start form and belongs to a campaign.
        for (String user : List.of("am1", "mkt1")) {
            ResponseEntity<String> start = post(user, "/engine-rest/process-definition/key/marketing-lead/start",
                    RestVariables.variables(Map.of("accountManager", user, "leadId", 1)));
            assertThat(start.getStatusCode().is4xxClientError()).as(user + ": " + start.getBody()).isTrue();
        }
        // An account manager does not start campaigns, even through the form.
        ResponseEntity<String> byAm = post("am1", "/engine-rest/process-definition/key/marketing-campaign/submit-form",
                RestVariables.variables(Map.of("campaignName", "私自活动", "objective", "x", "targetSegment", "x", "strategy", "GENERAL",
                        "channel", "PHONE", "listSource", "NAME_LIST", "startDate", BankClock.today().toString(),
                        "endDate", BankClock.today().plusDays(3).toString(), "conversionTarget", 1, "maxAttempts", 3)));
        assertThat(byAm.getStatusCode().is4xxClientError()).as(byAm.getBody()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("marketing-lead").count()).isEqualTo(leads);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("marketing-campaign").count()).isEqualTo(campaignsRunning);

        // am1 cannot take am2's lead: not by claiming, assigning, reading its variables or setting them.
        assertThat(post("am1", "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "am1")).getStatusCode()
                .is4xxClientError()).isTrue();
        assertThat(post("am1", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "am1")).getStatusCode()
                .is4xxClientError()).isTrue();
        assertThat(rest.withBasicAuth("am1", "demo").getForEntity("/engine-rest/task/" + task.getId() + "/variables", String.class)
                .getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> setVariable = rest.withBasicAuth("am1", "demo").exchange("/engine-rest/process-instance/"
                + task.getProcessInstanceId() + "/variables/accountManager", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "am1", "type", "String"), json), String.class);
        assertThat(setVariable.getStatusCode().is4xxClientError()).isTrue();
        // Even its own account manager may not hand it to a colleague or rewrite its variables: marketing operations reassign.
        assertThat(post("am2", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "am1")).getStatusCode()
                .is4xxClientError()).isTrue();
        ResponseEntity<String> ownVariable = rest.withBasicAuth("am2", "demo").exchange("/engine-rest/process-instance/"
                + task.getProcessInstanceId() + "/variables/maxAttempts", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", 99, "type", "Integer"), json), String.class);
        assertThat(ownVariable.getStatusCode().is4xxClientError()).isTrue();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("am2");
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "accountManager")).isEqualTo("am2");
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "maxAttempts")).isEqualTo(3);
        // A submission with a field the form does not have is refused whole.
        ResponseEntity<String> extra = post("am2", "/engine-rest/task/" + task.getId() + "/submit-form",
                RestVariables.variables(Map.of("contactChannel", "PHONE", "reached", "NO", "accountManager", "am1")));
        assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(store.contacts(leadOf(task.getProcessInstanceId()))).isEmpty();
        // Other roles do not see the lead or its customer's details at all, not even risk managers who read the loan line.
        for (String user : List.of("risk1", "inv1", "ops1", "apr1")) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/task?processDefinitionKey=marketing-lead",
                    String.class).getBody()).as(user).isEqualTo("[]");
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/variable-instance?processInstanceIdIn="
                    + task.getProcessInstanceId(), String.class).getBody()).as(user).isEqualTo("[]");
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/history/variable-instance?processInstanceId="
                    + task.getProcessInstanceId(), String.class).getBody()).as(user).isEqualTo("[]");
        }
        // Managers read but change nothing.
        assertThat(rest.withBasicAuth("mgr1", "demo").getForEntity("/engine-rest/task?processDefinitionKey=marketing-lead",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("mgr1", "/engine-rest/task/" + task.getId() + "/submit-form",
                RestVariables.variables(Map.of("contactChannel", "PHONE", "reached", "NO"))).getStatusCode().is4xxClientError()).isTrue();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isZero();
    }

    private String campaign(String name, String seventeen) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("campaignName", name, "objective", "测试 Test", "targetSegment", "清水镇",
                "strategy", "GENERAL", "channel", "PHONE", "listSource", "NAME_LIST", "startDate", BankClock.today().toString(),
                "endDate", BankClock.today().plusDays(10).toString()));
        form.put("conversionTarget", 1L);
        form.put("maxAttempts", 3L);
        byte[] list = ("name,phone,idNumber,industry,region\n后门客户,13788880001," + id(seventeen) + ",LOGISTICS,清水镇\n")
                .getBytes(StandardCharsets.UTF_8);
        String campaignId = campaigns.start(form, "mkt1", "list.csv", list).campaignId();
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("marketing-campaign")
                .processInstanceBusinessKey(campaignId).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).executable().list().forEach(j -> management.executeJob(j.getId()));
        return campaignId;
    }

    private long leadOf(String processInstanceId) {
        return ((Number) runtime.getVariable(processInstanceId, "leadId")).longValue();
    }

    private ResponseEntity<String> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, json), String.class);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, json), String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String id(String seventeen) {
        return seventeen + CustomerKey.residentCheck(seventeen);
    }
}

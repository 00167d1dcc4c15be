package cn.smartfactory.lending.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.origination.LoanFixtures;

/**
 * The offline checklist over HTTP: an investigator downloads the open investigation as a workbook, fills it and
 * uploads it; the upload is checked like a Tasklist submission, a refusal names sheet and cell, and whoever may not
 * work the investigation changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfflineChecklistApiTest {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private ManagementService management;
    @Autowired
    private org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void anInvestigatorCompletesTheInvestigationOffline() throws Exception {
        String pi = start();
        String applicationId = (String) runtime.getVariable(pi, "applicationId");
        String investigation = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_InvestigateOnSite")
                .singleResult().getId();

        ResponseEntity<byte[]> download = rest.withBasicAuth("inv2", "demo").getForEntity(
                "/api/investigations/" + applicationId + "/checklist.xlsx", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).isEqualTo(OfflineChecklistController.XLSX);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("checklist-" + applicationId);
        byte[] blank = download.getBody();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            String heading = wb.getSheet(ChecklistWorkbook.SHEET).getRow(0).getCell(0).getStringCellValue();
            assertThat(heading).contains("零售门店", "离线填写 Offline");
            assertThat(wb.getSheet(ChecklistWorkbook.SHEET).getRow(1).getCell(0).getStringCellValue())
                    .contains(applicationId, "张伟 Zhang Wei");
        }

        // The upload page, for the investigator; nobody else sees it.
        ResponseEntity<String> page = rest.withBasicAuth("inv2", "demo").getForEntity("/api/investigations/" + applicationId
                + "/checklist/upload", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("上传离线清单 Upload the offline checklist",
                "action=\"/api/investigations/" + applicationId + "/checklist\"");
        assertThat(rest.withBasicAuth("am2", "demo").getForEntity("/api/investigations/" + applicationId + "/checklist/upload",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // Who may not work the investigation gets nothing and changes nothing.
        assertThat(rest.withBasicAuth("am2", "demo").getForEntity("/api/investigations/" + applicationId + "/checklist.xlsx",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/investigations/" + applicationId + "/checklist.xlsx", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        byte[] complete = ChecklistWorkbookTest.filled(blank, LoanFixtures.checklist("3-retail-store"));
        assertThat(upload("apr2", applicationId, complete).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("am2", applicationId, complete).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity("/api/investigations/" + applicationId + "/checklist", multipart(complete), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tasks.createTaskQuery().taskId(investigation).singleResult().getAssignee()).isNull();
        assertThat(runtime.getVariable(pi, "grossMarginPercent")).isNull();

        // A page of another site cannot make a browser upload, credentials or not.
        HttpEntity<LinkedMultiValueMap<String, Object>> crossSite = multipart(complete);
        HttpHeaders forged = new HttpHeaders();
        forged.putAll(crossSite.getHeaders());
        forged.set("Origin", "https://evil.example");
        assertThat(rest.withBasicAuth("inv2", "demo").postForEntity("/api/investigations/" + applicationId + "/checklist",
                new HttpEntity<>(crossSite.getBody(), forged), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        forged.remove("Origin");
        forged.set("Sec-Fetch-Site", "cross-site");
        assertThat(rest.withBasicAuth("inv2", "demo").postForEntity("/api/investigations/" + applicationId + "/checklist",
                new HttpEntity<>(crossSite.getBody(), forged), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // A workbook downloaded for another application is refused: one borrower's figures never complete another's.
        String other = start();
        byte[] othersWorkbook = ChecklistWorkbookTest.filled(rest.withBasicAuth("inv2", "demo").getForEntity(
                "/api/investigations/" + runtime.getVariable(other, "applicationId") + "/checklist.xlsx", byte[].class).getBody(),
                LoanFixtures.checklist("3-retail-store"));
        ResponseEntity<JsonNode> mixedUp = upload("inv2", applicationId, othersWorkbook);
        assertThat(mixedUp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mixedUp.getBody().get("message").asText()).contains("该清单属于申请 " + runtime.getVariable(other, "applicationId"));

        // Claimed by another investigator, it is theirs to download and upload.
        String othersTask = tasks.createTaskQuery().processInstanceId(other).taskDefinitionKey("Task_InvestigateOnSite")
                .singleResult().getId();
        tasks.claim(othersTask, "inv1");
        assertThat(rest.withBasicAuth("inv2", "demo").getForEntity("/api/investigations/" + runtime.getVariable(other,
                "applicationId") + "/checklist.xlsx", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(investigation).singleResult().getAssignee()).isNull();

        // A workbook that breaks the rules is refused naming sheet and cell, and nothing is stored.
        Map<String, Object> bad = new HashMap<>(LoanFixtures.checklist("3-retail-store"));
        bad.put("householdMembers", "three");
        bad.remove("grossMarginPercent");
        byte[] badWorkbook = ChecklistWorkbookTest.filled(blank, bad);
        ResponseEntity<JsonNode> unreadable = upload("inv2", applicationId, badWorkbook);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        int members = ChecklistWorkbookTest.rowOf(blank, "householdMembers") + 1;
        assertThat(unreadable.getBody().get("message").asText()).startsWith("离线清单未通过校验")
                .contains("调查清单!C" + members, "Checklist!C" + members, "无法识别为数字");
        assertThat(unreadable.getBody().at("/problems/0/cell").asText()).isEqualTo("调查清单 Checklist!C" + members);

        Map<String, Object> missing = new HashMap<>(LoanFixtures.checklist("3-retail-store"));
        missing.remove("grossMarginPercent");
        ResponseEntity<JsonNode> incomplete = upload("inv2", applicationId, ChecklistWorkbookTest.filled(blank, missing));
        int margin = ChecklistWorkbookTest.rowOf(blank, "grossMarginPercent") + 1;
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().get("message").asText()).contains("调查清单!C" + margin, "为必填项",
                "Checklist!C" + margin, "is required");
        assertThat(tasks.createTaskQuery().taskId(investigation).count()).isEqualTo(1);
        assertThat(runtime.getVariable(pi, "householdMembers")).isNull();

        // The investigation check itself (shares over 100 %) also names the cell.
        Map<String, Object> shares = new HashMap<>(LoanFixtures.checklist("3-retail-store"));
        shares.put("customer1SharePercent", 80);
        shares.put("customer2SharePercent", 30);
        ResponseEntity<JsonNode> checked = upload("inv2", applicationId, ChecklistWorkbookTest.filled(blank, shares));
        assertThat(checked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(checked.getBody().get("message").asText()).startsWith("离线清单未通过校验");

        // Filled in full, the upload completes the investigation as Tasklist would, and the loan is scored the same.
        ResponseEntity<JsonNode> done = upload("inv2", applicationId, complete);
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.createTaskQuery().taskId(investigation).count()).isZero();
        assertThat(runtime.getVariable(pi, "investigator")).isEqualTo("inv2");
        var jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
            jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        }
        assertThat(runtime.getVariable(pi, "totalScore")).isEqualTo(94);
        assertThat(runtime.getVariable(pi, "grade")).isEqualTo("A");
        assertThat(rest.withBasicAuth("inv2", "demo").getForEntity("/api/investigations/" + applicationId + "/checklist.xlsx",
                String.class).getStatusCode()).as("no open investigation any more").isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * The task's own listeners still decide: an investigator who also took the application as its account manager is
     * refused by segregation of duties on claiming it — and the refused upload leaves the task unclaimed and unchanged.
     */
    @Test
    void aRefusalOnCompletionKeepsNothingNotEvenTheClaim() throws Exception {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("dual9").count() == 0) {
            var user = identity.newUser("dual9");
            user.setPassword("demo");
            user.setFirstName("Dual");
            user.setLastName("Role");
            identity.saveUser(user);
            identity.createMembership("dual9", "investigators");
            identity.createMembership("dual9", "account-managers");
        }
        try {
            String pi = start("dual9");
            String applicationId = (String) runtime.getVariable(pi, "applicationId");
            String investigation = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_InvestigateOnSite")
                    .singleResult().getId();
            byte[] blank = rest.withBasicAuth("dual9", "demo").getForEntity("/api/investigations/" + applicationId
                    + "/checklist.xlsx", byte[].class).getBody();
            ResponseEntity<JsonNode> refused = upload("dual9", applicationId,
                    ChecklistWorkbookTest.filled(blank, LoanFixtures.checklist("3-retail-store")));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("message").asText()).contains("管调审分离");
            assertThat(tasks.createTaskQuery().taskId(investigation).singleResult().getAssignee()).as("claim undone").isNull();
            assertThat(runtime.getVariable(pi, "householdMembers")).isNull();
        } finally {
            // Other tests share this platform: the extra account leaves with its test.
            runtime.createProcessInstanceQuery().processDefinitionKey("loan-origination").variableValueEquals("accountManager",
                    "dual9").list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test account removed"));
            identity.deleteMembership("dual9", "investigators");
            identity.deleteMembership("dual9", "account-managers");
            identity.deleteUser("dual9");
        }
    }

    private String start() {
        return start("am2");
    }

    private String start(String accountManager) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> variables = new HashMap<>();
        LoanFixtures.startForm("3-retail-store").forEach((k, v) -> variables.put(k, Map.of("value", v)));
        ResponseEntity<JsonNode> started = rest.withBasicAuth(accountManager, "demo").exchange(
                "/engine-rest/process-definition/key/loan-origination/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = started.getBody().get("id").asText();
        String bureau = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_QueryCreditBureau").singleResult()
                .getId();
        Map<String, Object> bureauVariables = new HashMap<>();
        LoanFixtures.bureauForm("3-retail-store").forEach((k, v) -> bureauVariables.put(k, Map.of("value", v)));
        assertThat(rest.withBasicAuth("ops2", "demo").exchange("/engine-rest/task/" + bureau + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", bureauVariables), headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        return pi;
    }

    private ResponseEntity<JsonNode> upload(String user, String applicationId, byte[] workbook) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/investigations/" + applicationId + "/checklist",
                multipart(workbook), JsonNode.class);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(byte[] workbook) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return "checklist.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }
}

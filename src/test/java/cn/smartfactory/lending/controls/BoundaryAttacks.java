package cn.smartfactory.lending.controls;

import static cn.smartfactory.lending.platform.RestVariables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.smartfactory.lending.monitoring.LoanMonitoring;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.monitoring.LoanRegister;
import cn.smartfactory.lending.origination.LoanFixtures;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Attacks on the controls over HTTP, as the demo staff would try them with the REST API the platform
 * exposes: each one refused with its status and rule, and nothing changed — the loan's variables and
 * tasks, its history, the number of processes. Run on H2 ({@code EngineBoundaryAttackTest}) and on
 * PostgreSQL ({@code EngineBoundaryAttackPostgresIT}).
 */
record BoundaryAttacks(TestRestTemplate rest, ProcessEngine engine, LoanMonitoring monitoring, LoanRegister register) {

    /** Today in the bank's zone: contract and disbursement dates must lie around it. */
    static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    /** What an attack must leave untouched. */
    record State(Map<String, String> variables, List<String> tasks, long historicDetails, long processes) {
    }

    State state(String pi) {
        Map<String, String> variables = new TreeMap<>();
        for (VariableInstance v : engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi)
                .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            variables.put(v.getName() + "@" + v.getActivityInstanceId() + "@" + v.getTaskId(), String.valueOf(v.getValue()));
        }
        List<String> tasks = new ArrayList<>();
        engine.getTaskService().createTaskQuery().processInstanceId(pi).orderByTaskId().asc().list()
                .forEach(t -> tasks.add(t.getTaskDefinitionKey() + ":" + t.getId() + ":" + t.getAssignee() + ":" + t.getOwner()));
        return new State(variables, tasks, engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi).count(),
                engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    }

    /** A fresh retail application (am1) through bureau and investigation, waiting for a single approver. */
    String loanAtSingleApproval() {
        ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                variables(LoanFixtures.startForm("3-retail-store")));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = started.getBody().get("id").asText();
        assertThat(post("ops1", "/engine-rest/task/" + task(pi, "Task_QueryCreditBureau") + "/submit-form",
                variables(LoanFixtures.bureauForm("3-retail-store"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("inv1", "/engine-rest/task/" + task(pi, "Task_InvestigateOnSite") + "/submit-form",
                variables(LoanFixtures.checklist("3-retail-store"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        task(pi, "Task_ApproveSingle");
        return pi;
    }

    /** A fresh catering application, its first signature given by apr1, waiting for the second. */
    String loanAtSecondSignature() {
        ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                variables(LoanFixtures.startForm("2-catering")));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = started.getBody().get("id").asText();
        assertThat(post("ops1", "/engine-rest/task/" + task(pi, "Task_QueryCreditBureau") + "/submit-form",
                variables(LoanFixtures.bureauForm("2-catering"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("inv1", "/engine-rest/task/" + task(pi, "Task_InvestigateOnSite") + "/submit-form",
                variables(LoanFixtures.checklist("2-catering"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        assertThat(post("apr1", "/engine-rest/task/" + task(pi, "Task_ApproveFirstSignature") + "/submit-form",
                variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "第一签同意 first signature")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        task(pi, "Task_ApproveSecondSignature");
        return pi;
    }

    void startingMidProcessWithoutListenersIsRefused() {
        String witness = loanAtSingleApproval();
        State before = state(witness);
        long loans = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("loan-origination").count();
        Map<String, Object> body = new LinkedHashMap<>(variables(Map.of("amount", 5_000_000.0, "approvers", "apr1,apr2",
                "approvalDecision", "APPROVE", "approvedAmount", 5_000_000.0)));
        body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_HandOverToMonitoring")));
        body.put("skipCustomListeners", true);
        body.put("skipIoMappings", true);
        ResponseEntity<JsonNode> refused = post("am1", "/engine-rest/process-definition/key/loan-origination/start", body);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(refused)).contains("ADMIN_ONLY", "开始事件", "start event");

        // Skipping listeners alone, at the start event, the engine itself refuses (ENGINE-13024, 400).
        Map<String, Object> skipOnly = new LinkedHashMap<>(variables(LoanFixtures.startForm("3-retail-store")));
        skipOnly.put("skipCustomListeners", true);
        ResponseEntity<JsonNode> skipping = post("am1", "/engine-rest/process-definition/key/loan-origination/start", skipOnly);
        assertThat(skipping.getStatusCode()).as(message(skipping)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(skipping)).contains("Cannot skip custom listeners");

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("loan-origination")
                .count()).isEqualTo(loans);
        assertThat(state(witness)).isEqualTo(before);
    }

    void startingWithFieldsNotOnTheStartFormIsRefused() {
        long loans = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("loan-origination").count();
        Map<String, Object> values = LoanFixtures.startForm("3-retail-store");
        values.put("accountManager", "am2");
        values.put("suggestedAmount", 300000.0);
        for (String path : List.of("/start", "/submit-form")) {
            ResponseEntity<JsonNode> refused = post("am1", "/engine-rest/process-definition/key/loan-origination" + path,
                    variables(values));
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(message(refused)).contains("accountManager", "suggestedAmount", "不是本表单的字段");
        }
        // Naming the application after another loan would add to that loan's record: the platform names it.
        for (String path : List.of("/start", "/submit-form")) {
            Map<String, Object> body = new LinkedHashMap<>(variables(LoanFixtures.startForm("3-retail-store")));
            body.put("businessKey", "APP-20260101-AAAAAAAA");
            ResponseEntity<JsonNode> refused = post("am1", "/engine-rest/process-definition/key/loan-origination" + path, body);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(message(refused)).contains("“业务编号”由平台生成,不能指定", "\"Business key\" is set by the platform");
        }
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("loan-origination")
                .count()).isEqualTo(loans);
    }

    void processesWithoutAStartFormAreStartedByThePlatformOnly() {
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("post-loan-monitoring").count();
        ResponseEntity<JsonNode> refused = post("risk1", "/engine-rest/process-definition/key/post-loan-monitoring/start",
                variables(Map.of("loanNumber", "LN-FAKE-1")));
        assertThat(refused.getStatusCode()).isIn(HttpStatus.FORBIDDEN);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("post-loan-monitoring")
                .count()).isEqualTo(before);
    }

    void approverCannotSetTheAmountsBesideTheForm() {
        String pi = loanAtSingleApproval();
        String approval = task(pi, "Task_ApproveSingle");
        State before = state(pi);
        ResponseEntity<JsonNode> refused = post("apr1", "/engine-rest/task/" + approval + "/complete", variables(Map.of(
                "approvalDecision", "APPROVE", "approvalOpinion", "同意 agree",
                "suggestedAmount", 98_000_000.0, "approvedAmount", 98_000_000.0)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(refused)).contains("“suggestedAmount”不是本表单的字段", "“批准金额”在当前选择下不显示");
        ResponseEntity<JsonNode> viaForm = post("apr1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "approvalDecision", "APPROVE", "approvalOpinion", "同意 agree", "suggestedAmount", 98_000_000.0)));
        assertThat(viaForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(state(pi)).isEqualTo(before);
    }

    void candidatesCannotWriteVariablesOutsideAForm() {
        String pi = loanAtSingleApproval();
        String approval = task(pi, "Task_ApproveSingle");
        State before = state(pi);
        ResponseEntity<JsonNode> taskVariable = exchange("apr1", HttpMethod.PUT,
                "/engine-rest/task/" + approval + "/variables/suggestedAmount", Map.of("value", 98_000_000.0, "type", "Double"));
        assertThat(taskVariable.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> localVariable = exchange("apr1", HttpMethod.PUT,
                "/engine-rest/task/" + approval + "/localVariables/approvalDecision", Map.of("value", "APPROVE", "type", "String"));
        assertThat(localVariable.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> processVariables = post("apr1", "/engine-rest/process-instance/" + pi + "/variables",
                Map.of("modifications", Map.of("suggestedAmount", Map.of("value", 98_000_000.0, "type", "Double"))));
        assertThat(processVariables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> removed = exchange("am1", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi
                + "/variables/investigator", null);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(processVariables)).contains("ADMIN_ONLY", "表单提交之外", "outside a form submission");
        assertThat(state(pi)).isEqualTo(before);
    }

    void staffCannotModifyRestartMigrateOrMessageProcesses() {
        String pi = loanAtSingleApproval();
        State before = state(pi);
        String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult()
                .getProcessDefinitionId();
        ResponseEntity<JsonNode> modified = post("apr1", "/engine-rest/process-instance/" + pi + "/modification", Map.of(
                "skipCustomListeners", true, "instructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_SignContract"))));
        assertThat(modified.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(modified)).contains("修改流程实例", "modification");
        ResponseEntity<JsonNode> restarted = post("am1", "/engine-rest/process-definition/" + definition + "/restart", Map.of(
                "processInstanceIds", List.of(pi), "instructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_SignContract"))));
        assertThat(restarted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> message = post("am1", "/engine-rest/message", Map.of("messageName", "Message_LoanRepaid",
                "all", true));
        assertThat(message.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> signal = post("am1", "/engine-rest/signal", Map.of("name", "anything"));
        assertThat(signal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> deleted = exchange("risk1", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null);
        assertThat(deleted.getStatusCode()).isIn(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> suspended = exchange("apr1", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended",
                Map.of("suspended", true));
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(pi)).isEqualTo(before);
    }

    void staffCannotDeleteHistory() {
        String pi = loanAtSingleApproval();
        State before = state(pi);
        long operations = engine.getHistoryService().createUserOperationLogQuery().count();
        for (String user : List.of("risk1", "mgr1", "apr1")) {
            assertThat(exchange(user, HttpMethod.DELETE, "/engine-rest/history/process-instance/" + pi, null).getStatusCode())
                    .as(user + " single").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(user, "/engine-rest/history/process-instance/delete", Map.of("historicProcessInstanceIds",
                    List.of(pi))).getStatusCode()).as(user + " batch").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(exchange(user, HttpMethod.DELETE, "/engine-rest/history/process-instance/" + pi + "/variable-instances",
                    null).getStatusCode()).as(user + " variables").isEqualTo(HttpStatus.FORBIDDEN);
        }
        String entry = engine.getHistoryService().createUserOperationLogQuery().list().get(0).getId();
        assertThat(exchange("risk1", HttpMethod.PUT, "/engine-rest/history/user-operation/" + entry + "/set-annotation",
                Map.of("annotation", "nothing happened")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String variable = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi).list().get(0).getId();
        assertThat(exchange("risk1", HttpMethod.DELETE, "/engine-rest/history/variable-instance/" + variable, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("risk1", "/engine-rest/history/decision-instance/delete", Map.of("historicDecisionInstanceIds",
                List.of("x"), "deleteReason", "cleanup")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getHistoryService().createUserOperationLogQuery().count()).isEqualTo(operations);
        assertThat(state(pi)).isEqualTo(before);
    }

    void tasksGoOnlyToMembersOfTheirCandidateGroups() {
        String pi = loanAtSingleApproval();
        String approval = task(pi, "Task_ApproveSingle");
        State before = state(pi);
        // An approver hands the decision to the loan's account manager (not an approver).
        ResponseEntity<JsonNode> assigned = post("apr1", "/engine-rest/task/" + approval + "/assignee", Map.of("userId", "am1"));
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(assigned)).contains("NOT_A_CANDIDATE", "am1");
        ResponseEntity<JsonNode> claimedForOther = post("apr1", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "cc1"));
        assertThat(claimedForOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Decisions are not delegated, not even to another approver.
        ResponseEntity<JsonNode> delegated = post("apr1", "/engine-rest/task/" + approval + "/delegate", Map.of("userId", "apr2"));
        assertThat(delegated.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(delegated)).contains("NO_DELEGATION");
        // Nobody but an administrator adds candidates to a task.
        ResponseEntity<JsonNode> link = post("apr1", "/engine-rest/task/" + approval + "/identity-links", Map.of(
                "groupId", "account-managers", "type", "candidate"));
        assertThat(link.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(pi)).isEqualTo(before);

        // Once apr1 claimed it, apr2 can neither complete it nor take it over.
        assertThat(post("apr1", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "apr1")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        State claimed = state(pi);
        ResponseEntity<JsonNode> completedByOther = post("apr2", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "approvalDecision", "DECLINE", "declineReasonCode", "POLICY", "approvalOpinion", "拒绝 decline")));
        assertThat(completedByOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(message(completedByOther)).contains("NOT_YOUR_TASK", "apr1");
        assertThat(post("apr2", "/engine-rest/task/" + approval + "/assignee", Map.of("userId", "apr2")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(pi)).isEqualTo(claimed);
    }

    /**
     * Roles see the tasks of the processes they work in through one grant per role and process, not
     * rows per task; seeing a task of another station is not working it.
     */
    void seeingATaskThroughTheProcessGrantIsNotWorkingIt() {
        String pi = loanAtSingleApproval();
        String approval = task(pi, "Task_ApproveSingle");
        var authorizations = engine.getAuthorizationService();
        assertThat(authorizations.createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
                .resourceId(approval).count()).as("rows on the approval task").isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("approvers")
                .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION).resourceId("loan-origination")
                .hasPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK).count()).isEqualTo(1);
        // The investigator and operations staff see the approval (same process) and the approver's inbox lists it.
        assertThat(exchange("inv1", HttpMethod.GET, "/engine-rest/task/" + approval, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange("apr2", HttpMethod.GET, "/engine-rest/task?candidateGroup=approvers&processInstanceId=" + pi, null)
                .getBody()).hasSize(1);
        // Account managers work no task of the line: they see none of it.
        assertThat(exchange("am1", HttpMethod.GET, "/engine-rest/task?processInstanceId=" + pi, null).getBody()).isEmpty();
        assertThat(exchange("am1", HttpMethod.GET, "/engine-rest/task/" + approval, null).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        State before = state(pi);
        for (String path : List.of("/claim", "/complete", "/submit-form", "/assignee")) {
            Object body = path.equals("/claim") || path.equals("/assignee") ? Map.of("userId", "inv1")
                    : variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "越权 out of role"));
            ResponseEntity<JsonNode> refused = post("inv1", "/engine-rest/task/" + approval + path, body);
            assertThat(refused.getStatusCode()).as("inv1 %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(message(refused)).contains("NOT_A_CANDIDATE");
        }
        ResponseEntity<JsonNode> vars = exchange("inv1", HttpMethod.PUT, "/engine-rest/task/" + approval + "/variables/approvedAmount",
                Map.of("value", 98_000_000, "type", "Double"));
        assertThat(vars.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(pi)).isEqualTo(before);
        // Claimed by a member of its group, the task still needs no row of its own.
        assertThat(post("apr1", "/engine-rest/task/" + approval + "/claim", Map.of("userId", "apr1")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(authorizations.createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
                .resourceId(approval).count()).as("rows on the claimed approval task").isZero();
    }

    void secondSignerWhoSubmitsNothingIsRefused() {
        String pi = loanAtSecondSignature();
        String second = task(pi, "Task_ApproveSecondSignature");
        State before = state(pi);
        ResponseEntity<JsonNode> empty = post("apr2", "/engine-rest/task/" + second + "/complete", Map.of("variables", Map.of()));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(empty)).contains("“审批结论”为必填项", "“审批意见”为必填项");
        assertThat(state(pi)).isEqualTo(before);
        // The first signature stays on its own task in history; the second signer's opinion is their own.
        assertThat(post("apr2", "/engine-rest/task/" + second + "/submit-form", variables(Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "第二签同意 second signature"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<String> opinions = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName("approvalOpinion").list().stream().filter(v -> v.getTaskId() != null)
                .map(v -> String.valueOf(v.getValue())).sorted().toList();
        assertThat(opinions).containsExactly("第一签同意 first signature", "第二签同意 second signature");
    }

    void filesAndObjectsAreNotFormValues() {
        String pi = loanAtSingleApproval();
        String approval = task(pi, "Task_ApproveSingle");
        State before = state(pi);
        ResponseEntity<JsonNode> file = post("apr1", "/engine-rest/task/" + approval + "/submit-form", Map.of("variables", Map.of(
                "approvalDecision", Map.of("value", "APPROVE", "type", "String"),
                "approvalOpinion", Map.of("value", "QUJD", "type", "File", "valueInfo", Map.of("filename", "a.txt")))));
        assertThat(file.getStatusCode()).as(message(file)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(file)).contains("“审批意见”只能是普通值", "file");
        ResponseEntity<JsonNode> object = post("apr1", "/engine-rest/task/" + approval + "/submit-form", Map.of("variables", Map.of(
                "approvalDecision", Map.of("value", "APPROVE", "type", "String"),
                "approvalOpinion", Map.of("value", "{}", "type", "Object", "valueInfo", Map.of(
                        "objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/json")))));
        assertThat(object.getStatusCode()).as(message(object)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(state(pi)).isEqualTo(before);
    }

    /** A member of staff given two roles (approver and central operations) is still bound by every rule. */
    void userWithTwoRolesIsBoundByEveryRule() {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("dual1").count() == 0) {
            var user = identity.newUser("dual1");
            user.setPassword("demo");
            user.setFirstName("dual1");
            user.setLastName("审批岗兼集中作业岗 Approver and operations");
            identity.saveUser(user);
            identity.createMembership("dual1", "approvers");
            identity.createMembership("dual1", "central-operations");
        }
        String pi = loanAtSingleApproval();
        assertThat(post("dual1", "/engine-rest/task/" + task(pi, "Task_ApproveSingle") + "/submit-form", variables(Map.of(
                "approvalDecision", "APPROVE", "approvalOpinion", "同意 agree"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String contract = task(pi, "Task_SignContract");
        State before = state(pi);
        ResponseEntity<JsonNode> claim = post("dual1", "/engine-rest/task/" + contract + "/claim", Map.of("userId", "dual1"));
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(claim)).contains("管调审分离", "may not sign the contract or disburse");
        ResponseEntity<JsonNode> sign = post("dual1", "/engine-rest/task/" + contract + "/submit-form", variables(Map.of(
                "contractNumber", "HT-DUAL-0001", "contractSignedOn", TODAY, "conditionsFulfilled", true)));
        assertThat(sign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(state(pi)).isEqualTo(before);
    }

    /** No code path updates or deletes the decision record, and the database refuses it too. */
    void decisionRecordIsAppendOnly() {
        String pi = loanAtSingleApproval();
        var dataSource = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource();
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        String application = String.valueOf(engine.getRuntimeService().getVariable(pi, "applicationId"));
        List<Map<String, Object>> before = jdbc.sql("SELECT * FROM decision_record WHERE application_id = ? ORDER BY id")
                .param(application).query().listOfRows();
        assertThat(before).extracting(row -> String.valueOf(row.get("duty")))
                .containsExactly("INTAKE", "BUREAU_QUERY", "INVESTIGATION", "SCORING", "CREDIT_REPORT");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "UPDATE decision_record SET actor = 'someone-else' WHERE application_id = ?").param(application).update()))
                .as("update").isNotNull().hasStackTraceContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "DELETE FROM decision_record WHERE application_id = ?").param(application).update()))
                .as("delete").isNotNull().hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("SELECT * FROM decision_record WHERE application_id = ? ORDER BY id").param(application)
                .query().listOfRows()).isEqualTo(before);
    }

    /** Loan events come from core banking; a repayment closes a loan only after two people confirmed it. */
    void postLoanEventsComeFromCoreBankingAndClosingTakesTwoPeople() {
        String number = "LN-ATK-" + System.nanoTime();
        monitoring.handOver(new LoanRecord(number, "APP-" + number, "pi", "攻击测试 Attack", "RETAIL_STORE", "CREDIT", "NONE", "A",
                85, new java.math.BigDecimal("100000"), new java.math.BigDecimal("100000"), 24, BankClock.today(),
                BankClock.today().plusMonths(24), new java.math.BigDecimal("100000"), 0, "NORMAL", "T1", "am1", "inv1",
                "apr1", "ACTIVE"));
        String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        State before = state(pi);
        Map<String, Object> repaid = Map.of("eventId", "atk-" + number, "loanNumber", number, "type", "REPAID_IN_FULL",
                "occurredOn", BankClock.today().toString());
        for (String staff : List.of("am2", "am1", "ops1", "risk1")) {
            ResponseEntity<JsonNode> refused = post(staff, "/api/loan-events", repaid);
            assertThat(refused.getStatusCode()).as(staff).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("message").asText()).contains("核心系统", "core banking");
        }
        // Another account manager cannot raise a warning on am1's loan through the form either.
        ResponseEntity<JsonNode> warning = post("am2", "/engine-rest/process-definition/key/early-warning-report/submit-form",
                variables(Map.of("warningLoanNumber", number, "warningType", "LITIGATION", "warningOccurredOn",
                        BankClock.today().toString(), "warningDescription", "听说被起诉了 heard of a lawsuit")));
        assertThat(warning.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(register.find(number).orElseThrow()).satisfies(loan -> {
            assertThat(loan.status()).isEqualTo("ACTIVE");
            assertThat(loan.tier()).isEqualTo("T1");
        });
        assertThat(state(pi)).isEqualTo(before);

        // Core banking reports the repayment: the loan waits for two people, it is not closed.
        assertThat(post("corebank", "/api/loan-events", repaid).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register.find(number).orElseThrow().status()).isEqualTo("CLOSING");
        assertThat(post("ops1", "/engine-rest/task/" + task(pi, "Task_ConfirmClosingBalance") + "/submit-form", variables(Map.of(
                "closingBalanceConfirmed", "YES", "confirmedBalance", 0, "closingEvidence", "CB-" + number)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String approval = task(pi, "Task_ApproveClosing");
        State confirmed = state(pi);
        ResponseEntity<JsonNode> alone = post("ops1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "closingApproved", "YES", "closingApprovalOpinion", "自己复核 my own check")));
        assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(alone)).contains("Four eyes");
        assertThat(state(pi)).isEqualTo(confirmed);
        assertThat(register.find(number).orElseThrow().status()).isEqualTo("CLOSING");
        assertThat(post("risk1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "closingApproved", "YES", "closingApprovalOpinion", "流水已核 statement checked"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        assertThat(register.find(number).orElseThrow().status()).isEqualTo("REPAID");
    }

    /** Impossible or far-away dates, amounts out of range and oversized bodies: 400 naming the field, nothing written. */
    void badInputIsRefusedNamingTheField() {
        String pi = loanAtSingleApproval();
        String approval = task(pi, "Task_ApproveSingle");
        State atApproval = state(pi);
        ResponseEntity<JsonNode> huge = post("apr1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "approvalDecision", "APPROVE_MODIFIED", "approvedAmount", 5e12, "approvedTermMonths", 12,
                "approvalOpinion", "改批 changed")));
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(huge)).contains("“批准金额”不能大于", "\"Approved amount (CNY)\" must be at most 100000000");
        String padding = "很长".repeat(600_000);
        ResponseEntity<JsonNode> oversized = post("apr1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "approvalDecision", "APPROVE", "approvalOpinion", padding)));
        assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oversized.getBody()).as("%s", oversized.getBody()).isNotNull();
        assertThat(oversized.getBody().path("field").asText()).as("%s", oversized.getBody()).isEqualTo("body");
        assertThat(state(pi)).isEqualTo(atApproval);

        assertThat(post("apr1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of("approvalDecision", "APPROVE",
                "approvalOpinion", "同意 agree"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String contract = task(pi, "Task_SignContract");
        State atContract = state(pi);
        ResponseEntity<JsonNode> impossible = post("ops1", "/engine-rest/task/" + contract + "/submit-form", variables(Map.of(
                "contractNumber", "HT-BAD-0001", "contractSignedOn", "2026-02-30", "conditionsFulfilled", true)));
        assertThat(impossible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(impossible)).contains("“签约日期”不是有效日期", "\"Signed on (YYYY-MM-DD)\" is not a real date").doesNotContain("ENGINE-");
        assertThat(state(pi)).isEqualTo(atContract);
        assertThat(post("ops1", "/engine-rest/task/" + contract + "/submit-form", variables(Map.of("contractNumber",
                "HT-BAD-0001", "contractSignedOn", TODAY, "conditionsFulfilled", true))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String disbursement = task(pi, "Task_Disburse");
        State atDisbursement = state(pi);
        String tenYears = java.time.LocalDate.parse(TODAY).plusYears(10).toString();
        ResponseEntity<JsonNode> farAway = post("ops1", "/engine-rest/task/" + disbursement + "/submit-form", variables(Map.of(
                "disbursedAmount", 100000, "disbursementAccount", "6222020200112233", "disbursedOn", tenYears)));
        assertThat(farAway.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(farAway)).contains("“放款日期”不得晚于", "may not be after");
        assertThat(state(pi)).isEqualTo(atDisbursement);
    }

    /** Several people completing the same task at once: one wins, the others get 409 or 404, never 500. */
    void concurrentCompletionsNeverAnswer500() throws Exception {
        for (int round = 0; round < 5; round++) {
            concurrentCompletionsRound();
        }
    }

    private void concurrentCompletionsRound() throws Exception {
        ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                variables(LoanFixtures.startForm("3-retail-store")));
        String pi = started.getBody().get("id").asText();
        String bureau = task(pi, "Task_QueryCreditBureau");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
            for (String user : List.of("ops1", "ops2", "ops1", "ops2", "ops1", "ops2")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(user, "/engine-rest/task/" + bureau + "/submit-form",
                            variables(LoanFixtures.bureauForm("3-retail-store")));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                ResponseEntity<JsonNode> r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.getStatusCode().value());
                if (r.getStatusCode().value() == 409) {
                    assertThat(message(r)).contains("请刷新后重试", "reload and try again");
                }
            }
            assertThat(statuses).as("statuses %s", statuses).containsOnlyOnce(204)
                    .allMatch(status -> status == 204 || status == 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(bureau).finished().count()).isEqualTo(1);
    }

    /** A risk manager deploys a diagram that would run code: refused naming the element, nothing deployed. */
    void deployingCodeIsRefused() {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_Attack" targetNamespace="http://attack">
                  <bpmn:process id="attack-process" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Attack"/>
                    <bpmn:serviceTask id="Task_ReadEverything" camunda:expression="${execution.getProcessEngineServices().getIdentityService()}"/>
                    <bpmn:sequenceFlow id="Flow_Attack" sourceRef="StartEvent_Attack" targetRef="Task_ReadEverything"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("deployment-name", "attack");
        body.add("attack.bpmn", new org.springframework.core.io.ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "attack.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> refused = rest.withBasicAuth("risk1", "demo").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(refused)).contains("部署被拒绝", "attack.bpmn Task_ReadEverything", "不允许字符 '.'");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("attack-process").count())
                .isZero();
    }

    /**
     * A changed table, proposed by one risk manager and activated by another, reaches new loans only:
     * a loan in flight keeps the table (and forms) of its own release.
     */
    void activatedChangesReachNewLoansOnly() throws Exception {
        String inFlight = loanAtSingleApproval();
        String original = java.nio.file.Files.readString(java.nio.file.Path.of("processes/credit-limit.dmn"));
        String raised = original.replace("<outputEntry id=\"Out_ProductTerms_Credit_MinAmount\"><text>10000</text>",
                "<outputEntry id=\"Out_ProductTerms_Credit_MinAmount\"><text>200000</text>");
        assertThat(raised).isNotEqualTo(original);
        try {
            propose("risk1", "credit-limit.dmn", raised, "risk2");
            // The loan in flight approves its suggested 100,000 under its own release's minimum of 10,000.
            assertThat(post("apr1", "/engine-rest/task/" + task(inFlight, "Task_ApproveSingle") + "/submit-form", variables(Map.of(
                    "approvalDecision", "APPROVE", "approvalOpinion", "在途贷款 in flight"))).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            // A new loan uses the activated table: 100,000 is now below the credit loan's minimum of 200,000.
            String fresh = loanAtSingleApproval();
            ResponseEntity<JsonNode> belowMinimum = post("apr1", "/engine-rest/task/" + task(fresh, "Task_ApproveSingle")
                    + "/submit-form", variables(Map.of("approvalDecision", "APPROVE", "approvalOpinion", "新贷款 new loan")));
            assertThat(belowMinimum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(message(belowMinimum)).contains("minimum of 200000");
        } finally {
            propose("risk2", "credit-limit.dmn", original, "risk1");
        }
    }

    private void propose(String proposer, String file, String content, String activator) throws Exception {
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("deployment-name", "modeler " + file);
        body.add(file, new org.springframework.core.io.ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> proposed = rest.withBasicAuth(proposer, "demo").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(proposed.getStatusCode()).as("%s", proposed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = message(proposed).replaceAll("(?s).*?(CP-\\d{8}-[0-9A-F]{8}).*", "$1");
        ResponseEntity<JsonNode> activated = post(activator, "/api/change-proposals/" + id + "/activate", Map.of("note", "复核 reviewed"));
        assertThat(activated.getStatusCode()).as("%s", activated.getBody()).isEqualTo(HttpStatus.OK);
    }

    /**
     * The credit report is stored once and read through the platform's API: the approval form's
     * link opens with the Tasklist session, which reads but never writes through /api (no
     * cross-site requests in a signed-in browser's name); core banking does not read reports.
     */
    void tasklistSessionReadsTheReportButWritesNothingThroughTheApi() throws Exception {
        String pi = loanAtSingleApproval();
        String application = String.valueOf(engine.getRuntimeService().getVariable(pi, "applicationId"));
        String link = String.valueOf(engine.getTaskService().getVariableLocal(task(pi, "Task_ApproveSingle"), "reportLink"));
        assertThat(link).isEqualTo("/api/credit-reports/" + application);
        String base = rest.getRootUri();
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        var login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=apr1&password=demo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        var report = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).startsWith('P', 'K');
        assertThat(report.headers().firstValue("X-Content-SHA256")).contains(
                String.valueOf(engine.getRuntimeService().getVariable(pi, "creditReportSha256")));
        var write = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/loan-events"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as("a session does not authorize writes to /api").isEqualTo(401);
        assertThat(rest.withBasicAuth("corebank", "demo").getForEntity(link, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * The dead end of the issue: no knockout, but existing debts use up the grade's DSR cap, so the
     * model's limit is 0. The model suggests decline, approving is refused, and declining leads out.
     */
    void aLoanWithNoLendableAmountCannotBeApprovedButCanBeDeclined() {
        Map<String, Object> start = LoanFixtures.startForm("3-retail-store");
        start.put("amount", 20_000.0); // a small request, so that only the existing debts stand in the way
        Map<String, Object> checklist = LoanFixtures.checklist("3-retail-store");
        // Find, with the risk engine the platform runs, an existing instalment that leaves no lendable amount without a knockout.
        var engineLocal = cn.smartfactory.lending.scoring.RiskEngine.standalone();
        var mapper = new cn.smartfactory.lending.origination.InvestigationVariables(
                cn.smartfactory.lending.industry.IndustryCatalog.fromClasspath());
        Integer instalment = null;
        for (int monthly = 100; monthly <= 60_000 && instalment == null; monthly += 100) {
            Map<String, Object> values = new java.util.HashMap<>(start);
            values.putAll(LoanFixtures.bureauForm("3-retail-store"));
            values.putAll(checklist);
            values.putAll(Map.of("debt1Lender", "农商行 Rural bank", "debt1Outstanding", monthly * 24, "debt1Instalment", monthly));
            values.put("applicationId", "APP-PROBE");
            var assessment = engineLocal.assess(mapper.map(values).record());
            if (!assessment.knockedOut() && assessment.creditLimit().suggested().compareTo(new java.math.BigDecimal("10000")) < 0) {
                instalment = monthly;
            }
        }
        assertThat(instalment).as("an instalment that leaves less than the product minimum, without a knockout").isNotNull();
        checklist.putAll(Map.of("debt1Lender", "农商行 Rural bank", "debt1Outstanding", instalment * 24, "debt1Instalment", instalment));

        ResponseEntity<JsonNode> started = post("am1", "/engine-rest/process-definition/key/loan-origination/submit-form",
                variables(start));
        String pi = started.getBody().get("id").asText();
        assertThat(post("ops1", "/engine-rest/task/" + task(pi, "Task_QueryCreditBureau") + "/submit-form",
                variables(LoanFixtures.bureauForm("3-retail-store"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("inv1", "/engine-rest/task/" + task(pi, "Task_InvestigateOnSite") + "/submit-form",
                variables(checklist)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runJobs(pi);
        assertThat(engine.getRuntimeService().getVariable(pi, "suggestion")).isEqualTo("DECLINE");
        assertThat((Double) engine.getRuntimeService().getVariable(pi, "suggestedAmount")).isLessThan(10_000.0);
        String approval = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
        State before = state(pi);
        ResponseEntity<JsonNode> approve = post("apr1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of(
                "approvalDecision", "APPROVE", "approvalOpinion", "照建议批准 as suggested")));
        assertThat(approve.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(approve)).contains("“审批结论”:", "below the Credit loan minimum");
        assertThat(state(pi)).isEqualTo(before);
        assertThat(post("apr1", "/engine-rest/task/" + approval + "/submit-form", variables(Map.of("approvalDecision", "DECLINE",
                "declineReasonCode", "CASH_FLOW", "approvalOpinion", "已有负债占满偿债能力 existing debts use up the capacity")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_DeclinedByApproval");
    }

    String task(String pi, String key) {
        var tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list();
        assertThat(tasks).as("open %s of %s", key, pi).hasSize(1);
        return tasks.get(0).getId();
    }

    void runJobs(String pi) {
        var management = engine.getManagementService();
        var jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        while (!jobs.isEmpty()) {
            jobs.forEach(j -> management.executeJob(j.getId()));
            jobs = management.createJobQuery().processInstanceId(pi).executable().list();
        }
    }

    static String message(ResponseEntity<JsonNode> response) {
        return response.getBody() == null ? "" : String.valueOf(response.getBody().path("message").asText(response.getBody().toString()));
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

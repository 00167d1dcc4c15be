package cn.smartfactory.lending.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allowlist of what a deployed diagram or table may contain, rule by rule. */
class DeploymentAllowlistTest {

    private static final Set<String> BEANS = Set.of("formRules", "scoreApplicationDelegate", "segregationOfDuties");

    @ParameterizedTest
    @ValueSource(strings = {"${approvalDecision == 'APPROVE' || approvalDecision == 'APPROVE_MODIFIED'}", "${!knockedOut}",
            "${daysOverdue > 30}", "${escalate || monitoringTier == 'T3'}", "${amount * 2 >= 100000 and not empty grade}",
            "${closingBalanceConfirmed != 'YES' || closingApproved != 'YES'}", "${investigationForm}", "P3M", "plain text",
            "${a ? 'x' : \"y\"}", "${(amount + 1) / 2 % 3 - 1 < 4}"})
    void variableComparisonsAndArithmeticPass(String expression) {
        assertThat(ExpressionAllowlist.check(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${execution.getProcessEngineServices().getRuntimeService()}", "${execution.processEngine}",
            "${Runtime.getRuntime()}", "${''.getClass().forName('java.lang.Runtime')}", "${list[0]}", "${fn:upper(x)}",
            "${exec(x)}", "#{x.y}", "${'unterminated}"})
    void anythingThatReachesIntoJavaIsRefused(String expression) {
        assertThat(ExpressionAllowlist.check(expression)).as(expression).isPresent();
    }

    @Test
    void delegatesArePlatformBeansByName() {
        assertThat(ExpressionAllowlist.checkDelegate("${formRules}", BEANS)).isEmpty();
        assertThat(ExpressionAllowlist.checkDelegate("${somethingElse}", BEANS)).get().asString().contains("somethingElse");
        assertThat(ExpressionAllowlist.checkDelegate("${formRules.notify(task)}", BEANS)).isPresent();
    }

    @Test
    void everyShippedDiagramAndTablePasses() throws IOException {
        Set<String> beans = Set.of("formRules", "segregationOfDuties", "stepRecord", "closingConfirmation", "reportLink",
                "approvalRecorder", "screenOutcome", "loanClosure", "investigationCheck", "committeeVoteRecorder", "warningTask",
                "scoreApplicationDelegate", "recordWarning", "handOverToMonitoringDelegate", "generateCreditReportDelegate",
                "disbursementCheck", "applicationIntake", "checkSchedule", "checkOutcome", "monitoringRecord",
                "customerApplications", "campaignOpening", "leadDispatch", "campaignClosing", "campaignReview", "outreachTask",
                "outreachRecorder", "applicationOutcome", "leadClosing", "overdueEscalation", "followUpCandidates",
                "monthlyOfficerEvaluation", "assembleDossier", "accountabilityReview", "classificationUpgrade",
                "repaymentPlanPreview");
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
                assertThat(DeploymentAllowlist.problems(file.getFileName().toString(), Files.readAllBytes(file), beans))
                        .as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void codeInADiagramIsRefusedNamingTheElement() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://x">
                  <bpmn:process id="evil" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_1"/>
                    <bpmn:serviceTask id="Task_Class" camunda:class="com.example.Evil"/>
                    <bpmn:serviceTask id="Task_Expression" camunda:expression="${execution.getProcessEngineServices()}"/>
                    <bpmn:serviceTask id="Task_Delegate" camunda:delegateExpression="${dataSource}"/>
                    <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Class">
                      <bpmn:conditionExpression language="groovy">true</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        List<String> problems = DeploymentAllowlist.problems("evil.bpmn", bpmn.getBytes(StandardCharsets.UTF_8), BEANS);
        assertThat(String.join("\\n", problems)).contains("evil.bpmn Task_Class: 不允许 class", "Task_Expression expression",
                "Task_Delegate delegateExpression: 'dataSource'", "Task_Script: 不允许脚本", "Flow_1", "language=groovy");
    }

    /** Ways around a naive check: a shell task, an expression split by CDATA, listener attributes without a prefix. */
    @Test
    void disguisedCodeIsRefusedToo() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://x">
                  <bpmn:process id="disguised" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_1">
                      <bpmn:extensionElements>
                        <camunda:executionListener class="com.example.Evil" event="start"/>
                        <camunda:executionListener delegateExpression="${dataSource}" event="end"/>
                      </bpmn:extensionElements>
                    </bpmn:startEvent>
                    <bpmn:serviceTask id="Task_Shell" camunda:type="shell"/>
                    <bpmn:sequenceFlow id="Flow_Split" sourceRef="StartEvent_1" targetRef="Task_Shell">
                      <bpmn:conditionExpression>$<![CDATA[{''.getClass().forName('java.lang.Runtime')}]]></bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        List<String> problems = DeploymentAllowlist.problems("disguised.bpmn", bpmn.getBytes(StandardCharsets.UTF_8), BEANS);
        assertThat(String.join("\n", problems)).contains("StartEvent_1: 不允许 class", "StartEvent_1 delegateExpression: 'dataSource'",
                "Task_Shell: 不允许 camunda:type", "Flow_Split: 不允许字符 '.'");
        // A diagram named like a table is still checked as a diagram.
        assertThat(DeploymentAllowlist.problems("disguised.dmn.bpmn", bpmn.getBytes(StandardCharsets.UTF_8), BEANS))
                .anyMatch(p -> p.contains("Flow_Split"));
    }

    @Test
    void feelCallingJavaAndOtherLanguagesAreRefusedInTables() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Defs" name="x" namespace="http://x">
                  <decision id="evil-table" name="x">
                    <decisionTable id="Table_1">
                      <input id="Input_1"><inputExpression id="Expr_1" typeRef="string" expressionLanguage="juel"><text>${x}</text></inputExpression></input>
                      <output id="Output_1" name="y" typeRef="string"/>
                      <rule id="Rule_1"><inputEntry id="In_1"><text>-</text></inputEntry>
                        <outputEntry id="Out_1"><text>function(a) external {java: {class: "java.lang.Runtime", method signature: "getRuntime()"}}</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        List<String> problems = DeploymentAllowlist.problems("evil.dmn", dmn.getBytes(StandardCharsets.UTF_8), BEANS);
        assertThat(String.join("\\n", problems)).contains("Expr_1: 只允许 FEEL", "Out_1: FEEL 不允许调用 Java");
    }
}

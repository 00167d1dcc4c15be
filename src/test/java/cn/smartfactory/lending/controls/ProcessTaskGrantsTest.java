package cn.smartfactory.lending.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Grants per role and process: a task whose candidate group the diagram names needs no row of its
 * own (nor its assignee, a member of that group); a group chosen at run time, and an assignee from
 * outside the named groups, keep the engine's row per task; definitions deployed without the
 * grants get them at the next start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessTaskGrantsTest {

    private static final String PROBE = "task-grants-probe";

    @Autowired
    private ProcessEngine engine;

    @Test
    void namedGroupsAreGrantedOnceAndComputedOnesPerTask() {
        deployProbe();
        AuthorizationService authorizations = engine.getAuthorizationService();
        assertThat(definitionGrant("investigators")).isNotNull();
        assertThat(definitionGrant("investigators").isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).isTrue();
        assertThat(definitionGrant("investigators").isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
        assertThat(definitionGrant("investigators").isPermissionGranted(ProcessDefinitionPermissions.READ_TASK_VARIABLE)).isTrue();
        assertThat(definitionGrant("investigators").isPermissionGranted(ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE)).isFalse();
        assertThat(definitionGrant("approvers")).as("a group chosen at run time is not granted on the process").isNull();

        String pi = engine.getRuntimeService().startProcessInstanceByKey(PROBE,
                Variables.createVariables().putValue("group", "approvers").putValue("assignee", "am1")).getId();
        Task named = task(pi, "Task_Named");
        Task computed = task(pi, "Task_Computed");
        Task outsider = task(pi, "Task_AssignedOutside");
        assertThat(taskRows(named.getId())).isEmpty();
        assertThat(taskRows(computed.getId())).extracting(Authorization::getGroupId).containsExactly("approvers");
        assertThat(taskRows(outsider.getId())).extracting(Authorization::getUserId).containsExactly("am1");

        engine.getTaskService().claim(named.getId(), "inv1");
        assertThat(taskRows(named.getId())).as("an assignee from the named group").isEmpty();
        engine.getTaskService().setAssignee(named.getId(), "apr1");
        assertThat(taskRows(named.getId())).as("an assignee from outside it").extracting(Authorization::getUserId)
                .containsExactly("apr1");

        // The investigator sees the named task through the grant, the approver the computed one through its row.
        engine.getIdentityService().setAuthentication("inv1", List.of("investigators"));
        try {
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).list()).extracting(Task::getTaskDefinitionKey)
                    .containsExactlyInAnyOrder("Task_Named", "Task_Computed", "Task_AssignedOutside");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getIdentityService().setAuthentication("apr2", List.of("approvers"));
        try {
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).list()).extracting(Task::getTaskDefinitionKey)
                    .containsExactly("Task_Computed");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getRuntimeService().deleteProcessInstance(pi, "probe done");

        // A grant lost (or a definition deployed before the grants existed) comes back at the next start.
        authorizations.deleteAuthorization(definitionGrant("investigators").getId());
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        EngineControlsPlugin plugin = (EngineControlsPlugin) configuration.getProcessEnginePlugins().stream()
                .map(p -> unwrap(p)).filter(EngineControlsPlugin.class::isInstance).findFirst().orElseThrow();
        plugin.postProcessEngineBuild(engine);
        assertThat(definitionGrant("investigators")).isNotNull();
        assertThat(definitionGrant("investigators").isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
    }

    private static ProcessEnginePlugin unwrap(ProcessEnginePlugin plugin) {
        if (plugin instanceof org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin composite) {
            return composite.getPlugins().stream().filter(EngineControlsPlugin.class::isInstance).findFirst().orElse(plugin);
        }
        return plugin;
    }

    private void deployProbe() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROBE).count() > 0) {
            return;
        }
        var model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1).startEvent("StartEvent_Probe")
                .parallelGateway("Gateway_Split")
                .userTask("Task_Named").camundaCandidateGroups("investigators").endEvent("EndEvent_Named")
                .moveToNode("Gateway_Split").userTask("Task_Computed").camundaCandidateGroups("${group}").endEvent("EndEvent_Computed")
                .moveToNode("Gateway_Split").userTask("Task_AssignedOutside").camundaCandidateGroups("investigators")
                .camundaAssignee("${assignee}").endEvent("EndEvent_Outside")
                .done();
        engine.getRepositoryService().createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", model).deploy();
    }

    private Authorization definitionGrant(String group) {
        return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(PROBE).singleResult();
    }

    private List<Authorization> taskRows(String taskId) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list();
    }

    private Task task(String pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    }
}

package cn.smartfactory.lending.controls;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.camunda.bpm.engine.rest.exception.RestException;

import cn.smartfactory.lending.forms.FormRules;
import jakarta.ws.rs.core.Response;
import cn.smartfactory.lending.forms.FormSchema;

/**
 * The checks on each command of a person's work, run inside the command's transaction before the
 * command itself: a refusal leaves nothing written. Staff start a process only at its start event
 * with its start form's fields; work only tasks of their candidate groups, submitting exactly the
 * fields the task's form shows; hand a task only to another member of its candidate groups, and never
 * delegate a decision. On decision tasks (BPMN extension property {@value #DECISION_PROPERTY}) the
 * submission is stored on the task itself, so two signatures or three votes never overwrite each
 * other; the task's listeners copy what the process needs.
 */
final class StaffActions {

    /** Marks a user task whose submission is one person's decision. */
    static final String DECISION_PROPERTY = "lending.decision";

    private final ProcessEngineConfigurationImpl configuration;
    private volatile FormRules formRules;

    StaffActions(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @SuppressWarnings("unchecked")
    <T> T run(Command<T> command, Authentication caller, CommandContext ctx) {
        String user = caller.getUserId();
        switch (CommandPolicy.name(command.getClass())) {
            case "StartProcessInstanceCmd" -> start(field(command, "instantiationBuilder"), ctx);
            case "SubmitStartFormCmd" -> {
                refuseBusinessKey(field(command, "businessKey"));
                startForm(field(command, "processDefinitionId"), field(command, "variables"), ctx);
            }
            case "CompleteTaskCmd", "ResolveTaskCmd" -> {
                TaskEntity task = workableTask(field(command, "taskId"), caller, ctx);
                Map<String, Object> accepted = submission(task, field(command, "variables"), ctx);
                boolean returnVariables = field(command, "returnVariables");
                boolean deserialize = field(command, "deserializeReturnedVariables");
                Map<String, Object> processScope = storeDecisionOnTask(task, accepted, ctx);
                Command<?> checked = command instanceof ResolveTaskCmd
                        ? new ResolveTaskCmd(task.getId(), processScope)
                        : new CompleteTaskCmd(task.getId(), processScope, returnVariables, deserialize);
                return (T) checked.execute(ctx);
            }
            case "SubmitTaskFormCmd" -> {
                TaskEntity task = workableTask(field(command, "taskId"), caller, ctx);
                Map<String, Object> accepted = submission(task, field(command, "properties"), ctx);
                boolean returnVariables = field(command, "returnVariables");
                boolean deserialize = field(command, "deserializeValues");
                Map<String, Object> processScope = storeDecisionOnTask(task, accepted, ctx);
                return (T) new SubmitTaskFormCmd(task.getId(), processScope, returnVariables, deserialize).execute(ctx);
            }
            case "ClaimTaskCmd" -> handOver(task(field(command, "taskId"), ctx), field(command, "userId"), caller, ctx, false);
            case "AssignTaskCmd" -> handOver(task(field(command, "taskId"), ctx), field(command, "userId"), caller, ctx, false);
            case "DelegateTaskCmd" -> handOver(task(field(command, "taskId"), ctx), field(command, "userId"), caller, ctx, true);
            case "SetTaskFollowUpDateCmd" -> workableTask(field(command, "taskId"), caller, ctx);
            case "AddCommentCmd" -> {
                String taskId = field(command, "taskId");
                if (taskId == null) {
                    throw new ControlRefused("COMMENT_ON_TASK", "只能在自己的任务上添加备注",
                            "staff comment on their own tasks only, not on whole processes");
                }
                workableTask(taskId, caller, ctx);
            }
            case "SaveUserCmd" -> {
                User saved = field(command, "user");
                if (saved == null || !user.equals(saved.getId())
                        || ctx.getReadOnlyIdentityProvider().findUserById(saved.getId()) == null) {
                    throw new ControlRefused("OWN_PROFILE", "只能修改本人资料", "staff may change only their own profile");
                }
            }
            default -> {
                // deploying, filters, table evaluation: the engine's authorizations decide
            }
        }
        return command.execute(ctx);
    }

    /** A task that is gone: completed by someone else a moment ago (409, reload) or never there (404). */
    private RestException missing(String taskId, CommandContext ctx) {
        boolean completed = taskId != null && ctx.runWithoutAuthorization(() -> configuration.getHistoryService()
                .createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
        return completed ? new RestException(Response.Status.CONFLICT, EngineBoundaryGuard.CONCURRENT)
                : new RestException(Response.Status.NOT_FOUND, "任务 " + taskId + " 不存在 / there is no task " + taskId);
    }

    private void start(ProcessInstantiationBuilderImpl builder, CommandContext ctx) {
        ProcessInstanceModificationBuilderImpl modification = builder.getModificationBuilder();
        if (modification != null && !modification.getModificationOperations().isEmpty()) {
            throw new ControlRefused("START_AT_START_EVENT", "从开始事件以外的节点启动流程仅限系统管理员",
                    "starting a process anywhere but at its start event is reserved to administrators");
        }
        if (modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings())) {
            throw new ControlRefused("NO_SKIPPING", "跳过监听器或输入输出映射仅限系统管理员",
                    "skipping listeners or input/output mappings is reserved to administrators");
        }
        refuseBusinessKey(builder.getBusinessKey());
        if (builder.getRestartedProcessInstanceId() != null || builder.getCaseInstanceId() != null) {
            throw new ControlRefused("START_AT_START_EVENT", "重启或由案例启动流程仅限系统管理员",
                    "restarting a process or starting it from a case is reserved to administrators");
        }
        ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
                ? configuration.getDeploymentCache().findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
                : configuration.getDeploymentCache().findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
        VariableMap variables = builder.getVariables() == null ? Variables.createVariables()
                : Variables.fromMap(builder.getVariables());
        Map<String, Object> accepted = startSubmission(definition.getId(), variables, ctx);
        if (builder.getVariables() != null) {
            builder.getVariables().keySet().retainAll(accepted.keySet());
        }
    }

    /** The platform names each application itself; a chosen key could join another loan's record. */
    private static void refuseBusinessKey(String businessKey) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw new SubmissionRefused(List.of(new cn.smartfactory.lending.investigation.Violation("businessKey", "PLATFORM_SET",
                    "is set by the platform and may not be given", "由平台生成,不能指定", "业务编号 Business key")));
        }
    }

    private void startForm(String processDefinitionId, VariableMap variables, CommandContext ctx) {
        Map<String, Object> accepted = startSubmission(processDefinitionId, variables == null ? Variables.createVariables() : variables, ctx);
        if (variables != null) {
            variables.keySet().retainAll(accepted.keySet());
        }
    }

    private Map<String, Object> startSubmission(String processDefinitionId, VariableMap variables, CommandContext ctx) {
        FormData form = ctx.runWithoutAuthorization(new GetStartFormCmd(processDefinitionId));
        if (form == null || form.getFormKey() == null && form.getCamundaFormRef() == null) {
            throw new ControlRefused("PLATFORM_STARTED", "该流程没有开始表单,只能由平台启动",
                    "this process has no start form and is started by the platform only");
        }
        FormSchema.Submission submission = ctx.runWithoutAuthorization(
                () -> formRules().checkStartSubmission(processDefinitionId, variables));
        if (submission.refused()) {
            throw new SubmissionRefused(submission.violations());
        }
        return submission.accepted();
    }

    /** The fields the task's form accepts from this person, or a refusal naming each other field. */
    private Map<String, Object> submission(TaskEntity task, Map<String, Object> submitted, CommandContext ctx) {
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        FormData form = ctx.runWithoutAuthorization(new GetTaskFormCmd(task.getId()));
        if (form == null || form.getFormKey() == null && form.getCamundaFormRef() == null) {
            if (!values.isEmpty()) {
                throw new SubmissionRefused(List.of(new cn.smartfactory.lending.investigation.Violation(
                        values.keySet().iterator().next(), "NOT_ON_FORM", "may not be submitted: this task has no form",
                        "不能提交:该任务没有表单")));
            }
            return Map.of();
        }
        Map<String, Object> current = task.getVariables();
        FormSchema.Submission submission = ctx.runWithoutAuthorization(
                () -> formRules().checkTaskSubmission(task.getId(), values, current));
        if (submission.refused()) {
            throw new SubmissionRefused(submission.violations());
        }
        return submission.accepted();
    }

    /** On a decision task everything submitted stays on the task; elsewhere it goes to the process as usual. */
    private Map<String, Object> storeDecisionOnTask(TaskEntity task, Map<String, Object> accepted, CommandContext ctx) {
        if (!isDecisionTask(task)) {
            return accepted;
        }
        ctx.runWithoutAuthorization(() -> {
            task.setVariablesLocal(accepted);
            return null;
        });
        return Map.of();
    }

    private TaskEntity task(String taskId, CommandContext ctx) {
        return taskId == null ? null : ctx.getTaskManager().findTaskById(taskId);
    }

    /** The task, if this person may work it: its assignee, or a candidate while nobody has claimed it. */
    private TaskEntity workableTask(String taskId, Authentication caller, CommandContext ctx) {
        TaskEntity task = task(taskId, ctx);
        if (task == null) {
            throw missing(taskId, ctx);
        }
        String user = caller.getUserId();
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new ControlRefused("NOT_YOUR_TASK", "该任务已由 " + task.getAssignee() + " 认领",
                    "this task is claimed by " + task.getAssignee());
        }
        if (task.getAssignee() == null && !isCandidate(task, user, caller.getGroupIds())) {
            throw new ControlRefused("NOT_A_CANDIDATE", "只有该任务候选组的成员可以办理", "only members of the task's candidate groups may work it");
        }
        return task;
    }

    /**
     * Claim, assignment or delegation: the person acting must be able to work the task, and the task
     * may go only to a member of its candidate groups; decisions are not delegated.
     */
    private void handOver(TaskEntity task, String to, Authentication caller, CommandContext ctx, boolean delegation) {
        if (task == null) {
            return; // the command answers "not found" itself
        }
        String user = caller.getUserId();
        if (to == null) {
            if (delegation || task.getAssignee() != null && !task.getAssignee().equals(user)) {
                throw new ControlRefused("NOT_YOUR_TASK", "只有认领人可以退回该任务", "only the person who claimed a task may release it");
            }
            return;
        }
        if (delegation && isDecisionTask(task)) {
            throw new ControlRefused("NO_DELEGATION", "审批、表决类任务不得委托他人", "decision tasks may not be delegated");
        }
        boolean actorMayWork = user.equals(task.getAssignee())
                || task.getAssignee() == null && isCandidate(task, user, caller.getGroupIds());
        if (!actorMayWork) {
            throw new ControlRefused("NOT_A_CANDIDATE", "只有该任务候选组的成员可以认领或分派",
                    "only members of the task's candidate groups may claim or assign it");
        }
        List<String> groupsOfTarget = user.equals(to) ? caller.getGroupIds() : ctx.runWithoutAuthorization(
                () -> configuration.getIdentityService().createGroupQuery().groupMember(to).list().stream()
                        .map(g -> g.getId()).toList());
        if (!isCandidate(task, to, groupsOfTarget)) {
            throw new ControlRefused("NOT_A_CANDIDATE", "任务只能交给其候选组的成员(" + to + " 不是)",
                    "a task may go only to a member of its candidate groups (" + to + " is not)");
        }
    }

    private static boolean isCandidate(TaskEntity task, String user, List<String> groups) {
        Set<String> mine = new HashSet<>(groups == null ? List.of() : groups);
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (user.equals(link.getUserId()) || link.getGroupId() != null && mine.contains(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }

    private boolean isDecisionTask(TaskEntity task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return false;
        }
        ProcessDefinitionEntity definition = configuration.getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        ActivityImpl activity = definition.findActivity(task.getTaskDefinitionKey());
        Map<String, String> properties = activity == null ? null : activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES);
        return properties != null && "true".equals(properties.get(DECISION_PROPERTY));
    }

    private FormRules formRules() {
        FormRules rules = formRules;
        if (rules == null) {
            rules = new FormRules(configuration.getFormService());
            formRules = rules;
        }
        return rules;
    }

    /** A command's field by name; {@code CommandFieldsTest} keeps the names true to the engine version. */
    @SuppressWarnings("unchecked")
    static <V> V field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + ": the engine version changed; update StaffActions");
    }
}

package cn.smartfactory.lending.controls;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What a signed-in member of staff (anyone not an administrator) may ask the engine to do, by
 * command: read (queries and look-ups; the engine's authorizations decide what they see), act (the
 * few commands of a person's daily work, each checked by {@link StaffActions}), or nothing else.
 * Unknown commands are refused, so an engine upgrade that adds one cannot open a hole;
 * {@code CommandPolicyTest} lists how every command of the engine and webapps is treated.
 */
final class CommandPolicy {

    enum Kind { READ, STAFF_ACTION, ADMINISTRATION }

    /** The commands of a person's work: starting at a start form, working their tasks, deploying (risk managers). */
    static final Set<String> STAFF_ACTIONS = Set.of(
            "StartProcessInstanceCmd", "SubmitStartFormCmd",
            "CompleteTaskCmd", "SubmitTaskFormCmd", "ResolveTaskCmd",
            "ClaimTaskCmd", "AssignTaskCmd", "DelegateTaskCmd", "SetTaskFollowUpDateCmd", "AddCommentCmd",
            "EvaluateDecisionCmd", "EvaluateDecisionTableCmd",
            "DeployCmd",
            "SaveUserCmd",
            "CreateFilterCmd", "SaveFilterCmd", "DeleteFilterCmd");

    /** Look-ups by name; the engine checks READ permissions on what they return. */
    private static final Pattern READ = Pattern.compile(
            "(Get|Find|Is|Check|Determine|AuthorizationCheck|ExecuteFilter|Query|ExecuteSingleQuery|ExecuteListQuery"
                    + "|TaskCountBy|HistoricTaskInstanceCountBy|ExecuteDuration|Create\\w*QueryCmd)\\w*");

    /** Named like look-ups but writing. */
    private static final Set<String> WRITES_NAMED_LIKE_READS = Set.of("GetNextIdBlockCmd");

    /** How a refused command is described to the person (the rule they ran into). */
    private static final Map<String, String[]> DESCRIPTIONS = Map.ofEntries(
            describe("StartProcessInstanceAtActivitiesCmd", "从开始事件以外的节点启动流程", "starting a process anywhere but at its start event"),
            describe("ModifyProcessInstanceCmd", "修改流程实例", "process-instance modification"),
            describe("ModifyProcessInstanceAsyncCmd", "修改流程实例", "process-instance modification"),
            describe("ProcessInstanceModificationBatchCmd", "修改流程实例", "process-instance modification"),
            describe("RestartProcessInstancesCmd", "重启流程实例", "restarting process instances"),
            describe("RestartProcessInstancesBatchCmd", "重启流程实例", "restarting process instances"),
            describe("SetTaskVariablesCmd", "在表单提交之外写变量", "writing variables outside a form submission"),
            describe("SetExecutionVariablesCmd", "在表单提交之外写变量", "writing variables outside a form submission"),
            describe("PatchTaskVariablesCmd", "在表单提交之外写变量", "writing variables outside a form submission"),
            describe("PatchExecutionVariablesCmd", "在表单提交之外写变量", "writing variables outside a form submission"),
            describe("RemoveTaskVariablesCmd", "在表单提交之外删除变量", "removing variables outside a form submission"),
            describe("RemoveExecutionVariablesCmd", "在表单提交之外删除变量", "removing variables outside a form submission"),
            describe("SetVariablesToProcessInstancesBatchCmd", "在表单提交之外写变量", "writing variables outside a form submission"),
            describe("CorrelateMessageCmd", "向流程发送消息", "correlating messages to processes"),
            describe("CorrelateAllMessageCmd", "向流程发送消息", "correlating messages to processes"),
            describe("SignalEventReceivedCmd", "向流程发送信号", "signalling processes"),
            describe("SignalCmd", "向流程发送信号", "signalling processes"),
            describe("DeleteProcessInstanceCmd", "删除流程实例", "deleting process instances"),
            describe("DeleteProcessInstancesCmd", "删除流程实例", "deleting process instances"),
            describe("DeleteHistoricProcessInstancesCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricProcessInstancesBatchCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricVariableInstanceCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricVariableInstancesByProcessInstanceIdCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricTaskInstanceCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricDecisionInstanceByInstanceIdCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricDecisionInstanceByDefinitionIdCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricDecisionInstancesBulkCmd", "删除历史", "deleting history"),
            describe("DeleteHistoricDecisionInstancesBatchCmd", "删除历史", "deleting history"),
            describe("DeleteUserOperationLogEntryCmd", "删除操作日志", "deleting the operation log"),
            describe("MigrateProcessInstanceCmd", "迁移流程实例", "migrating process instances"),
            describe("MigrateProcessInstanceBatchCmd", "迁移流程实例", "migrating process instances"),
            describe("SaveTaskCmd", "创建或直接修改任务", "creating or editing tasks directly"),
            describe("SetTaskOwnerCmd", "修改任务负责人", "changing a task's owner"),
            describe("AddUserIdentityLinkCmd", "修改任务候选人", "changing who may work a task"),
            describe("AddGroupIdentityLinkCmd", "修改任务候选组", "changing who may work a task"),
            describe("DeleteUserIdentityLinkCmd", "修改任务候选人", "changing who may work a task"),
            describe("DeleteGroupIdentityLinkCmd", "修改任务候选组", "changing who may work a task"),
            describe("SetJobRetriesCmd", "重试作业", "retrying jobs"),
            describe("ExecuteJobsCmd", "执行作业", "executing jobs"),
            describe("UnlockUserCmd", "解锁用户", "unlocking users"));

    private CommandPolicy() {
    }

    static Kind classify(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?>) {
            return Kind.READ;
        }
        return classifyName(name(command.getClass()));
    }

    static Kind classifyName(String name) {
        if (STAFF_ACTIONS.contains(name)) {
            return Kind.STAFF_ACTION;
        }
        if (READ.matcher(name).matches() && !WRITES_NAMED_LIKE_READS.contains(name)) {
            return Kind.READ;
        }
        return Kind.ADMINISTRATION;
    }

    /** The simple name of a command class, inner classes by their own name. */
    static String name(Class<?> type) {
        String name = type.getName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    static ControlRefused adminOnly(Command<?> command) {
        String name = name(command.getClass());
        String[] what = DESCRIPTIONS.getOrDefault(name, new String[] {"此操作(" + name + ")", "this operation (" + name + ")"});
        return new ControlRefused("ADMIN_ONLY", what[0] + "仅限系统管理员", what[1] + " is reserved to administrators");
    }

    private static Map.Entry<String, String[]> describe(String command, String zh, String en) {
        return Map.entry(command, new String[] {zh, en});
    }
}

package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import cn.smartfactory.lending.identity.Role;
import jakarta.ws.rs.core.Response;

/**
 * The first interceptor of every command a person sends (REST, webapps, the platform's API acting as
 * the caller): commands of administrators, of jobs and of the platform itself (no signed-in user),
 * and commands nested in a command already let through pass; for everyone else the
 * {@link CommandPolicy} decides, and staff actions are checked by {@link StaffActions} in the
 * command's own transaction.
 */
final class EngineBoundaryGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final StaffActions actions;
    private final java.util.function.Supplier<DeploymentProposals> proposals;
    private final java.util.function.Supplier<java.util.Set<String>> platformBeans;

    EngineBoundaryGuard(ProcessEngineConfigurationImpl configuration, java.util.function.Supplier<DeploymentProposals> proposals,
                        java.util.function.Supplier<java.util.Set<String>> platformBeans) {
        this.configuration = configuration;
        this.actions = new StaffActions(configuration);
        this.proposals = proposals;
        this.platformBeans = platformBeans;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || command instanceof cn.smartfactory.lending.decision.InternalLookup) {
            return next.execute(command);
        }
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return next.execute(command); // jobs and the platform: the engine's own retry handling applies
        }
        try {
            if (isAdministrator(caller)) {
                return next.execute(command);
            }
            if (command instanceof org.camunda.bpm.engine.impl.cmd.DeployCmd) {
                throw propose(command, caller);
            }
            return switch (CommandPolicy.classify(command)) {
                case READ -> next.execute(command);
                case ADMINISTRATION -> throw CommandPolicy.adminOnly(command);
                case STAFF_ACTION -> next.execute(new Checked<>(command, caller, actions));
            };
        } catch (OptimisticLockingException concurrent) {
            throw new RestException(Response.Status.CONFLICT, concurrent, CONCURRENT);
        } catch (ProcessEngineException failure) {
            ProcessEngineException refusal = refusalInside(failure);
            if (!(refusal instanceof BadUserRequestException) && finishedMeanwhile(command)) {
                // Someone else completed the task a moment ago: this command read the task before that
                // commit and the process after it (the execution had moved on, or the task's grants
                // had gone with it). Not an error of the platform, and nothing of this command was written.
                throw new RestException(Response.Status.CONFLICT, refusal, CONCURRENT);
            }
            if (refusal instanceof BadUserRequestException) {
                // Camunda's REST resources turn any engine exception of a submission into 500 ("Cannot submit
                // task form …"); a RestException keeps its status on every REST surface, Tasklist's included.
                throw new RestException(Response.Status.BAD_REQUEST, refusal, refusal.getMessage());
            }
            throw refusal;
        }
    }

    /**
     * A member of staff's deployment (Modeler's deploy button) becomes a change proposal: checked now
     * (the right to deploy, the allowlist), recorded, and deployed only when a second risk manager
     * activates it. Answered 202 with the proposal's id.
     */
    private RestException propose(Command<?> command, Authentication caller) {
        org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl builder = StaffActions.field(command, "deploymentBuilder");
        next.execute((BoundaryLookup<Void>) ctx -> {
            ctx.getAuthorizationManager().checkAuthorization(org.camunda.bpm.engine.authorization.Permissions.CREATE,
                    org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT);
            return null;
        });
        if (!builder.getDeployments().isEmpty() || !builder.getDeploymentResourcesById().isEmpty()
                || !builder.getDeploymentResourcesByName().isEmpty()) {
            throw new ControlRefused("CHANGE_FROM_FILES", "变更申请只能包含上传的文件", "a change proposal carries uploaded files only");
        }
        java.util.Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
        builder.getDeployment().getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Set<String> fileNames = new java.util.HashSet<>();
        resources.keySet().forEach(name -> {
            if (!fileNames.add(name.substring(name.lastIndexOf('/') + 1))) {
                problems.add(name + ": 同名文件只能提交一次 / a file name may appear only once in a proposal");
            }
        });
        resources.forEach((name, bytes) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".dmn")) {
                problems.addAll(DeploymentAllowlist.problems(name, bytes, platformBeans.get()));
            } else if (!lower.endsWith(".form")) {
                problems.add(name + ": 只接受 .bpmn、.dmn、.form 文件 / only .bpmn, .dmn and .form files are accepted");
            }
        });
        if (!problems.isEmpty()) {
            throw new RestException(Response.Status.BAD_REQUEST, "部署被拒绝 Deployment refused: " + String.join("; ", problems));
        }
        String id = proposals.get().propose(builder.getNameFromDeployment(), builder.getDeployment().getSource(), resources,
                caller.getUserId());
        return new RestException(Response.Status.ACCEPTED, "已提交变更申请 " + id + ":须由另一名风险经理在 /api/change-proposals/"
                + id + " 查看差异并激活后才生效 / change proposal " + id + " recorded: it takes effect once a second risk "
                + "manager has reviewed the differences at /api/change-proposals/" + id + " and activated it");
    }

    /** The guard's own read of what happened, without the caller's authorizations. */
    interface BoundaryLookup<T> extends cn.smartfactory.lending.decision.InternalLookup<T> {
    }

    /** Whether the task this command was about has been completed (by someone else, in the meantime). */
    private boolean finishedMeanwhile(Command<?> command) {
        String taskId;
        try {
            taskId = CommandPolicy.classify(command) == CommandPolicy.Kind.STAFF_ACTION ? StaffActions.field(command, "taskId") : null;
        } catch (IllegalStateException notATaskCommand) {
            return false;
        }
        if (taskId == null) {
            return false;
        }
        BoundaryLookup<Boolean> finished = ctx -> ctx.runWithoutAuthorization(() -> ctx.getTaskManager().findTaskById(taskId) == null
                && configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
        return next.execute(finished);
    }

    /** What a person sees when someone else changed the same task or loan at the same moment (409). */
    static final String CONCURRENT = "同一任务或贷款刚被他人修改,您的提交未保存;请刷新后重试 / "
            + "someone else changed this task or loan at the same moment and your submission was not saved: reload and try again";

    /**
     * A listener's refusal reaches the caller as itself — its message names the field and the rule —
     * not wrapped in the engine's "ENGINE-03051 … TaskListener" text, on every REST surface.
     */
    static ProcessEngineException refusalInside(ProcessEngineException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadUserRequestException || t instanceof AuthorizationException) {
                return (ProcessEngineException) t;
            }
        }
        return failure;
    }

    private static boolean isAdministrator(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().contains(Role.CAMUNDA_ADMIN.groupId());
    }

    /** The staff action with its checks, in one transaction. */
    private record Checked<T>(Command<T> command, Authentication caller, StaffActions actions) implements Command<T> {
        @Override
        public T execute(CommandContext commandContext) {
            return actions.run(command, caller, commandContext);
        }
    }
}

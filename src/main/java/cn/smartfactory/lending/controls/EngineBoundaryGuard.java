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

    EngineBoundaryGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        this.actions = new StaffActions(configuration);
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || command instanceof BoundaryLookup) {
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
            return switch (CommandPolicy.classify(command)) {
                case READ -> next.execute(command);
                case ADMINISTRATION -> throw CommandPolicy.adminOnly(command);
                case STAFF_ACTION -> next.execute(new Checked<>(command, caller, actions));
            };
        } catch (OptimisticLockingException concurrent) {
            throw new RestException(Response.Status.CONFLICT, concurrent, CONCURRENT);
        } catch (ProcessEngineException failure) {
            ProcessEngineException refusal = refusalInside(failure);
            if (refusal instanceof AuthorizationException && finishedMeanwhile(command)) {
                // The task's grants went with it: someone else completed it a moment ago.
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

    /** The guard's own read of what happened, without the caller's authorizations. */
    interface BoundaryLookup<T> extends Command<T> {
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

package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import cn.smartfactory.lending.identity.Role;

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
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null || isAdministrator(caller)) {
            return next.execute(command);
        }
        return switch (CommandPolicy.classify(command)) {
            case READ -> next.execute(command);
            case ADMINISTRATION -> throw CommandPolicy.adminOnly(command);
            case STAFF_ACTION -> next.execute(new Checked<>(command, caller, actions));
        };
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

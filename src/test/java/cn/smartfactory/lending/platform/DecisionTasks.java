package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/** Process tests' steps on decision tasks: completed as a signed-in user, the submission kept on the task. */
public final class DecisionTasks {

    private DecisionTasks() {
    }

    /**
     * Completes the task as the user with the values on the task, as the platform keeps a decision task's
     * submission; a refused completion leaves the task as it was (the values are taken off again).
     */
    public static void completeAs(ProcessEngine engine, Task task, String user, Map<String, Object> values) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().setVariablesLocal(task.getId(), new HashMap<>(values));
            try {
                engine.getTaskService().complete(task.getId());
            } catch (RuntimeException refused) {
                engine.getTaskService().removeVariablesLocal(task.getId(), values.keySet());
                throw refused;
            }
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The action is refused with a BadUserRequestException whose message holds every part. */
    public static void assertRefused(Runnable action, String... messageParts) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action::run);
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof BadUserRequestException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a refusal in %s", thrown).isNotNull();
        for (String part : messageParts) {
            assertThat(cause).hasMessageContaining(part);
        }
    }
}

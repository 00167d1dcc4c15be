package cn.smartfactory.lending.record;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts on a task, as the record and the four-eyes checks see it. */
public final class Actor {

    private Actor() {
    }

    /** The assignee on claim; on completion the signed-in caller, else the assignee; null for the engine itself. */
    public static String of(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (auth != null && auth.getUserId() != null) {
                return auth.getUserId();
            }
        }
        return task.getAssignee();
    }

    /** The actor's role groups now (the signed-in person's, else looked up); null for the platform. */
    public static String roles(ProcessEngineServices engine, String actor) {
        if (actor == null || RecordEntry.PLATFORM.equals(actor)) {
            return null;
        }
        Authentication auth = engine.getIdentityService().getCurrentAuthentication();
        if (auth != null && actor.equals(auth.getUserId()) && auth.getGroupIds() != null) {
            return String.join(",", auth.getGroupIds());
        }
        return engine.getIdentityService().createGroupQuery().groupMember(actor).list().stream().map(g -> g.getId())
                .sorted().collect(Collectors.joining(","));
    }
}

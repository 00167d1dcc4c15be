package cn.smartfactory.lending.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Offers a late task's follow-up to the station's lead: the group and the named users the
 * {@code station-sla} table gave when the task was escalated (either may be absent, not both).
 */
public class FollowUpCandidates implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object group = task.getVariable("leadGroup");
        Object users = task.getVariable("leadUsers");
        boolean offered = false;
        if (group != null && !group.toString().isBlank()) {
            task.addCandidateGroup(group.toString().trim());
            offered = true;
        }
        if (users != null) {
            for (String user : users.toString().split(",")) {
                if (!user.isBlank()) {
                    task.addCandidateUser(user.trim());
                    offered = true;
                }
            }
        }
        if (!offered) {
            throw new IllegalStateException("跟进任务没有岗位负责人 the follow-up of task " + task.getVariable("lateTaskId")
                    + " has no lead group or user");
        }
    }
}

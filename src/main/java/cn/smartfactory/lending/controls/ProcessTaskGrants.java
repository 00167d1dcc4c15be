package cn.smartfactory.lending.controls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * Who may see and work the tasks of a process, granted once per role and process instead of once
 * per task. When a diagram is deployed, every group it names as a user task's candidate group gets
 * READ_TASK, TASK_WORK and READ_TASK_VARIABLE on the process definition's key; a task of such a
 * group then needs no authorization row of its own, and neither does its assignee when the
 * assignee belongs to one of those groups. Candidates chosen at run time (an expression, a task
 * listener) and assignees outside the named groups keep the engine's row per task.
 *
 * <p>The grant lets a role read every open task of the processes it works in; which tasks a person
 * may claim, complete, assign or delegate is still decided per task by {@link StaffActions}
 * (candidate groups, assignee, segregation of duties), and the Tasklist inboxes list the role's
 * own tasks only.
 */
final class ProcessTaskGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) {
        List<AuthorizationEntity> grants = new ArrayList<>();
        AuthorizationEntity[] engineDefaults = super.newProcessDefinition(processDefinition);
        if (engineDefaults != null) {
            grants.addAll(List.of(engineDefaults));
        }
        if (processDefinition instanceof ProcessDefinitionEntity entity) {
            grants.addAll(grantsFor(entity));
        }
        return grants.isEmpty() ? null : grants.toArray(AuthorizationEntity[]::new);
    }

    /**
     * The grants the candidate groups of a definition's user tasks need on its key and do not have
     * yet (new rows, or existing rows with the missing permissions added).
     */
    List<AuthorizationEntity> grantsFor(ProcessDefinitionEntity definition) {
        List<AuthorizationEntity> grants = new ArrayList<>();
        Permission[] permissions = permissions();
        for (String group : namedCandidateGroups(definition)) {
            AuthorizationEntity existing = getGrantAuthorizationByGroupId(group, Resources.PROCESS_DEFINITION, definition.getKey());
            if (existing == null) {
                grants.add(createAuthorization(null, group, Resources.PROCESS_DEFINITION, definition.getKey(), permissions));
            } else if (!List.of(permissions).stream().allMatch(existing::isPermissionGranted)) {
                addPermissions(existing, permissions);
                grants.add(existing);
            }
        }
        return grants;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (namedCandidateGroups(task).contains(groupId)) {
            return null; // the group's grant on the process covers it
        }
        return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (newAssignee != null && isMemberOfAny(newAssignee, namedCandidateGroups(task))) {
            return null;
        }
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    private Permission[] permissions() {
        List<Permission> permissions = new ArrayList<>(List.of(ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.TASK_WORK));
        if (isEnforceSpecificVariablePermission()) {
            permissions.add(ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        }
        return permissions.toArray(Permission[]::new);
    }

    /** The groups a definition's user tasks name literally as candidates (not computed by an expression). */
    static Set<String> namedCandidateGroups(ProcessDefinitionEntity definition) {
        Set<String> groups = new LinkedHashSet<>();
        for (TaskDefinition task : definition.getTaskDefinitions().values()) {
            groups.addAll(named(task));
        }
        return groups;
    }

    private static Set<String> namedCandidateGroups(Task task) {
        if (!(task instanceof TaskEntity entity) || entity.getProcessDefinitionId() == null || entity.getTaskDefinition() == null) {
            return Set.of();
        }
        return named(entity.getTaskDefinition());
    }

    private static Set<String> named(TaskDefinition task) {
        Set<String> groups = new LinkedHashSet<>();
        for (Expression candidate : task.getCandidateGroupIdExpressions()) {
            if (candidate.isLiteralText() && !candidate.getExpressionText().isBlank()) {
                groups.add(candidate.getExpressionText().trim());
            }
        }
        return groups;
    }

    private static boolean isMemberOfAny(String user, Set<String> groups) {
        if (groups.isEmpty()) {
            return false;
        }
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createGroupQuery(context)
                .groupMember(user).groupIdIn(groups.toArray(String[]::new)).count() > 0);
    }
}

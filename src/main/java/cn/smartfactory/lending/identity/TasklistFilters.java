package cn.smartfactory.lending.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One Tasklist inbox per role — the role's open work, claimed or not, oldest first — plus "My
 * tasks" for everyone who works tasks; each role sees only its own inbox. Created once, by name,
 * so a filter an administrator adjusted in Tasklist is kept.
 */
@Component
public class TasklistFilters {

    public static final String MY_TASKS = "我的任务 My tasks";

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    /** Marketing operations' view of every lead being worked, for following up and reassigning. */
    public static final String ALL_OUTREACH = "营销跟进总览 All outreach";

    /** The station leads' follow-ups of late tasks (station SLAs). */
    public static final String LATE_TASKS = "超时跟进 Late tasks";

    public static String inboxName(Role role) {
        return role.displayName() + " 待办 inbox";
    }

    public void createMissing() {
        List<Role> workers = List.of(Role.values()).stream().filter(Role::worksTasks).toList();
        int created = 0;
        if (find(MY_TASKS) == null) {
            Filter mine = save(MY_TASKS, -10, "#2a6fdb", "分配给我的任务 Tasks assigned to me",
                    taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
            workers.forEach(role -> grantRead(mine, role));
            created++;
        }
        int priority = 0;
        for (Role role : workers) {
            // Soonest due first (station SLAs), then oldest; an inbox made by an earlier release gets the order too.
            var query = taskService.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks()
                    .orderByDueDate().asc().orderByTaskCreateTime().asc();
            Filter existing = find(inboxName(role));
            if (existing == null) {
                Filter inbox = save(inboxName(role), priority, "#3b9c5a", role.inboxDescription(), query);
                grantRead(inbox, role);
                created++;
            } else {
                filterService.saveFilter(existing.setQuery(query));
            }
            priority++;
        }
        if (find(LATE_TASKS) == null) {
            Filter late = save(LATE_TASKS, priority + 1, "#b3261e", "本人负责岗位的超时任务跟进 Follow-ups of late tasks at the stations you lead",
                    taskService.createTaskQuery().processDefinitionKey("overdue-follow-up")
                            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                            .orderByTaskCreateTime().asc());
            List.of(Role.MANAGERS, Role.RISK_MANAGERS, Role.MARKETING_OPERATIONS).forEach(role -> grantRead(late, role));
            created++;
        }
        if (find(ALL_OUTREACH) == null) {
            Filter outreach = save(ALL_OUTREACH, priority, "#c2571a", "全部客户经理的营销跟进任务 Every account manager's outreach tasks",
                    taskService.createTaskQuery().processDefinitionKey("marketing-lead").orderByDueDate().asc()
                            .orderByTaskCreateTime().asc());
            grantRead(outreach, Role.MARKETING_OPERATIONS);
            created++;
        }
        LOG.info("Tasklist: {} role inboxes and 'My tasks' present, {} created", workers.size(), created);
    }

    private Filter find(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult();
    }

    private Filter save(String name, int priority, String color, String description,
                        org.camunda.bpm.engine.task.TaskQuery query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filterService.saveFilter(filter);
    }

    private void grantRead(Filter filter, Role role) {
        Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(role.groupId());
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }
}

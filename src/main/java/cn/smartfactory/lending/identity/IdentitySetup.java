package cn.smartfactory.lending.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and grants each the least it needs: task workers reach Tasklist (which
 * tasks they see comes from candidate groups), managers read Cockpit without changing anything,
 * risk managers also deploy diagrams and tables, administrators may do everything. Existing
 * grants are left alone, so an administrator's changes survive restarts.
 */
@Component
public class IdentitySetup {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

    /** One grant: group, resource type, resource id, permissions. */
    record Grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    }

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public void setUp() {
        for (Role role : Role.values()) {
            if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identityService.newGroup(role.groupId());
                group.setName(role.displayName());
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
        int created = 0;
        for (Grant grant : grants()) {
            created += apply(grant) ? 1 : 0;
        }
        created += retireOldGrants();
        LOG.info("Identity: {} role groups present, {} missing grants created", Role.values().length, created);
    }

    /**
     * The processes whose instances, tasks and history risk managers read (Cockpit, history, the engine's REST
     * API). They read the whole loan line but not a lead's outreach — the customer's phone and what they told
     * their account manager are for its account manager, marketing operations and managers only (个人信息保护法).
     * Grants per key rather than a revocation on {@code marketing-lead}: once any revocation exists the engine
     * checks revocations in every authorized query (authorizationCheckRevokes "auto"), Tasklist's inboxes
     * included. A process added to {@code processes/} is placed here or in {@link #PRIVATE_PROCESSES}
     * (IdentitySetupTest fails until it is).
     */
    static final List<String> RISK_MANAGED_PROCESSES = List.of("loan-origination", "post-loan-monitoring",
            "early-warning-report", "marketing-campaign", "sla-watch", "overdue-follow-up", "officer-evaluation",
            "npl-accountability-review", "classification-upgrade");

    /** Processes only the roles that work them (and managers) read. */
    static final List<String> PRIVATE_PROCESSES = List.of("marketing-lead");

    /** What earlier releases granted risk managers on every definition and now grant per key. */
    private static final List<Permission> PER_KEY_READS = List.of(Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
            Permissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);

    /**
     * Grants earlier releases made that are now too broad: risk managers' READ on every process instance and
     * their reading of every definition's instances, tasks and history (now per key, above). An administrator's
     * own grants on other ids are left as they are.
     */
    private int retireOldGrants() {
        int retired = 0;
        for (Authorization old : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(Role.RISK_MANAGERS.groupId()).resourceType(Resources.PROCESS_INSTANCE).resourceId(ANY).list()) {
            authorizationService.deleteAuthorization(old.getId());
            retired++;
        }
        for (Authorization broad : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(Role.RISK_MANAGERS.groupId()).resourceType(Resources.PROCESS_DEFINITION).resourceId(ANY).list()) {
            if (PER_KEY_READS.stream().anyMatch(broad::isPermissionGranted)) {
                PER_KEY_READS.forEach(broad::removePermission);
                authorizationService.saveAuthorization(broad);
                retired++;
            }
        }
        return retired;
    }

    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role.worksTasks()) {
                grants.add(new Grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
                // Lets Tasklist show and render forms of tasks the role is a candidate for.
                grants.add(new Grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
                // Staff may run the risk model (POST /api/risk-assessments evaluates the deployed tables).
                grants.add(new Grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.CREATE_INSTANCE));
            }
        }
        // Managers lead stations (station-sla): they open Tasklist for the follow-ups of late tasks, nothing else.
        grants.add(new Grant(Role.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        // Account managers open applications; the line's definitions are not theirs to change.
        grants.add(new Grant(Role.ACCOUNT_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
        grants.add(new Grant(Role.ACCOUNT_MANAGERS, Resources.PROCESS_DEFINITION, "loan-origination",
                Permissions.CREATE_INSTANCE, Permissions.READ));
        // Account managers propose an upgrade of a loan they serve (classification-upgrade); risk managers confirm it.
        for (Role officer : List.of(Role.ACCOUNT_MANAGERS, Role.RISK_MANAGERS)) {
            grants.add(new Grant(officer, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
            grants.add(new Grant(officer, Resources.PROCESS_DEFINITION, "classification-upgrade",
                    Permissions.CREATE_INSTANCE, Permissions.READ));
        }
        // Officers report early warnings for loans they serve through the early-warning-report start form.
        for (Role officer : List.of(Role.ACCOUNT_MANAGERS, Role.INVESTIGATORS, Role.RISK_MANAGERS)) {
            grants.add(new Grant(officer, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
            grants.add(new Grant(officer, Resources.PROCESS_DEFINITION, "early-warning-report",
                    Permissions.CREATE_INSTANCE, Permissions.READ));
        }
        // Marketing operations run campaigns from Tasklist and follow every lead's outreach (reassigning when needed);
        // account managers see only the outreach tasks assigned to them (the engine's row per assigned task).
        grants.add(new Grant(Role.MARKETING_OPERATIONS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
        grants.add(new Grant(Role.MARKETING_OPERATIONS, Resources.PROCESS_DEFINITION, "marketing-campaign",
                Permissions.CREATE_INSTANCE, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
                Permissions.READ_TASK));
        grants.add(new Grant(Role.MARKETING_OPERATIONS, Resources.PROCESS_DEFINITION, "marketing-lead", Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK));
        for (Role reader : List.of(Role.MANAGERS, Role.RISK_MANAGERS)) {
            grants.add(new Grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
            grants.add(new Grant(reader, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
            grants.add(new Grant(reader, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
            grants.add(new Grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
            grants.add(new Grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ));
        }
        grants.add(new Grant(Role.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK));
        grants.add(new Grant(Role.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
        for (String key : RISK_MANAGED_PROCESSES) {
            grants.add(new Grant(Role.RISK_MANAGERS, Resources.PROCESS_DEFINITION, key, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK));
        }
        // Core banking's events are classified and tiered by the monitoring tables, evaluated as its account.
        grants.add(new Grant(Role.CORE_BANKING, Resources.DECISION_DEFINITION, ANY, Permissions.CREATE_INSTANCE));
        grants.add(new Grant(Role.RISK_MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE));
        grants.add(new Grant(Role.RISK_MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.CREATE_INSTANCE));
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(Role.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
        }
        return merged(grants);
    }

    /** One authorization per group, resource and id, as Camunda stores them. */
    private static List<Grant> merged(List<Grant> grants) {
        Map<String, Grant> byKey = new LinkedHashMap<>();
        for (Grant g : grants) {
            String key = g.role() + "/" + g.resource().resourceType() + "/" + g.resourceId();
            Grant existing = byKey.get(key);
            if (existing == null) {
                byKey.put(key, g);
            } else {
                Set<Permission> union = new LinkedHashSet<>(List.of(existing.permissions()));
                union.addAll(List.of(g.permissions()));
                byKey.put(key, new Grant(g.role(), g.resource(), g.resourceId(), union.toArray(Permission[]::new)));
            }
        }
        return List.copyOf(byKey.values());
    }

    /** @return whether a grant had to be created */
    private boolean apply(Grant grant) {
        boolean exists = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.role().groupId()).resourceType(grant.resource()).resourceId(grant.resourceId())
                .count() > 0;
        if (exists) {
            return false;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.role().groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        for (Permission permission : grant.permissions()) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
        return true;
    }
}

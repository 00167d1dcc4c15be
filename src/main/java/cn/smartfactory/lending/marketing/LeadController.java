package cn.smartfactory.lending.marketing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;

/**
 * A lead for the people who may see it — its account manager, marketing operations and managers see
 * it whole; risk managers see it with the phone masked; anyone else gets 403 — and its reassignment
 * by marketing operations (the open outreach task moves with it, follow-ups go to the new manager).
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final MarketingStore store;
    private final AccountManagerProfiles profiles;
    private final CurrentStaff staff;
    private final IdentityService identity;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final AuthorizationService authorizations;

    LeadController(MarketingStore store, AccountManagerProfiles profiles, CurrentStaff staff, IdentityService identity,
                   TaskService tasks, RuntimeService runtime, TransactionTemplate transaction, AuthorizationService authorizations) {
        this.store = store;
        this.profiles = profiles;
        this.staff = staff;
        this.identity = identity;
        this.tasks = tasks;
        this.runtime = runtime;
        this.transaction = transaction;
        this.authorizations = authorizations;
    }

    @GetMapping("/{leadId}")
    ResponseEntity<?> lead(@PathVariable long leadId) {
        var lead = store.lead(leadId);
        String me = userId();
        boolean full = staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.CAMUNDA_ADMIN)
                || lead.isPresent() && lead.get().accountManager().equals(me) && staff.inAnyOf(Role.ACCOUNT_MANAGERS);
        boolean masked = staff.inAnyOf(Role.RISK_MANAGERS);
        if (!full && !masked) {
            return CampaignController.forbidden("只有该线索的客户经理、营销运营岗和管理者可以查看。Only the lead's account manager, "
                    + "marketing operations and managers see a lead.");
        }
        if (lead.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message",
                    "线索 " + leadId + " 不存在。There is no lead " + leadId + "."));
        }
        Lead l = lead.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadId", l.leadId());
        body.put("campaignId", l.campaignId());
        body.put("name", l.name());
        body.put("phone", full ? l.phone() : Lead.maskPhone(l.phone()));
        body.put("industry", l.industry());
        body.put("region", l.region());
        body.put("businessType", l.businessType());
        body.put("accountManager", l.accountManager());
        body.put("assignmentReason", l.assignmentReason());
        body.put("status", l.status());
        body.put("attempts", l.attempts());
        body.put("reached", l.reached());
        body.put("nextFollowUp", l.nextFollowUp());
        body.put("applicationId", l.applicationId());
        body.put("outcome", l.outcome());
        body.put("disbursedAmount", l.disbursedAmount());
        body.put("flags", l.flags());
        body.put("contacts", store.contacts(leadId));
        return ResponseEntity.ok(body);
    }

    /** Body: {"accountManager": "am2"}. */
    @PutMapping("/{leadId}/account-manager")
    ResponseEntity<?> reassign(@PathVariable long leadId, @RequestBody Map<String, String> body) {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.CAMUNDA_ADMIN)) {
            return CampaignController.forbidden("仅营销运营岗可改派线索。Only marketing operations reassign leads.");
        }
        String to = body == null ? null : body.get("accountManager");
        var lead = store.lead(leadId);
        if (lead.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND", "message",
                    "线索 " + leadId + " 不存在。There is no lead " + leadId + "."));
        }
        var profile = to == null ? java.util.Optional.<AccountManagerProfile>empty() : profiles.find(to);
        if (profile.isEmpty() || !profile.get().active()) {
            return ResponseEntity.badRequest().body(Map.of("error", "REFUSED", "message",
                    "“客户经理 Account manager”须为在岗客户经理(当前为 " + to + ")。\"Account manager\" must be an active account "
                            + "manager (was " + to + ")."));
        }
        if (!Lead.WORKING.contains(lead.get().status())) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "CONFLICT", "message",
                    "线索已" + lead.get().status() + ",不能改派。The lead is " + lead.get().status() + " and can no longer be reassigned."));
        }
        String by = userId();
        staff.asPlatform(() -> transaction.execute(status -> {
            store.reassign(leadId, to, "营销运营改派 Reassigned by " + by);
            String instance = lead.get().processInstanceId();
            if (instance != null) {
                runtime.setVariable(instance, MarketingVariables.ACCOUNT_MANAGER, to);
                for (var task : tasks.createTaskQuery().processInstanceId(instance).list()) {
                    String from = task.getAssignee();
                    tasks.setAssignee(task.getId(), to);
                    // The engine grants a task's assignee a row of their own and keeps it when the task moves on.
                    if (from != null && !from.equals(to)) {
                        authorizations.createAuthorizationQuery().userIdIn(from).resourceType(Resources.TASK)
                                .resourceId(task.getId()).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
                    }
                }
            }
            return null;
        }));
        return ResponseEntity.ok(Map.of("leadId", leadId, "accountManager", to));
    }

    private String userId() {
        var auth = identity.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

}

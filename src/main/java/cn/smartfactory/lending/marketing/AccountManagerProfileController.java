package cn.smartfactory.lending.marketing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * Account managers' territories: marketing operations (and administrators) set each account
 * manager's region and industries, which the lead-assignment table uses; managers and the account
 * managers themselves read them.
 */
@RestController
@RequestMapping("/api/account-managers")
class AccountManagerProfileController {

    /** Body of a change. */
    record ProfileChange(String region, List<String> industries, Boolean active) {
    }

    private final AccountManagerProfiles profiles;
    private final MarketingReference reference;
    private final IndustryCatalog industries;
    private final CurrentStaff staff;
    private final IdentityService identity;

    AccountManagerProfileController(AccountManagerProfiles profiles, MarketingReference reference, IndustryCatalog industries,
                                    CurrentStaff staff, IdentityService identity) {
        this.profiles = profiles;
        this.reference = reference;
        this.industries = industries;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping
    ResponseEntity<?> all() {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.MANAGERS, Role.ACCOUNT_MANAGERS, Role.CAMUNDA_ADMIN)) {
            return CampaignController.forbidden("无权查看客户经理档案。You may not see account managers' profiles.");
        }
        return ResponseEntity.ok(profiles.all());
    }

    @PutMapping("/{userId}")
    ResponseEntity<?> change(@PathVariable String userId, @RequestBody ProfileChange change) {
        if (!staff.inAnyOf(Role.MARKETING_OPERATIONS, Role.CAMUNDA_ADMIN)) {
            return CampaignController.forbidden("仅营销运营岗可修改客户经理档案。Only marketing operations change account managers' profiles.");
        }
        List<String> problems = new ArrayList<>();
        boolean isAccountManager = staff.asPlatform(() -> identity.createUserQuery().userId(userId)
                .memberOfGroup(Role.ACCOUNT_MANAGERS.groupId()).count() > 0);
        if (!isAccountManager) {
            problems.add("“用户 User”须为客户经理(" + userId + " 不是)。\"User\" must be an account manager (" + userId + " is not).");
        }
        var region = change == null ? java.util.Optional.<MarketingReference.Entry>empty() : reference.region(change.region());
        if (region.isEmpty()) {
            problems.add("“区域 Region”须为本行服务区域之一(当前为 " + (change == null ? null : change.region()) + ")。\"Region\" must be "
                    + "one of the bank's service areas (was " + (change == null ? null : change.region()) + ").");
        }
        List<String> codes = new ArrayList<>();
        for (String industry : change == null || change.industries() == null ? List.<String>of() : change.industries()) {
            var found = industries.all().stream().filter(i -> i.code().equalsIgnoreCase(industry) || i.nameZh().equals(industry))
                    .findFirst();
            if (found.isEmpty()) {
                problems.add("“行业 Industries”含未知行业 " + industry + "。\"Industries\" names an unknown industry " + industry + ".");
            } else {
                codes.add(found.get().code());
            }
        }
        if (codes.isEmpty() && problems.isEmpty()) {
            problems.add("“行业 Industries”至少填一个。\"Industries\" needs at least one industry.");
        }
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "REFUSED", "message", String.join(" ", problems)));
        }
        AccountManagerProfile profile = new AccountManagerProfile(userId, region.get().code(), List.copyOf(codes),
                change.active() == null || change.active());
        profiles.save(profile, identity.getCurrentAuthentication().getUserId());
        return ResponseEntity.ok(profile);
    }
}

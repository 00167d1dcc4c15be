package cn.smartfactory.lending.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Who is calling the platform's own API (authenticated by the /api filter), and in which roles. */
@Component
public class CurrentStaff {

    private final IdentityService identityService;

    public CurrentStaff(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * Engine work the platform's API does for a caller whose role it has checked: run as the platform,
     * without the caller's engine authorizations (as delegates and jobs run).
     */
    public <T> T asPlatform(java.util.function.Supplier<T> work) {
        var caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** Whether the caller belongs to at least one of the roles. */
    public boolean inAnyOf(Role... roles) {
        var auth = identityService.getCurrentAuthentication();
        if (auth == null || auth.getGroupIds() == null) {
            return false;
        }
        List<String> groups = auth.getGroupIds();
        for (Role role : roles) {
            if (groups.contains(role.groupId())) {
                return true;
            }
        }
        return false;
    }
}

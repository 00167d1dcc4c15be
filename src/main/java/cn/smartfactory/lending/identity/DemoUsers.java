package cn.smartfactory.lending.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo staff of the {@code demo} profile (the default of {@code ./mvnw spring-boot:run}), all
 * with the demo password. Outside that profile no user and no default password exists.
 */
@Component
@Profile("demo")
public class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    static final Map<String, Role> USERS = users();

    private final IdentityService identityService;
    private final String password;

    public DemoUsers(IdentityService identityService, @Value("${lending.demo.password}") String password) {
        this.identityService = identityService;
        this.password = password;
    }

    public void createMissing() {
        int created = 0;
        for (var entry : USERS.entrySet()) {
            String id = entry.getKey();
            if (identityService.createUserQuery().userId(id).count() > 0) {
                continue;
            }
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName(entry.getValue().displayName());
            user.setEmail(id + "@demo.bank.example");
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(id, entry.getValue().groupId());
            created++;
        }
        LOG.info("Demo profile: {} demo users present ({} created), password from lending.demo.password", USERS.size(),
                created);
    }

    private static Map<String, Role> users() {
        Map<String, Role> users = new LinkedHashMap<>();
        add(users, Role.MARKETING_OPERATIONS, "mkt1");
        add(users, Role.ACCOUNT_MANAGERS, "am1", "am2");
        add(users, Role.INVESTIGATORS, "inv1", "inv2");
        add(users, Role.CENTRAL_OPERATIONS, "ops1", "ops2");
        add(users, Role.APPROVERS, "apr1", "apr2", "apr3");
        add(users, Role.CREDIT_COMMITTEE, "cc1", "cc2", "cc3");
        add(users, Role.RISK_MANAGERS, "risk1", "risk2");
        add(users, Role.MANAGERS, "mgr1");
        add(users, Role.CORE_BANKING, "corebank");
        add(users, Role.IT_OPERATIONS, "itops1");
        add(users, Role.CAMUNDA_ADMIN, "admin");
        return users;
    }

    private static void add(Map<String, Role> users, Role role, String... ids) {
        List.of(ids).forEach(id -> users.put(id, role));
    }
}

package cn.smartfactory.lending.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Who may sign in on a fresh platform. Outside the demo profile no user exists until the first
 * administrator is created from an environment secret ({@code LENDING_ADMIN_ID},
 * {@code LENDING_ADMIN_PASSWORD}) — never from Camunda's open setup page, which the platform blocks.
 * Without an administrator and without the secret the platform refuses to start; it also refuses to
 * start outside the demo profile while any demo account exists (a demo database used for real work).
 */
@Component
public class AccountsAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsAtStart.class);
    /** Outside the demo a bank's administrator password has at least this many characters. */
    static final int MIN_ADMIN_PASSWORD = 12;

    private final IdentityService identityService;
    private final Environment environment;
    private final String adminId;
    private final String adminPassword;

    public AccountsAtStart(IdentityService identityService, Environment environment,
                           @Value("${lending.admin.id:}") String adminId, @Value("${lending.admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.environment = environment;
        this.adminId = adminId.trim();
        this.adminPassword = adminPassword;
    }

    public void check() {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (!demo) {
            List<String> demoAccounts = DemoUsers.USERS.keySet().stream()
                    .filter(id -> identityService.createUserQuery().userId(id).count() > 0).toList();
            if (!demoAccounts.isEmpty()) {
                throw new IllegalStateException("演示账户 " + demoAccounts + " 存在于非演示环境,平台拒绝启动;请使用单独的数据目录 / "
                        + "demo accounts " + demoAccounts + " exist outside the demo profile: the platform does not start on a "
                        + "demo database; use a separate data directory (LENDING_DATA_DIR) or database");
            }
        }
        if (identityService.createUserQuery().memberOfGroup(Role.CAMUNDA_ADMIN.groupId()).count() > 0) {
            return;
        }
        if (adminId.isEmpty() || adminPassword == null || adminPassword.isEmpty()) {
            throw new IllegalStateException("没有系统管理员:请通过环境变量 LENDING_ADMIN_ID 和 LENDING_ADMIN_PASSWORD 设置首位管理员 / "
                    + "no administrator exists: set the first one through LENDING_ADMIN_ID and LENDING_ADMIN_PASSWORD");
        }
        if (!demo && adminPassword.length() < MIN_ADMIN_PASSWORD) {
            throw new IllegalStateException("LENDING_ADMIN_PASSWORD: 至少 " + MIN_ADMIN_PASSWORD + " 个字符 / needs at least "
                    + MIN_ADMIN_PASSWORD + " characters");
        }
        if (identityService.createUserQuery().userId(adminId).count() == 0) {
            User admin = identityService.newUser(adminId);
            admin.setFirstName(adminId);
            admin.setLastName(Role.CAMUNDA_ADMIN.displayName());
            admin.setPassword(adminPassword);
            identityService.saveUser(admin);
        }
        identityService.createMembership(adminId, Role.CAMUNDA_ADMIN.groupId());
        LOG.info("First administrator {} created from LENDING_ADMIN_ID", adminId);
    }
}

package cn.smartfactory.lending.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * What {@code PlatformStartup} checks before the platform takes requests (an exception there stops
 * the start): the first administrator from the environment, never a weak password, and no demo
 * account outside the demo profile. On a plain in-memory engine of its own.
 */
class AccountsAtStartTest {

    private ProcessEngine engine;
    private IdentityService identity;

    @BeforeEach
    void freshEngine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("accounts-at-start").setJdbcUrl("jdbc:h2:mem:accounts-at-start-" + System.nanoTime())
                .setJobExecutorActivate(false).buildProcessEngine();
        identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(Role.CAMUNDA_ADMIN.groupId()));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private AccountsAtStart accounts(String id, String password, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new AccountsAtStart(identity, environment, id, password);
    }

    @Test
    void withoutAnAdministratorOrTheSecretThePlatformDoesNotStart() {
        assertThatThrownBy(() -> accounts("", "").check()).hasMessageContaining("LENDING_ADMIN_ID")
                .hasMessageContaining("没有系统管理员");
        assertThat(identity.createUserQuery().count()).isZero();
    }

    @Test
    void aWeakAdministratorPasswordIsRefusedOutsideTheDemo() {
        assertThatThrownBy(() -> accounts("bankadmin", "short").check()).hasMessageContaining("LENDING_ADMIN_PASSWORD")
                .hasMessageContaining("12");
        assertThat(identity.createUserQuery().count()).isZero();
    }

    @Test
    void theFirstAdministratorComesFromTheSecretOnceAndOnlyOnce() {
        accounts("bankadmin", "correct-horse-battery").check();
        assertThat(identity.createUserQuery().memberOfGroup(Role.CAMUNDA_ADMIN.groupId()).list()).extracting(u -> u.getId())
                .containsExactly("bankadmin");
        assertThat(identity.checkPassword("bankadmin", "correct-horse-battery")).isTrue();
        // Later starts change nothing, even with another secret: the administrators manage accounts now.
        accounts("other", "another-long-password").check();
        assertThat(identity.createUserQuery().count()).isEqualTo(1);
    }

    @Test
    void demoAccountsOutsideTheDemoProfileStopTheStart() {
        var am1 = identity.newUser("am1");
        am1.setPassword("demo");
        identity.saveUser(am1);
        assertThatThrownBy(() -> accounts("bankadmin", "correct-horse-battery").check()).hasMessageContaining("am1")
                .hasMessageContaining("demo accounts").hasMessageContaining("LENDING_DATA_DIR");
        // In the demo profile they belong there.
        accounts("admin", "demo", "demo").check();
    }
}

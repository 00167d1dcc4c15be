package cn.smartfactory.lending.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role grants on a plain in-memory engine: every deployed process is either read by risk managers or
 * private to the roles that work it, no revocation is ever stored (it would slow every authorized query),
 * and an installation upgraded from a release that let risk managers read every definition's instances is
 * narrowed on the next start.
 */
class IdentitySetupTest {

    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    private ProcessEngine engine;
    private AuthorizationService authorizations;

    @BeforeEach
    void freshEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration().setProcessEngineName("identity-setup")
                .setJdbcUrl("jdbc:h2:mem:identity-setup-" + System.nanoTime()).setAuthorizationEnabled(true)
                .setJobExecutorActivate(false);
        // Hyphenated group ids, as application.yaml allows them.
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        engine = configuration.buildProcessEngine();
        authorizations = engine.getAuthorizationService();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everyProcessOfTheLineIsPlacedForRiskManagers() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = PROCESS_ID.matcher(Files.readString(bpmn));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(5);
        List<String> placed = new ArrayList<>(IdentitySetup.RISK_MANAGED_PROCESSES);
        placed.addAll(IdentitySetup.PRIVATE_PROCESSES);
        assertThat(placed).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void riskManagersReadTheLineButNotTheLeadsAndNoRevocationIsStored() {
        new IdentitySetup(engine.getIdentityService(), authorizations).setUp();
        String riskManager = "risktest";
        List<String> groups = List.of(Role.RISK_MANAGERS.groupId());
        for (String key : IdentitySetup.RISK_MANAGED_PROCESSES) {
            assertThat(authorizations.isUserAuthorized(riskManager, groups, Permissions.READ_INSTANCE,
                    Resources.PROCESS_DEFINITION, key)).as(key).isTrue();
            assertThat(authorizations.isUserAuthorized(riskManager, groups, Permissions.READ_HISTORY,
                    Resources.PROCESS_DEFINITION, key)).as(key).isTrue();
        }
        for (String key : IdentitySetup.PRIVATE_PROCESSES) {
            assertThat(authorizations.isUserAuthorized(riskManager, groups, Permissions.READ_INSTANCE,
                    Resources.PROCESS_DEFINITION, key)).as(key).isFalse();
            assertThat(authorizations.isUserAuthorized(riskManager, groups, Permissions.READ_TASK,
                    Resources.PROCESS_DEFINITION, key)).as(key).isFalse();
            assertThat(authorizations.isUserAuthorized("mgrtest", List.of(Role.MANAGERS.groupId()), Permissions.READ_INSTANCE,
                    Resources.PROCESS_DEFINITION, key)).as("managers read " + key).isTrue();
        }
        assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    }

    @Test
    void anEarlierReleasesBroadGrantsAreNarrowedOnTheNextStart() {
        Authorization broad = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        broad.setGroupId(Role.RISK_MANAGERS.groupId());
        broad.setResource(Resources.PROCESS_DEFINITION);
        broad.setResourceId(Authorization.ANY);
        broad.addPermission(Permissions.READ);
        broad.addPermission(Permissions.READ_INSTANCE);
        broad.addPermission(Permissions.READ_HISTORY);
        broad.addPermission(Permissions.READ_TASK);
        authorizations.saveAuthorization(broad);
        Authorization instances = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        instances.setGroupId(Role.RISK_MANAGERS.groupId());
        instances.setResource(Resources.PROCESS_INSTANCE);
        instances.setResourceId(Authorization.ANY);
        instances.addPermission(Permissions.READ);
        authorizations.saveAuthorization(instances);

        new IdentitySetup(engine.getIdentityService(), authorizations).setUp();

        List<String> groups = List.of(Role.RISK_MANAGERS.groupId());
        assertThat(authorizations.isUserAuthorized("risktest", groups, Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
                "marketing-lead")).isFalse();
        assertThat(authorizations.isUserAuthorized("risktest", groups, Permissions.READ, Resources.PROCESS_DEFINITION,
                "marketing-lead")).as("the definition itself stays readable (Cockpit lists it)").isTrue();
        assertThat(authorizations.isUserAuthorized("risktest", groups, Permissions.READ, Resources.PROCESS_INSTANCE,
                "any-instance-id")).isFalse();
        assertThat(authorizations.isUserAuthorized("risktest", groups, Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
                "loan-origination")).isTrue();
    }
}

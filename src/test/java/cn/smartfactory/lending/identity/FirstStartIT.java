package cn.smartfactory.lending.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import cn.smartfactory.lending.LendingPlatformApplication;

/**
 * The first start of a bank's platform (no demo profile) on a fresh in-memory database, in
 * failsafe's own JVM (the Spring tests own the engine there otherwise): the administrator from the
 * environment secret, Camunda's setup page closed, and a second administrator unlocking a locked-out
 * user. The refusals to start are {@link AccountsAtStartTest}'s (a failed start would leave the
 * engine registered in this shared JVM).
 */
class FirstStartIT {

    private static ConfigurableApplicationContext start(String database, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                // three wrong passwords lock an account, without waiting between attempts
                "--camunda.bpm.generic-properties.properties.loginMaxAttempts=3",
                "--camunda.bpm.generic-properties.properties.loginDelayBase=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LendingPlatformApplication.class).run(args.toArray(String[]::new));
    }

    private static TestRestTemplate rest(ConfigurableApplicationContext platform) {
        int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironmentTheSetupPageIsClosedAndASecondAdministratorUnlocks() {
        try (ConfigurableApplicationContext platform = start("first-start-admin", "--lending.admin.id=bankadmin",
                "--lending.admin.password=correct-horse-battery")) {
            IdentityService identity = platform.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("bankadmin");
            TestRestTemplate rest = rest(platform);
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            var setup = rest.postForEntity("/camunda/api/admin/setup/default/user/create", new HttpEntity<>(Map.of(
                    "profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder-password")), json),
                    String.class);
            assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(setup.getBody()).contains("LENDING_ADMIN_ID");
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();

            // The first administrator creates a second one and a member of staff.
            TestRestTemplate admin = rest.withBasicAuth("bankadmin", "correct-horse-battery");
            for (String id : List.of("admin2", "teller1")) {
                assertThat(admin.postForEntity("/engine-rest/user/create", new HttpEntity<>(Map.of("profile", Map.of("id", id,
                        "firstName", id, "lastName", "测试 Test"), "credentials", Map.of("password", id + "-password-123")), json),
                        String.class).getStatusCode()).as(id).isEqualTo(HttpStatus.NO_CONTENT);
            }
            admin.put("/engine-rest/group/camunda-admin/members/admin2", null);
            admin.put("/engine-rest/group/central-operations/members/teller1", null);

            // Three wrong passwords lock teller1 out; the right one no longer works.
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(rest.withBasicAuth("teller1", "wrong").getForEntity("/engine-rest/task/count", String.class)
                        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            assertThat(rest.withBasicAuth("teller1", "teller1-password-123").getForEntity("/engine-rest/task/count",
                    String.class).getStatusCode()).as("locked").isEqualTo(HttpStatus.UNAUTHORIZED);
            // The first administrator locks themselves out too; the second one unlocks both.
            for (int attempt = 0; attempt < 3; attempt++) {
                rest.withBasicAuth("bankadmin", "wrong").getForEntity("/engine-rest/task/count", String.class);
            }
            assertThat(admin.getForEntity("/engine-rest/task/count", String.class).getStatusCode()).as("admin locked")
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            TestRestTemplate second = rest.withBasicAuth("admin2", "admin2-password-123");
            for (String id : List.of("teller1", "bankadmin")) {
                assertThat(second.postForEntity("/engine-rest/user/" + id + "/unlock", null, String.class).getStatusCode())
                        .as("unlock %s", id).isEqualTo(HttpStatus.NO_CONTENT);
            }
            assertThat(rest.withBasicAuth("teller1", "teller1-password-123").getForEntity("/engine-rest/task/count",
                    String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(admin.getForEntity("/engine-rest/task/count", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            // Staff cannot unlock anyone.
            assertThat(rest.withBasicAuth("teller1", "teller1-password-123").postForEntity("/engine-rest/user/admin2/unlock",
                    null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

}

package cn.smartfactory.lending.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every webapp page loads before anything else: the configuration (Chinese offered first,
 * English the fallback, the bank's name), the styles (no Community Edition banner), and the
 * project's Chinese texts in place of none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappCustomisationTest {

    @Autowired
    private TestRestTemplate rest;

    @Test
    void everyWebappIsConfiguredForChineseWithTheBanksName() throws Exception {
        for (String app : WebappCustomisation.APPS.keySet()) {
            ResponseEntity<String> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js?bust=1", String.class);
            assertThat(config.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
            assertThat(config.getHeaders().getContentType()).hasToString("text/javascript;charset=UTF-8");
            JsonNode json = exported(config.getBody());
            assertThat(json.at("/locales/availableLocales").toString()).isEqualTo("[\"zh\",\"en\"]");
            assertThat(json.at("/locales/fallbackLocale").asText()).isEqualTo("en");
            assertThat(json.at("/app/vendor").asText()).isEqualTo("智慧工厂");
            assertThat(json.at("/app/name").asText()).isEqualTo("普惠信贷 · " + WebappCustomisation.APPS.get(app));
            assertThat(json.has("shortcuts")).isEqualTo(app.equals("tasklist"));
            assertThat(json.path("customScripts").toString()).isEqualTo(switch (app) {
                case "tasklist" -> "[\"scripts/form-messages\"]";
                case "cockpit" -> "[\"scripts/factory-dashboard\"]";
                default -> "";
            });

            ResponseEntity<String> styles = rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
            assertThat(styles.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(styles.getBody()).contains(".ce-eol-banner { display: none !important; }", "Noto Sans CJK SC",
                            "content: \"请选择 Select\"")
                    .doesNotContain("brand-logo");

            ResponseEntity<String> zh = rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class);
            assertThat(zh.getStatusCode()).as("%s zh.json", app).isEqualTo(HttpStatus.OK);
            assertThat(new ObjectMapper().readTree(zh.getBody()).at("/labels").size()).isGreaterThan(100);
        }
        ResponseEntity<String> messages = rest.getForEntity("/camunda/app/tasklist/scripts/form-messages.js", String.class);
        assertThat(messages.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(messages.getBody()).contains("export function translate", "必填项");
        assertThat(rest.getForEntity("/camunda/app/nosuchapp/scripts/config.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theLogoAndNameComeFromConfiguration() throws Exception {
        WebappCustomisation custom = new WebappCustomisation(new Branding("某某农商银行", "小微贷", "/branding/logo.png"));
        assertThat(exported(custom.configScript("cockpit")).at("/app/name").asText()).isEqualTo("小微贷 · 运营监控");
        assertThat(exported(custom.configScript("cockpit")).at("/app/vendor").asText()).isEqualTo("某某农商银行");
        assertThat(custom.styles()).contains("url(\"/branding/logo.png\")", ".brand-logo svg { display: none; }",
                ".login-logo svg { display: none; }");
        assertThatThrownBy(() -> new Branding("银行", "贷", "javascript:alert(1)")).hasMessageContaining("logo-url");
        assertThatThrownBy(() -> new Branding("银行", "贷", "/a\") ; x")).hasMessageContaining("logo-url");
        assertThatThrownBy(() -> new Branding(" ", "", "")).hasMessageContaining("vendor and name");
    }

    /**
     * Both endpoints are public on purpose: the login page loads them before anyone signs in, and they
     * hold nothing but the bank's name and styles. They are read-only: no method but GET is served,
     * for a signed-in member of staff or anyone else, and the configuration stays as it was.
     */
    @Test
    void theConfigurationIsPublicButCannotBeChanged() throws Exception {
        String before = rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
        for (String path : java.util.List.of("/camunda/app/tasklist/scripts/config.js", "/camunda/app/cockpit/styles/user-styles.css")) {
            for (TestRestTemplate caller : java.util.List.of(rest, rest.withBasicAuth("admin", "demo"), rest.withBasicAuth("am1", "demo"))) {
                ResponseEntity<String> post = caller.postForEntity(path, "export default {app: {name: 'x'}};", String.class);
                assertThat(post.getStatusCode().is2xxSuccessful()).as("POST %s", path).isFalse();
                assertThat(post.getStatusCode().value()).as("POST %s", path).isIn(401, 403, 405);
                ResponseEntity<String> put = caller.exchange(path, org.springframework.http.HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>("x"), String.class);
                assertThat(put.getStatusCode().value()).as("PUT %s", path).isIn(401, 403, 405);
            }
        }
        assertThat(rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class)).isEqualTo(before);
    }

    /** The object a config.js exports (it is JSON after "export default"). */
    private static JsonNode exported(String script) throws Exception {
        String body = script.substring(script.indexOf("export default ") + "export default ".length()).strip();
        return new ObjectMapper().readTree(body.substring(0, body.length() - 1));
    }
}

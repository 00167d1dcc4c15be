package cn.smartfactory.lending.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's Chinese texts for Camunda's webapps cover exactly the keys of the webjar's English
 * file of the Camunda version in use (an upgrade that adds keys fails here), keep every placeholder
 * and tag the webapps fill in, and leave nothing in English but names and codes.
 */
class WebappLocalesTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    /** {{ expressions }}, printf-style placeholders, HTML tags (not "<definition>"-style placeholders shown as text). */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{.*?}}|%[sd]|</?(?:a|b|br|code|div|em|i|kbd|li|ol|p|small|span|strong|u|ul)\\b[^>]*>");
    /** English left on purpose: product names, codes, operators, formats. */
    private static final Set<String> KEPT = Set.of("Admin", "Cockpit", "Tasklist", "Camunda", "Camunda Cockpit", "Optimize",
            "ID", "ID*", "CSV", "JSON", "<null>", "<undefined>", "<", "<=", ">", ">=", "L", "HH:mm", "",
            "YYYY-MM-DDTHH:mm:ss");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseCoversEveryKeyOfTheEnglishAndKeepsItsPlaceholders(String app) throws IOException {
        JsonNode en = read(app, "en");
        JsonNode zh = read(app, "zh");
        assertThat(paths(zh, "")).as("%s zh.json keys against the webjar's en.json", app).isEqualTo(paths(en, ""));

        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> labels = en.get("labels").fields();
        while (labels.hasNext()) {
            Map.Entry<String, JsonNode> label = labels.next();
            String english = label.getValue().asText();
            String chinese = zh.get("labels").get(label.getKey()).asText();
            if (!placeholders(chinese).containsAll(placeholders(english))) {
                problems.add(label.getKey() + ": placeholders " + placeholders(english) + " not all in \"" + chinese + "\"");
            }
            if (chinese.equals(english) && !KEPT.contains(english)) {
                problems.add(label.getKey() + ": left in English \"" + english + "\"");
            }
        }
        assertThat(problems).as(app).isEmpty();
    }

    private JsonNode read(String app, String locale) throws IOException {
        String resource = LOCALES.formatted(app, locale);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readTree(in);
        }
    }

    /** Every key path of a locale file, down to the leaves (lists count as leaves). */
    private static Set<String> paths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> paths.addAll(paths(f.getValue(), prefix + "/" + f.getKey())));
        } else {
            paths.add(prefix + (node.isArray() ? "[" + node.size() + "]" : ""));
        }
        return paths;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}

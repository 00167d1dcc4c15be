package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps the worked cases in docs/risk-model.md identical to what the engine computes, so a risk
 * manager who recomputes them by hand checks the real model. Run with {@code -Ddocs.update=true}
 * to rewrite the sections after a deliberate change to the tables or the reference data.
 */
class WorkedCasesDocTest {

    private static final Path DOC = Path.of("docs", "risk-model.md");

    @Test
    void documentedWorkedCasesMatchTheEngine() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        RiskEngine engine = RiskEngine.standalone();
        String updated = doc;
        for (String name : WorkedCases.names()) {
            var record = WorkedCases.load(name);
            String section = WorkedCaseMarkdown.render(name, record, engine.assess(record));
            String start = "<!-- worked-case " + name + " -->\n";
            String end = "<!-- /worked-case " + name + " -->";
            Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(updated);
            assertThat(m.find()).as("docs/risk-model.md has a section for %s", name).isTrue();
            updated = updated.substring(0, m.start(1)) + section + updated.substring(m.end(1));
        }
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/risk-model.md is out of date; rerun with -Ddocs.update=true").isEqualTo(updated);
    }
}

package cn.smartfactory.lending.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The management layer's packages depend only downwards: sla (deadlines) knows nothing of the figures,
 * kpi (facts and figures) nothing of accountability, evaluation or operations, accountability (reviews of bad
 * loans) nothing of evaluation or operations, evaluation nothing of operations; none of them, nor the line's
 * features they read, depends on them; and no feature reads another's demo data.
 */
class ManagementLayerBoundariesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "cn", "smartfactory", "lending");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?cn\\.smartfactory\\.lending\\.([a-z]+)\\.([A-Za-z]+)",
            Pattern.MULTILINE);

    /** Package → the packages it may not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "sla", List.of("kpi", "accountability", "evaluation", "operations"),
            "kpi", List.of("accountability", "evaluation", "operations"),
            "accountability", List.of("evaluation", "operations"),
            "evaluation", List.of("operations"),
            "origination", List.of("kpi", "sla", "accountability", "evaluation", "operations"),
            "monitoring", List.of("kpi", "sla", "accountability", "evaluation", "operations"),
            "marketing", List.of("kpi", "sla", "accountability", "evaluation", "operations"),
            "customer", List.of("kpi", "sla", "accountability", "evaluation", "operations"),
            "decision", List.of("kpi", "sla", "accountability", "evaluation", "operations"),
            "record", List.of("kpi", "sla", "accountability", "evaluation", "operations"));

    @Test
    void theManagementLayerDependsOnlyDownwards() throws IOException {
        TreeSet<String> violations = new TreeSet<>();
        for (var rule : FORBIDDEN.entrySet()) {
            for (Path file : javaFiles(SOURCES.resolve(rule.getKey()))) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (rule.getValue().contains(m.group(1))) {
                        violations.add(file.getFileName() + " imports " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noFeatureReadsAnothersDemoData() throws IOException {
        TreeSet<String> violations = new TreeSet<>();
        for (String feature : List.of("kpi", "sla", "accountability", "evaluation", "operations", "origination", "monitoring", "marketing",
                "customer")) {
            for (Path file : javaFiles(SOURCES.resolve(feature))) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    // DemoSeed is the platform's interface every seed implements, not demo data.
                    if (m.group(2).startsWith("Demo") && !m.group(2).equals("DemoSeed") && !m.group(1).equals(feature)) {
                        violations.add(file.getFileName() + " imports " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theRuleSeesImports() throws IOException {
        // A guard that reads nothing would pass anything: the kpi package does import origination and marketing.
        TreeSet<String> imported = new TreeSet<>();
        for (Path file : javaFiles(SOURCES.resolve("kpi"))) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                imported.add(m.group(1));
            }
        }
        assertThat(imported).contains("origination", "marketing", "sla");
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}

package cn.smartfactory.lending.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.investigation.Violation;

/** Refusals name a field by its label, so within one form no two fields may share one. */
class FormLabelsTest {

    @Test
    void everyFieldOfAFormHasItsOwnLabel() throws Exception {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                List<String> labels = new ArrayList<>();
                collect(new ObjectMapper().readTree(form.toFile()).path("components"), labels);
                assertThat(labels).as("labels of %s", form).doesNotHaveDuplicates().doesNotContain("");
            }
        }
    }

    /** A refusal names a field by the Chinese part of its label, then the English part: every label has both. */
    @Test
    void everyLabelIsChineseThenEnglish() throws Exception {
        java.util.regex.Pattern han = java.util.regex.Pattern.compile("\\p{IsHan}");
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                List<String> labels = new ArrayList<>();
                collect(new ObjectMapper().readTree(form.toFile()).path("components"), labels);
                assertThat(labels).as("labels of %s", form).allSatisfy(label -> {
                    assertThat(Violation.chinesePart(label)).as(label).containsPattern(han);
                    assertThat(Violation.englishPart(label)).as(label).doesNotContainPattern(han).isNotEqualTo(label);
                });
                // A Chinese reader and an English reader each tell every field apart.
                assertThat(labels.stream().map(Violation::chinesePart)).as("Chinese labels of %s", form).doesNotHaveDuplicates();
                assertThat(labels.stream().map(Violation::englishPart)).as("English labels of %s", form).doesNotHaveDuplicates();
            }
        }
    }

    private static void collect(JsonNode components, List<String> labels) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                labels.add(c.path("label").asText(""));
            }
            collect(c.path("components"), labels);
        }
    }
}

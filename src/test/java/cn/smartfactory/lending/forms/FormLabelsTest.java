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

    private static void collect(JsonNode components, List<String> labels) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                labels.add(c.path("label").asText(""));
            }
            collect(c.path("components"), labels);
        }
    }
}

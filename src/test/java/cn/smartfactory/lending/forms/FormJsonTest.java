package cn.smartfactory.lending.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every committed form read and written back is the same file: generators rewrite only what they generate. */
class FormJsonTest {

    @Test
    void everyFormRoundTripsByteForByte() throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                String text = Files.readString(form, StandardCharsets.UTF_8);
                assertThat(FormJson.write(FormJson.read(text))).as("%s", form).isEqualTo(text);
            }
        }
    }
}

package cn.smartfactory.lending.industry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.forms.FormJson;

/**
 * Writes the parts of the forms that are derived from the industry catalog (the risk reference data), so an
 * industry is described once: the industries an application can be taken for ({@code application-start},
 * field {@code industry}). Run {@code ./mvnw -q compile exec:java -Dexec.mainClass=cn.smartfactory.lending.industry.IndustryForms}
 * after changing the catalog; {@code IndustryFormsTest} fails while a committed form differs from what this
 * generates.
 */
public final class IndustryForms {

    public static final Path APPLICATION_START = Path.of("forms", "application-start.form");

    private IndustryForms() {
    }

    /** The application start form with one industry choice per catalog entry, labelled 中文 then English. */
    public static String applicationStart(String committed, IndustryCatalog catalog) {
        JsonNode form = FormJson.read(committed);
        ObjectNode select = find(form.get("components"), "industry");
        if (select == null) {
            throw new IllegalStateException(APPLICATION_START + " has no field 'industry'");
        }
        ArrayNode values = select.putArray("values");
        for (Industry industry : catalog.all()) {
            values.addObject().put("label", industry.nameZh() + " " + industry.nameEn()).put("value", industry.code());
        }
        return FormJson.write(form);
    }

    private static ObjectNode find(JsonNode components, String key) {
        if (components == null) {
            return null;
        }
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null))) {
                return (ObjectNode) c;
            }
            ObjectNode inner = find(c.get("components"), key);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        IndustryCatalog catalog = IndustryCatalog.fromClasspath();
        String committed = Files.readString(APPLICATION_START, StandardCharsets.UTF_8);
        Files.writeString(APPLICATION_START, applicationStart(committed, catalog), StandardCharsets.UTF_8);
    }
}

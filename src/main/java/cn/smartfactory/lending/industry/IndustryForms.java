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
 * Writes the forms, and the parts of forms, that are derived from the industry catalog (the risk reference data),
 * so an industry is described once: the industries an application can be taken for ({@code application-start},
 * field {@code industry}) and each industry's on-site investigation checklist — the common sections from one
 * template ({@code forms/templates/investigation-checklist.template.json}), the title and the industry driver
 * section from the catalog. Run
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=cn.smartfactory.lending.industry.IndustryForms} after changing
 * the catalog or the template; {@code IndustryCatalogTest} fails while a committed form differs from what this
 * generates.
 */
public final class IndustryForms {

    public static final Path APPLICATION_START = Path.of("forms", "application-start.form");
    public static final Path INVESTIGATION_TEMPLATE = Path.of("forms", "templates", "investigation-checklist.template.json");
    static final String TITLE_ID = "Text_ChecklistTitle";
    static final String DRIVER_ID = "Group_IndustryDriver";

    /** The checklist form of an industry: FMCG_WHOLESALE → investigation-fmcg-wholesale. */
    public static String investigationForm(String industryCode) {
        return "investigation-" + industryCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Where an industry's checklist form is committed. */
    public static Path investigationFormFile(String industryCode) {
        return Path.of("forms", investigationForm(industryCode) + ".form");
    }

    /**
     * An industry's checklist: the template's sections, its title naming the industry, and the industry driver
     * section asking for each driver input with its label, unit and plausible range (the server enforces the same).
     */
    public static String investigation(String template, Industry industry) {
        ObjectNode form = (ObjectNode) FormJson.read(template);
        form.put("id", investigationForm(industry.code()));
        ObjectNode title = find(form.get("components"), TITLE_ID, "id");
        ObjectNode driver = find(form.get("components"), DRIVER_ID, "id");
        if (title == null || driver == null) {
            throw new IllegalStateException(INVESTIGATION_TEMPLATE + " needs components " + TITLE_ID + " and " + DRIVER_ID);
        }
        title.put("text", title.get("text").asText().replace("@@nameZh@@", industry.nameZh()).replace("@@nameEn@@", industry.nameEn()));
        driver.put("label", "行业经营驱动 Industry driver: " + industry.driverDescriptionZh());
        ArrayNode fields = driver.putArray("components");
        for (DriverInput input : industry.driverInputs()) {
            String key = "driver" + Character.toUpperCase(input.name().charAt(0)) + input.name().substring(1);
            ObjectNode field = fields.addObject().put("type", "number").put("key", key)
                    .put("label", input.labelZh() + " " + input.labelEn() + " (" + input.unit() + ")").put("id", "Field_" + key);
            field.putObject("validate").put("required", true).put("min", input.min()).put("max", input.max());
        }
        return FormJson.write(form);
    }

    private IndustryForms() {
    }

    /** The application start form with one industry choice per catalog entry, labelled 中文 then English. */
    public static String applicationStart(String committed, IndustryCatalog catalog) {
        JsonNode form = FormJson.read(committed);
        ObjectNode select = find(form.get("components"), "industry", "key");
        if (select == null) {
            throw new IllegalStateException(APPLICATION_START + " has no field 'industry'");
        }
        ArrayNode values = select.putArray("values");
        for (Industry industry : catalog.all()) {
            values.addObject().put("label", industry.nameZh() + " " + industry.nameEn()).put("value", industry.code());
        }
        return FormJson.write(form);
    }

    private static ObjectNode find(JsonNode components, String value, String property) {
        if (components == null) {
            return null;
        }
        for (JsonNode c : components) {
            if (value.equals(c.path(property).asText(null))) {
                return (ObjectNode) c;
            }
            ObjectNode inner = find(c.get("components"), value, property);
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
        String template = Files.readString(INVESTIGATION_TEMPLATE, StandardCharsets.UTF_8);
        for (Industry industry : catalog.all()) {
            Files.writeString(investigationFormFile(industry.code()), investigation(template, industry), StandardCharsets.UTF_8);
        }
    }
}

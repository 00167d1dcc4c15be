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
 * template ({@code forms/templates/investigation-checklist.template.json}), the title, the household's region
 * choices (the household expense norms) and the industry driver section from the catalog — and each monitoring checklist's industry sections (the industry's monitoring
 * questions). Run
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=cn.smartfactory.lending.industry.IndustryForms} after changing
 * the catalog or the template; {@code IndustryCatalogTest} fails while a committed form differs from what this
 * generates.
 */
public final class IndustryForms {

    public static final Path APPLICATION_START = Path.of("forms", "application-start.form");
    /** The account manager's outreach form, which applies on the customer's behalf: its product choices are the matrix's. */
    public static final Path LEAD_OUTREACH = Path.of("forms", "lead-outreach.form");
    public static final Path INVESTIGATION_TEMPLATE = Path.of("forms", "templates", "investigation-checklist.template.json");
    static final String TITLE_ID = "Text_ChecklistTitle";
    static final String DRIVER_ID = "Group_IndustryDriver";
    static final String CONCLUSION_ID = "Group_Conclusion";
    /** The household's region, whose choices are the catalog's household expense norms. */
    static final String REGION_KEY = "householdRegion";

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
    public static String investigation(String template, IndustryCatalog catalog, Industry industry) {
        ObjectNode form = (ObjectNode) FormJson.read(template);
        form.put("id", investigationForm(industry.code()));
        ObjectNode region = find(form.get("components"), REGION_KEY, "key");
        if (region == null) {
            throw new IllegalStateException(INVESTIGATION_TEMPLATE + " needs the field " + REGION_KEY);
        }
        ArrayNode regions = region.putArray("values");
        for (ExpenseNorm norm : catalog.expenseNorms()) {
            regions.addObject().put("label", norm.nameZh() + " " + norm.nameEn() + "(人均每月不低于 " + norm.perPersonMonthly()
                    .stripTrailingZeros().toPlainString() + " 元 at least CNY " + norm.perPersonMonthly().stripTrailingZeros()
                    .toPlainString() + " per person a month)").put("value", norm.code());
        }
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

    /**
     * A monitoring checklist with one section per industry that has monitoring questions, shown for loans of that
     * industry, before the conclusion; the form's other sections stay as they are.
     */
    public static String monitoringCheck(String committed, IndustryCatalog catalog) {
        ObjectNode form = (ObjectNode) FormJson.read(committed);
        ArrayNode components = (ArrayNode) form.get("components");
        ArrayNode rebuilt = components.arrayNode();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (JsonNode c : components) {
            if (c.path("conditional").path("hide").asText("").startsWith("=industry != ")) {
                continue; // an industry section: generated below
            }
            if (CONCLUSION_ID.equals(c.path("id").asText())) {
                catalog.all().stream().sorted(java.util.Comparator.comparing(Industry::code))
                        .filter(i -> !i.monitoringQuestions().isEmpty())
                        .forEach(i -> rebuilt.add(monitoringSection(rebuilt, i, keys)));
            }
            rebuilt.add(c);
        }
        form.set("components", rebuilt);
        return FormJson.write(form);
    }

    private static ObjectNode monitoringSection(ArrayNode factory, Industry industry, java.util.Set<String> keys) {
        ObjectNode group = factory.objectNode().put("type", "group").put("label", industry.nameZh() + " " + industry.nameEn())
                .put("showOutline", true);
        group.putObject("conditional").put("hide", "=industry != \"" + industry.code() + "\"");
        ArrayNode fields = group.putArray("components");
        for (MonitoringQuestion q : industry.monitoringQuestions()) {
            if (!keys.add(q.key())) {
                throw new IllegalArgumentException("industry catalog: monitoring question key '" + q.key() + "' of " + industry.code()
                        + " is used by another industry; every key must be unique on the checklist");
            }
            ObjectNode field = fields.addObject().put("type", q.isChoice() ? "select" : "number").put("key", q.key())
                    .put("label", q.labelZh() + " " + q.labelEn()).put("id", "Field_" + q.key());
            ObjectNode validate = field.putObject("validate").put("required", true);
            if (q.isChoice()) {
                ArrayNode values = field.putArray("values");
                q.options().forEach(o -> values.addObject().put("label", o.labelZh() + " " + o.labelEn()).put("value", o.value()));
            } else {
                validate.put("min", q.min()).put("max", q.max());
            }
        }
        group.put("id", "Group_" + pascal(industry.code()));
        return group;
    }

    private static String pascal(String code) {
        StringBuilder out = new StringBuilder();
        for (String part : code.toLowerCase(java.util.Locale.ROOT).split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** The monitoring checklists (one per product and guarantee, chosen by the monitoring-checklist table). */
    public static java.util.List<Path> monitoringForms() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("monitoring-check-")
                    && f.getFileName().toString().endsWith(".form")).sorted().toList();
        }
    }

    /** The products of the shipped product matrix (processes/credit-limit.dmn), in the table's order. */
    public static java.util.List<cn.smartfactory.lending.product.ProductTerms> shippedProducts() throws IOException {
        var catalog = new cn.smartfactory.lending.product.ProductCatalog(
                cn.smartfactory.lending.decision.StandaloneDecisionRules.fromClasspath());
        try (var in = IndustryForms.class.getClassLoader().getResourceAsStream("processes/credit-limit.dmn")) {
            return cn.smartfactory.lending.product.ProductForms.productCodes(in).stream()
                    .map(code -> catalog.find(code).orElseThrow()).toList();
        }
    }

    public static void main(String[] args) throws IOException {
        IndustryCatalog catalog = IndustryCatalog.fromClasspath();
        String committed = Files.readString(APPLICATION_START, StandardCharsets.UTF_8);
        Files.writeString(APPLICATION_START, cn.smartfactory.lending.product.ProductForms.applicationStart(
                applicationStart(committed, catalog), shippedProducts()), StandardCharsets.UTF_8);
        Files.writeString(LEAD_OUTREACH, cn.smartfactory.lending.product.ProductForms.applicationStart(
                Files.readString(LEAD_OUTREACH, StandardCharsets.UTF_8), shippedProducts()), StandardCharsets.UTF_8);
        String template = Files.readString(INVESTIGATION_TEMPLATE, StandardCharsets.UTF_8);
        for (Industry industry : catalog.all()) {
            Files.writeString(investigationFormFile(industry.code()), investigation(template, catalog, industry),
                    StandardCharsets.UTF_8);
        }
        for (Path form : monitoringForms()) {
            Files.writeString(form, monitoringCheck(Files.readString(form, StandardCharsets.UTF_8), catalog), StandardCharsets.UTF_8);
        }
    }
}

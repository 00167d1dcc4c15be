package cn.smartfactory.lending.product;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.forms.FormJson;

/**
 * The parts of the application form the product matrix decides (产品矩阵): the product choices, one per row of
 * {@code product-terms} labelled 中文 then English, and the scenario data fields, shown for the scenario products only
 * and described with each product's own words. A product added to the tables appears on the form when the generator
 * runs ({@code IndustryForms.main}); {@code ProductMatrixTest} fails while the committed form differs.
 */
public final class ProductForms {

    static final String SCENARIO_REFERENCE = "scenarioReference";
    static final String SCENARIO_AMOUNT = "scenarioMonthlyAmount";

    private ProductForms() {
    }

    /** The product codes of the {@code product-terms} table, in the table's order. */
    public static List<String> productCodes(InputStream creditLimitDmn) {
        DmnModelInstance model = Dmn.readModelFromStream(creditLimitDmn);
        Decision decision = model.getModelElementById(ProductCatalog.DECISION);
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<String> codes = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            String entry = rule.getInputEntries().iterator().next().getTextContent().trim();
            if (!entry.matches("\"[A-Z][A-Z0-9_]*\"")) {
                throw new IllegalStateException(ProductCatalog.DECISION + " rule " + rule.getId()
                        + " must name one product code in quotes, got " + entry);
            }
            codes.add(entry.substring(1, entry.length() - 1));
        }
        return codes;
    }

    /**
     * An application form (the start form, or the outreach form that applies on a customer's behalf) with the matrix's
     * products and, after the drawdown month, the scenario data fields.
     */
    public static String applicationStart(String committed, List<ProductTerms> products) {
        JsonNode form = FormJson.read(committed);
        ArrayNode components = (ArrayNode) form.get("components");
        ObjectNode select = find(components, "product");
        if (select == null) {
            throw new IllegalStateException("the application form has no field 'product'");
        }
        ArrayNode values = select.putArray("values");
        products.forEach(p -> values.addObject().put("label", p.nameZh() + " " + p.nameEn()).put("value", p.code()));

        List<ProductTerms> scenario = products.stream().filter(p -> p.scenario() != null).toList();
        String notScenario = scenario.isEmpty() ? "true" : "not(" + scenario.stream()
                .map(p -> "product = \"" + p.code() + "\"").collect(Collectors.joining(" or ")) + ")";
        // Where the application's fields are themselves conditional (the outreach form shows them only to a customer who
        // wants to apply), the scenario fields are hidden whenever those are, too.
        String outer = find(components, "drawdownMonth") == null ? null
                : find(components, "drawdownMonth").path("conditional").path("hide").asText(null);
        String shown = outer == null || outer.isBlank() ? "=" + notScenario
                : "=(" + (outer.startsWith("=") ? outer.substring(1) : outer) + ") or " + notScenario;
        ObjectNode reference = field(components, SCENARIO_REFERENCE, "drawdownMonth");
        reference.put("type", "textfield").put("label", "场景凭证编号 Scenario reference").put("id", "Field_" + SCENARIO_REFERENCE)
                .put("description", scenario.stream().map(p -> p.nameZh() + ":" + p.scenario().referenceLabel())
                        .collect(Collectors.joining(";")));
        reference.putObject("validate").put("required", true).put("maxLength", 100);
        reference.putObject("conditional").put("hide", shown);
        ObjectNode amount = field(components, SCENARIO_AMOUNT, SCENARIO_REFERENCE);
        amount.put("type", "number").put("label", "场景月均金额(元) Scenario amount a month (CNY)")
                .put("id", "Field_" + SCENARIO_AMOUNT).put("description", scenario.stream()
                        .map(p -> p.nameZh() + ":" + p.scenario().amountLabel()).collect(Collectors.joining(";")));
        amount.putObject("validate").put("required", true).put("min", 0).put("max", 100000000);
        amount.putObject("conditional").put("hide", shown);
        return FormJson.write(form);
    }

    /** The field with the key, created right after {@code after} when the form has none yet; emptied to be rewritten. */
    private static ObjectNode field(ArrayNode components, String key, String after) {
        Place existing = locate(components, key);
        if (existing != null) {
            ObjectNode node = (ObjectNode) existing.parent().get(existing.index());
            node.removeAll();
            node.put("key", key);
            return node;
        }
        Place anchor = locate(components, after);
        if (anchor == null) {
            throw new IllegalStateException("the application form has no field '" + after + "'");
        }
        ObjectNode created = anchor.parent().insertObject(anchor.index() + 1);
        created.put("key", key);
        return created;
    }

    private static ObjectNode find(ArrayNode components, String key) {
        Place place = locate(components, key);
        return place == null ? null : (ObjectNode) place.parent().get(place.index());
    }

    /** Where a field sits: its list of components (a group's, or the form's) and its position in it. */
    private record Place(ArrayNode parent, int index) {
    }

    private static Place locate(ArrayNode components, String key) {
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            if (key.equals(c.path("key").asText())) {
                return new Place(components, i);
            }
            if (c.path("components") instanceof ArrayNode inner) {
                Place found = locate(inner, key);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

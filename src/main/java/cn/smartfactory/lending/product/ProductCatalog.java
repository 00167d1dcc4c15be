package cn.smartfactory.lending.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.DecisionTableException;

/** Looks up product terms in the {@code product-terms} table; a product without a row is unknown. */
public class ProductCatalog {

    public static final String DECISION = "product-terms";
    public static final String STRUCTURES = "repayment-structure";
    public static final String ELIGIBILITY = "product-eligibility";

    private final DecisionRules rules;

    public ProductCatalog(DecisionRules rules) {
        this.rules = rules;
    }

    public Optional<ProductTerms> find(String product) {
        if (product == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = rules.evaluate(DECISION, Map.of("product", product));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (rows.size() > 1) {
            throw new DecisionTableException(DECISION, Map.of("product", product), "several rows for one product");
        }
        Map<String, Object> row = rows.get(0);
        ProductTerms terms = new ProductTerms(product, (String) row.get("productNameZh"), (String) row.get("productNameEn"),
                decimal(row, "minAmount"), decimal(row, "maxAmount"), decimal(row, "annualRate"), Boolean.TRUE.equals(row.get("requiresCollateral")),
                decimal(row, "roundingUnit"), scenario(product, row));
        if (terms.minAmount() == null || terms.minAmount().signum() <= 0 || terms.maxAmount() == null
                || terms.minAmount().compareTo(terms.maxAmount()) > 0 || terms.annualRate() == null || terms.roundingUnit() == null
                || terms.roundingUnit().signum() <= 0 || terms.annualRate().signum() < 0) {
            throw new DecisionTableException(DECISION, Map.of("product", product),
                    "incomplete terms " + row + " (0 < minAmount <= maxAmount, annualRate >= 0 and roundingUnit > 0 are required)");
        }
        return Optional.of(terms);
    }

    /**
     * How long a product may be repaid with a structure (the {@code repayment-structure} table); empty when the product
     * does not offer it.
     */
    public Optional<Integer> maxTermMonths(String product, RepaymentStructure structure) {
        if (product == null || structure == null) {
            return Optional.empty();
        }
        Map<String, Object> inputs = Map.of("product", product, "structure", structure.name());
        List<Map<String, Object>> rows = rules.evaluate(STRUCTURES, inputs);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!(rows.get(0).get("maxTermMonths") instanceof Number n) || n.intValue() < 1) {
            throw new DecisionTableException(STRUCTURES, inputs, "maxTermMonths must be a whole number of months >= 1");
        }
        return Optional.of(n.intValue());
    }

    /** A scenario product's data, from the table's scenario columns; null when the product has none. */
    private static ProductTerms.Scenario scenario(String product, Map<String, Object> row) {
        Object reference = row.get("scenarioReferenceLabel");
        Object amount = row.get("scenarioAmountLabel");
        BigDecimal months = decimal(row, "scenarioCapMonths");
        if (reference == null && amount == null && months == null) {
            return null;
        }
        if (reference == null || amount == null || months == null || months.signum() <= 0) {
            throw new DecisionTableException(DECISION, Map.of("product", product), "a scenario product needs "
                    + "scenarioReferenceLabel, scenarioAmountLabel and scenarioCapMonths > 0, got " + row);
        }
        return new ProductTerms.Scenario(reference.toString(), amount.toString(), months);
    }

    /**
     * Whether the applicant may have the product (the {@code product-eligibility} table): the industries it is for and
     * what its scenario data must show.
     */
    public Eligibility eligibility(String product, String industry, String scenarioReference, BigDecimal scenarioMonthlyAmount) {
        Map<String, Object> inputs = new java.util.HashMap<>();
        inputs.put("product", product);
        inputs.put("industry", industry);
        inputs.put("scenarioReferenceGiven", scenarioReference != null && !scenarioReference.isBlank());
        inputs.put("scenarioMonthlyAmount", scenarioMonthlyAmount);
        List<Map<String, Object>> rows = rules.evaluate(ELIGIBILITY, inputs);
        if (rows.isEmpty() || !(rows.get(0).get("eligible") instanceof Boolean eligible)) {
            throw new DecisionTableException(ELIGIBILITY, inputs, "no row decides; the table needs a last row for any product");
        }
        Map<String, Object> row = rows.get(0);
        return new Eligibility(eligible, (String) row.get("reasonZh"), (String) row.get("reasonEn"));
    }

    /** Whether an applicant may have a product, and why not. */
    public record Eligibility(boolean eligible, String reasonZh, String reasonEn) {
    }

    private static BigDecimal decimal(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? Decimals.exact(n) : null;
    }
}

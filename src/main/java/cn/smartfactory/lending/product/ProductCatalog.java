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
                decimal(row, "roundingUnit"));
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

    private static BigDecimal decimal(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? Decimals.exact(n) : null;
    }
}

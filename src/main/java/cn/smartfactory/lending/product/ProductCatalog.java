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

    private static BigDecimal decimal(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? Decimals.exact(n) : null;
    }
}

package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/origination-screens.dmn: the pre-screen and the bureau screen. */
class OriginationScreensTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/origination-screens.dmn");
    private static final DecisionRules RULES = COVERAGE.rules();

    /**
     * The product's cap and whether the applicant may have the product come from the product matrix (product-terms,
     * product-eligibility), as the intake computes them; the screen writes no product's figures itself.
     */
    @ParameterizedTest(name = "age {0}, {1}, {2} {3} CNY over {4} months, eligible {5}: {6}")
    @CsvSource({
            "40, CATERING, CREDIT, 300000, 36, true, PASS",
            "17, CATERING, CREDIT, 100000, 12, true, AGE_OUT_OF_RANGE",
            "66, CATERING, CREDIT, 100000, 12, true, AGE_OUT_OF_RANGE",
            "65, LOGISTICS, GUARANTEED, 1000000, 60, true, PASS",
            "40, CASINO, CREDIT, 100000, 12, true, INDUSTRY_NOT_SERVED",
            "40, RETAIL_STORE, CREDIT, 300001, 12, true, ABOVE_PRODUCT_CAP",
            "40, RETAIL_STORE, GUARANTEED, 1000001, 12, true, ABOVE_PRODUCT_CAP",
            "40, AGRICULTURE, MORTGAGE, 3000001, 12, true, ABOVE_PRODUCT_CAP",
            "40, AGRICULTURE, MORTGAGE, 3000000, 120, true, PASS",
            "40, CATERING, TOBACCO_RETAIL, 100000, 12, false, PRODUCT_NOT_ELIGIBLE",
            "40, RETAIL_STORE, TOBACCO_RETAIL, 300001, 12, true, ABOVE_PRODUCT_CAP",
            "40, FMCG_WHOLESALE, CREDIT, 100000, 37, true, TERM_TOO_LONG"})
    void preScreenStopsWhatTheBankDoesNotLendTo(int age, String industry, String product, BigDecimal amount, int term,
                                                boolean eligible, String expected) {
        boolean served = cn.smartfactory.lending.industry.IndustryCatalog.fromClasspath().find(industry).isPresent();
        BigDecimal cap = PRODUCTS.find(product).orElseThrow().maxAmount();
        Map<String, Object> inputs = new HashMap<>(Map.of("applicantAge", age, "industryServed", served,
                "product", product, "amount", amount, "termMonths", term));
        inputs.put("productEligible", eligible);
        inputs.put("aboveProductCap", amount.compareTo(cap) > 0);
        Map<String, Object> row = RULES.evaluateSingle("pre-screen", inputs);
        assertThat(row).containsEntry("result", expected);
        assertThat((String) row.get("reasonZh")).isNotBlank();
    }

    private static final cn.smartfactory.lending.product.ProductCatalog PRODUCTS = new cn.smartfactory.lending.product.ProductCatalog(
            cn.smartfactory.lending.decision.StandaloneDecisionRules.fromClasspath());

    @ParameterizedTest(name = "overdue {0}, blacklisted {1}, {2} inquiries, documents {3}: {4}")
    @CsvSource({
            "false, false, 3, true, PASS",
            "true, false, 3, true, BUREAU_CURRENT_OVERDUE",
            "false, true, 3, true, BLACKLISTED",
            "false, false, 10, true, PASS",
            "false, false, 11, true, TOO_MANY_INQUIRIES",
            "false, false, 0, false, DOCUMENTS_INCOMPLETE"})
    void bureauScreenKnocksOutBeforeTheVisit(boolean overdue, boolean blacklisted, int inquiries, boolean documents,
                                             String expected) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("bureauCurrentOverdue", overdue);
        inputs.put("bureauBlacklisted", blacklisted);
        inputs.put("bureauInquiries6Months", inquiries);
        inputs.put("documentsComplete", documents);
        assertThat(RULES.evaluateSingle("bureau-screen", inputs)).containsEntry("result", expected);
    }

    @AfterAll
    static void everyScreeningRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}

package cn.smartfactory.lending.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.product.ProductCatalog;
import cn.smartfactory.lending.product.ProductTerms;
import cn.smartfactory.lending.product.RepaymentStructure;

/** Every rule of processes/credit-limit.dmn: DSR caps by grade and the product matrix. */
class CreditLimitTablesTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/credit-limit.dmn");
    private static final DecisionRules RULES = COVERAGE.rules();

    @ParameterizedTest(name = "grade {0} may spend {1} of disposable income on instalments")
    @CsvSource({"A, 0.60", "B, 0.55", "C, 0.50", "D, 0.40", "E, 0"})
    void dsrCapFallsWithTheGrade(String grade, BigDecimal cap) {
        Object value = RULES.evaluateSingle("limit-dsr-cap", Map.of("grade", grade)).get("dsrCap");
        assertThat(new BigDecimal(value.toString())).isEqualByComparingTo(cap);
    }

    @ParameterizedTest(name = "{0}: minimum {1}, cap {2}, rate {3}, collateral {4}")
    @CsvSource({"CREDIT, 10000, 300000, 0.072, false", "GUARANTEED, 10000, 1000000, 0.060, false",
            "MORTGAGE, 50000, 3000000, 0.045, true", "TOBACCO_RETAIL, 10000, 300000, 0.066, false"})
    void productTermsCarryMinimumCapRateAndCollateralRule(String product, BigDecimal minimum, BigDecimal cap, BigDecimal rate,
                                                          boolean collateral) {
        ProductTerms terms = new ProductCatalog(RULES).find(product).orElseThrow();
        assertThat(terms.minAmount()).isEqualByComparingTo(minimum);
        assertThat(terms.maxAmount()).isEqualByComparingTo(cap);
        assertThat(terms.annualRate()).isEqualByComparingTo(rate);
        assertThat(terms.requiresCollateral()).isEqualTo(collateral);
        assertThat(terms.roundingUnit()).isEqualByComparingTo("10000");
        assertThat(terms.nameZh()).isNotBlank();
    }

    /** How much of the appraised value may be lent, by property type and whether a dwelling is the family's only home. */
    @ParameterizedTest(name = "{0}, only home {1}: {2}")
    @CsvSource({"RESIDENTIAL, true, 0.5", "RESIDENTIAL, false, 0.7", "COMMERCIAL, false, 0.6", "INDUSTRIAL, false, 0.5"})
    void theAdvanceRateFollowsTheProperty(String propertyType, boolean soleResidence, BigDecimal rate) {
        Map<String, Object> row = RULES.evaluateSingle("collateral-advance-rate", Map.of("product", "MORTGAGE",
                "propertyType", propertyType, "soleResidence", soleResidence));
        assertThat(new BigDecimal(row.get("advanceRate").toString())).isEqualByComparingTo(rate);
        assertThat((String) row.get("reasonZh")).isNotBlank();
        assertThat((String) row.get("reasonEn")).isNotBlank();
    }

    /** Each grade's spread on the list rate; mortgages carry half of it. */
    @ParameterizedTest(name = "{0} grade {1}: spread {2}")
    @CsvSource({"MORTGAGE, A, -0.003", "MORTGAGE, B, 0", "MORTGAGE, C, 0.006", "MORTGAGE, D, 0.012", "MORTGAGE, E, 0.018",
            "CREDIT, A, -0.006", "CREDIT, B, 0", "CREDIT, C, 0.012", "CREDIT, D, 0.024", "CREDIT, E, 0.036",
            "GUARANTEED, A, -0.006", "GUARANTEED, C, 0.012"})
    void theRateIsPricedByProductAndGrade(String product, String grade, BigDecimal spread) {
        Object value = RULES.evaluateSingle("risk-based-pricing", Map.of("product", product, "grade", grade)).get("spread");
        assertThat(new BigDecimal(value.toString())).isEqualByComparingTo(spread);
    }

    /** Worked by hand: a grade-A credit loan at 7.20% − 0.60% = 6.60%; a grade-C mortgage at 4.50% + 0.60% = 5.10%. */
    @Test
    void thePricedRateIsTheListRatePlusTheSpread() {
        var pricing = new cn.smartfactory.lending.limit.RiskBasedPricing(RULES);
        var catalog = new ProductCatalog(RULES);
        assertThat(pricing.price(catalog.find("CREDIT").orElseThrow(), "A").rate()).isEqualByComparingTo("0.066");
        assertThat(pricing.price(catalog.find("MORTGAGE").orElseThrow(), "C").rate()).isEqualByComparingTo("0.051");
        assertThat(pricing.price(catalog.find("GUARANTEED").orElseThrow(), "B").rate()).isEqualByComparingTo("0.060");
    }

    /** How long each product may be repaid with each structure: a balloon is short except against property. */
    @ParameterizedTest(name = "{0} repaid {1}: at most {2} months")
    @CsvSource({"CREDIT, EQUAL_INSTALMENT, 360", "MORTGAGE, EQUAL_INSTALMENT, 360", "CREDIT, INTEREST_ONLY, 12",
            "GUARANTEED, INTEREST_ONLY, 12", "MORTGAGE, INTEREST_ONLY, 36", "CREDIT, SEASONAL, 24", "MORTGAGE, SEASONAL, 24",
            "TOBACCO_RETAIL, EQUAL_INSTALMENT, 36", "TOBACCO_RETAIL, SEASONAL, 24"})
    void eachStructureHasItsLongestTermByProduct(String product, RepaymentStructure structure, int months) {
        assertThat(new ProductCatalog(RULES).maxTermMonths(product, structure)).contains(months);
        Map<String, Object> row = RULES.evaluateSingle("repayment-structure", Map.of("product", product,
                "structure", structure.name()));
        assertThat(row.get("structureNameZh")).isEqualTo(structure.nameZh());
        assertThat(row.get("structureNameEn")).isEqualTo(structure.nameEn());
    }

    /** Outside a guarantee group the whole net assets may stand behind guarantees, inside one half of them. */
    @ParameterizedTest(name = "guarantee group {0}: share of net assets {1}")
    @CsvSource({"NONE, 1", "MUTUAL, 0.5", "JOINT, 0.5"})
    void aGuarantorsCapacityDependsOnTheirGuaranteeGroup(String chain, BigDecimal share) {
        Map<String, Object> row = RULES.evaluateSingle("guarantor-capacity", Map.of("guaranteeChain", chain));
        assertThat(new BigDecimal(row.get("netAssetShare").toString())).isEqualByComparingTo(share);
        assertThat((String) row.get("reasonZh")).isNotBlank();
        assertThat((String) row.get("reasonEn")).isNotBlank();
    }

    /** 烟草贷 is for licensed retail stores buying at least 20,000 of tobacco a month; every other product for anyone. */
    @ParameterizedTest(name = "{0} for {1}, licence {2}, {3} a month: eligible {4}")
    @CsvSource(nullValues = "none", value = {"TOBACCO_RETAIL, CATERING, true, 50000, false",
            "TOBACCO_RETAIL, RETAIL_STORE, false, 50000, false", "TOBACCO_RETAIL, RETAIL_STORE, true, 19999, false",
            "TOBACCO_RETAIL, RETAIL_STORE, true, 20000, true", "CREDIT, CATERING, false, none, true"})
    void theProductMatrixSaysWhoMayHaveEachProduct(String product, String industry, boolean licence, BigDecimal monthly,
                                                   boolean eligible) {
        var e = new ProductCatalog(RULES).eligibility(product, industry, licence ? "510104100123" : null, monthly);
        assertThat(e.eligible()).isEqualTo(eligible);
        assertThat(e.reasonZh()).isNotBlank();
        assertThat(e.reasonEn()).isNotBlank();
    }

    @Test
    void theTobaccoLoanLendsOnItsScenarioData() {
        var scenario = new ProductCatalog(RULES).find("TOBACCO_RETAIL").orElseThrow().scenario();
        assertThat(scenario.referenceLabel()).isEqualTo("烟草专卖零售许可证号 Tobacco retail licence number");
        assertThat(scenario.capMonths()).isEqualByComparingTo("6");
        assertThat(new ProductCatalog(RULES).find("CREDIT").orElseThrow().scenario()).isNull();
    }

    @Test
    void aStructureWithoutARowIsNotOffered() {
        assertThat(RULES.evaluate("repayment-structure", Map.of("product", "CREDIT", "structure", "BULLET_EVERY_DECADE")))
                .isEmpty();
    }

    @Test
    void unknownProductHasNoTerms() {
        assertThat(new ProductCatalog(RULES).find("PAYDAY")).isEmpty();
    }

    @AfterAll
    static void everyRuleOfTheLimitPolicyWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}

package cn.smartfactory.lending.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.industry.IndustryForms;
import cn.smartfactory.lending.investigation.InvalidInvestigationException;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * The product matrix (产品矩阵) as data: the shipped scenario product 烟草贷 lends on its scenario data, and a new
 * scenario product — 税易贷, lent on the tax a business pays — is added by table rows alone: terms, eligibility, the
 * scenario cap, pricing, repayment structures and monitoring checklist follow without a line of code, and the
 * application form's choices and scenario fields are regenerated from the tables.
 */
class ProductMatrixTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    /** Case 3 (a retail store asking 100,000) applying for a scenario product with this much a month through it. */
    private static RiskAssessment scenario(RiskEngine engine, String product, Integer monthly) {
        return engine.assess(WorkedCases.mutate("3-retail-store", root -> {
            ObjectNode loan = (ObjectNode) root.get("loan");
            loan.put("product", product);
            loan.put("scenarioReference", "510104100123");
            if (monthly != null) {
                loan.put("scenarioMonthlyAmount", monthly);
            }
        }));
    }

    /** 25,000 of tobacco a month × 6 months = 150,000: above the request, which is lent. */
    @Test
    void theTobaccoLoanLendsOnTheTobaccoTrade() {
        RiskAssessment a = scenario(ENGINE, "TOBACCO_RETAIL", 25000);
        assertThat(a.product().nameZh()).isEqualTo("烟草贷");
        assertThat(a.creditLimit().constraint(Kind.SCENARIO).amount()).isEqualByComparingTo("150000");
        assertThat(a.creditLimit().constraint(Kind.SCENARIO).basisZh()).isEqualTo("月均卷烟进货额(元) × 月数:25,000 × 6");
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("100000");
        // Grade A: the list rate 6.60 % − 0.60 % from the rows for any product.
        assertThat(a.pricing().rate()).isEqualByComparingTo("0.060");
    }

    /** 15,000 a month × 6 = 90,000 binds: the request gets a counter-offer of 90,000. */
    @Test
    void theScenarioCapBindsLikeAnyOtherConstraint() {
        RiskAssessment a = scenario(ENGINE, "TOBACCO_RETAIL", 15000);
        assertThat(a.creditLimit().binding()).isEqualTo(Kind.SCENARIO);
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("90000");
        assertThat(a.counterOffer()).isNotNull();
    }

    @Test
    void aScenarioProductNeedsItsScenarioData() {
        assertThatThrownBy(() -> ENGINE.assess(WorkedCases.mutate("3-retail-store", root ->
                ((ObjectNode) root.get("loan")).put("product", "TOBACCO_RETAIL"))))
                .isInstanceOf(InvalidInvestigationException.class)
                .hasMessageContaining("loan.scenarioReference").hasMessageContaining("loan.scenarioMonthlyAmount");
        // The other products ask for none.
        assertThat(ENGINE.assess(WorkedCases.load("3-retail-store")).creditLimit().constraint(Kind.SCENARIO)).isNull();
    }

    @Test
    void theTobaccoLoanIsForLicensedRetailersWithEnoughTobaccoTrade() {
        ProductCatalog catalog = new ProductCatalog(StandaloneDecisionRules.fromClasspath());
        assertThat(catalog.eligibility("TOBACCO_RETAIL", "RETAIL_STORE", "510104100123", new BigDecimal("20000")).eligible())
                .isTrue();
        assertThat(catalog.eligibility("TOBACCO_RETAIL", "CATERING", "510104100123", new BigDecimal("50000")).reasonZh())
                .isEqualTo("烟草贷仅限零售门店");
        assertThat(catalog.eligibility("TOBACCO_RETAIL", "RETAIL_STORE", null, new BigDecimal("50000")).reasonEn())
                .contains("licence");
        assertThat(catalog.eligibility("TOBACCO_RETAIL", "RETAIL_STORE", "510104100123", new BigDecimal("19999")).eligible())
                .isFalse();
        assertThat(catalog.eligibility("CREDIT", "CATERING", null, null).eligible()).isTrue();
    }

    /** The committed application form offers exactly the matrix's products, with the scenario fields it needs. */
    @Test
    void theApplicationFormIsGeneratedFromTheMatrix() throws Exception {
        String committed = Files.readString(IndustryForms.APPLICATION_START);
        assertThat(ProductForms.applicationStart(committed, IndustryForms.shippedProducts())).isEqualTo(committed);
        assertThat(committed).contains("烟草贷 Tobacco retailers' loan", "烟草贷:烟草专卖零售许可证号 Tobacco retail licence number",
                "=not(product = \\\"TOBACCO_RETAIL\\\")");
        String outreach = Files.readString(IndustryForms.LEAD_OUTREACH);
        assertThat(ProductForms.applicationStart(outreach, IndustryForms.shippedProducts())).isEqualTo(outreach);
        assertThat(outreach).contains("烟草贷 Tobacco retailers' loan", ") or not(product = \\\"TOBACCO_RETAIL\\\")");
    }

    /**
     * 税易贷 (lent on the tax a business pays, up to 24 months of it, for any industry paying at least 500 a month) added as
     * a risk manager would in Modeler: one row in product-terms and one in product-eligibility. Case 3 paying 3,000 of tax a
     * month: 72,000 binds and 70,000 is offered; paying 300 it is not eligible; its monitoring check is the credit loans'.
     */
    @Test
    void aNewScenarioProductIsTableRowsAlone() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : StandaloneDecisionRules.RISK_RULE_FILES) {
            files.put(file, Files.readString(Path.of(file)));
        }
        files.put("processes/post-loan-monitoring-rules.dmn", Files.readString(Path.of("processes/post-loan-monitoring-rules.dmn")));
        String limits = files.get("processes/credit-limit.dmn");
        limits = limits.replace("      <rule id=\"Rule_ProductTerms_Tobacco\">", """
                      <rule id="Rule_ProductTerms_TaxEasy">
                        <inputEntry id="In_ProductTerms_TaxEasy_Product"><text>"TAX_EASY"</text></inputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_ProductNameZh"><text>"税易贷"</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_ProductNameEn"><text>"Tax-record loan"</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_MinAmount"><text>10000</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_MaxAmount"><text>500000</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_AnnualRate"><text>0.068</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_RequiresCollateral"><text>false</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_RoundingUnit"><text>10000</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_ScenarioReferenceLabel"><text>"纳税人识别号 Taxpayer number"</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_ScenarioAmountLabel"><text>"月均纳税额(元) Tax paid a month (CNY)"</text></outputEntry>
                        <outputEntry id="Out_ProductTerms_TaxEasy_ScenarioCapMonths"><text>24</text></outputEntry>
                      </rule>
                      <rule id="Rule_ProductTerms_Tobacco">""");
        limits = limits.replace("      <rule id=\"Rule_ProductEligibility_AnyProduct\">", """
                      <rule id="Rule_ProductEligibility_TaxEasyVolume">
                        <inputEntry id="In_ProductEligibility_TaxEasyVolume_Product"><text>"TAX_EASY"</text></inputEntry>
                        <inputEntry id="In_ProductEligibility_TaxEasyVolume_Industry"><text>-</text></inputEntry>
                        <inputEntry id="In_ProductEligibility_TaxEasyVolume_ReferenceGiven"><text>-</text></inputEntry>
                        <inputEntry id="In_ProductEligibility_TaxEasyVolume_MonthlyAmount"><text>&lt; 500</text></inputEntry>
                        <outputEntry id="Out_ProductEligibility_TaxEasyVolume_Eligible"><text>false</text></outputEntry>
                        <outputEntry id="Out_ProductEligibility_TaxEasyVolume_ReasonZh"><text>"月均纳税不足500元"</text></outputEntry>
                        <outputEntry id="Out_ProductEligibility_TaxEasyVolume_ReasonEn"><text>"Less than CNY 500 of tax paid a month"</text></outputEntry>
                      </rule>
                      <rule id="Rule_ProductEligibility_AnyProduct">""");
        assertThat(limits).contains("Rule_ProductTerms_TaxEasy", "Rule_ProductEligibility_TaxEasyVolume");
        files.put("processes/credit-limit.dmn", limits);
        DecisionRules rules = StandaloneDecisionRules.fromXml(files);
        RiskEngine engine = new RiskEngine(IndustryCatalog.fromClasspath(), rules);
        ProductCatalog catalog = new ProductCatalog(rules);

        RiskAssessment a = scenario(engine, "TAX_EASY", 3000);
        assertThat(a.product().nameZh()).isEqualTo("税易贷");
        assertThat(a.creditLimit().constraint(Kind.SCENARIO).amount()).isEqualByComparingTo("72000");
        assertThat(a.creditLimit().binding()).isEqualTo(Kind.SCENARIO);
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("70000");
        assertThat(a.pricing().rate()).isEqualByComparingTo("0.062"); // 6.80 % − 0.60 % for grade A, any product
        assertThat(a.schedule().instalments()).hasSize(24);
        assertThat(catalog.eligibility("TAX_EASY", "CATERING", "91510100MA6C", new BigDecimal("300")).reasonZh())
                .isEqualTo("月均纳税不足500元");
        assertThat(catalog.eligibility("TAX_EASY", "CATERING", "91510100MA6C", new BigDecimal("800")).eligible()).isTrue();
        assertThat(catalog.maxTermMonths("TAX_EASY", RepaymentStructure.INTEREST_ONLY)).contains(12);
        assertThat(rules.evaluateSingle("monitoring-checklist", Map.of("product", "TAX_EASY", "guaranteeType", "NONE")))
                .containsEntry("form", "monitoring-check-credit");

        // The application form, regenerated from the changed table, offers it with its own scenario words.
        List<String> codes;
        try (var in = new java.io.ByteArrayInputStream(limits.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            codes = ProductForms.productCodes(in);
        }
        assertThat(codes).containsExactly("CREDIT", "GUARANTEED", "MORTGAGE", "TAX_EASY", "TOBACCO_RETAIL");
        String form = ProductForms.applicationStart(Files.readString(IndustryForms.APPLICATION_START),
                codes.stream().map(code -> catalog.find(code).orElseThrow()).toList());
        assertThat(form).contains("税易贷 Tax-record loan", "税易贷:纳税人识别号 Taxpayer number",
                "product = \\\"TAX_EASY\\\" or product = \\\"TOBACCO_RETAIL\\\"");
    }
}

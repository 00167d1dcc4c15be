package cn.smartfactory.lending.origination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.scoring.WorkedCases;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;

/** The approver's brief carries every figure the assessment has, in the rows the approval form's tables show. */
class ApprovalBriefTest {

    private static final RiskEngine RISK = RiskEngine.standalone();

    @Test
    @SuppressWarnings("unchecked")
    void everyDimensionFindingAndConstraintIsARow() {
        RiskAssessment a = RISK.assess(WorkedCases.load("5-logistics"));

        Map<String, Object> brief = ApprovalBrief.of(a);

        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) brief.get("dimensions");
        assertThat(dimensions).hasSize(a.dimensions().size() + 1);
        assertThat(dimensions.subList(0, a.dimensions().size()).stream().mapToInt(d -> (Integer) d.get("points")).sum())
                .isEqualTo(a.totalScore()).isEqualTo(dimensions.get(a.dimensions().size()).get("points"));
        assertThat(dimensions.get(a.dimensions().size()).get("weight")).isEqualTo(100);
        assertThat(dimensions.get(0).get("dimension")).isEqualTo("主体与征信 Borrower & credit");

        List<Map<String, Object>> findings = (List<Map<String, Object>>) brief.get("findings");
        assertThat(findings).hasSize(a.flags().size() + a.knockouts().size());
        assertThat(brief.get("hasFindings")).isEqualTo(!findings.isEmpty());
        assertThat(findings).allSatisfy(f -> assertThat((String) f.get("reason")).containsPattern("\\p{IsHan}.* / .*[a-z]"));

        List<Map<String, Object>> constraints = (List<Map<String, Object>>) brief.get("constraints");
        assertThat(constraints).hasSize(a.creditLimit().constraints().size());
        assertThat(constraints).filteredOn(c -> ((String) c.get("constraint")).startsWith("★ ")).singleElement()
                .satisfies(c -> assertThat((String) c.get("constraint")).contains(a.creditLimit().binding().nameEn()));
        assertThat(brief.get("grade")).isEqualTo(a.grade());
        assertThat((String) brief.get("route")).startsWith(a.approvalRoute().nameZh());
        assertThat(brief.get("rate")).isEqualTo("7.20%(C 级:挂牌利率 6.00% +1.20%)/ grade C: list rate 6.00% +1.20%");
        assertThat((String) brief.get("stress")).startsWith("按 400,000 元").contains("sales −15.00% DSR 266.54%");
        assertThat(brief.get("counterOffer")).as("a declined case gets no counter-offer").isEqualTo("");
    }

    /** Case 2 is offered 80,000 instead of 100,000: the approval form's counter-offer line names why and what it costs. */
    @Test
    void aCounterOfferIsSpelledOutForTheApprover() {
        Map<String, Object> brief = ApprovalBrief.of(RISK.assess(WorkedCases.load("2-catering")));
        assertThat((String) brief.get("counterOffer")).startsWith("CNY 80,000 — 申请金额 100,000 超过还款能力")
                .contains("the request of 100,000 is above the repayment capacity", "月供 instalment 2,412", "偿债率 DSR 55.89%");
    }

    @Test
    void theVariableIsJsonTasklistHandsToTheForms() throws Exception {
        RiskAssessment a = RISK.assess(WorkedCases.load("3-retail-store"));

        JsonNode json = new ObjectMapper().readTree(ApprovalBrief.variable(a).getValueSerialized());

        assertThat(json.path("score").asInt()).isEqualTo(a.totalScore());
        assertThat(json.path("dimensions").isArray()).isTrue();
        assertThat(json.path("constraints").size()).isEqualTo(a.creditLimit().constraints().size());
    }
}

package cn.smartfactory.lending.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A violation reads as the API names the field for clients, and by the form's label for people. */
class ViolationTest {

    private final Violation share = new Violation("supplier1SharePercent", "REQUIRED", "is required", "为必填项",
            "供应商1占比% Supplier 1 share %");

    @Test
    void aPersonReadsTheLabelAndTheRuleChineseFirst() {
        Violation range = new Violation("grossMarginPercent", "MAX", "must be at most 100 (was 120)", "不能超过 100(当前为 120)",
                "实地核实毛利率% Gross margin % (verified)");

        assertThat(Violation.refusal("表单未通过校验", "Form not accepted", List.of(share, range))).isEqualTo(
                "表单未通过校验:“供应商1占比%”为必填项;“实地核实毛利率%”不能超过 100(当前为 120)。"
                        + "Form not accepted: \"Supplier 1 share %\" is required; \"Gross margin % (verified)\" must be at most 100 (was 120).");
    }

    @Test
    void aFieldWithoutALabelIsNamedAsSubmitted() {
        Violation notOnForm = new Violation("suggestedAmount", "NOT_ON_FORM", "is not a field of this form and may not be submitted",
                "不是本表单的字段,不能提交");

        assertThat(Violation.refusal("提交未被接受", "Submission not accepted", List.of(notOnForm))).isEqualTo(
                "提交未被接受:“suggestedAmount”不是本表单的字段,不能提交。"
                        + "Submission not accepted: \"suggestedAmount\" is not a field of this form and may not be submitted.");
    }

    @Test
    void aLongListIsCutShortWithACount() {
        List<Violation> many = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> new Violation("f" + i, "REQUIRED", "is required", "为必填项", "字段" + i + " Field " + i)).toList();

        String refusal = Violation.refusal("表单未通过校验", "Form not accepted", many);

        assertThat(refusal).contains("“字段8”为必填项;另有 3 项。").endsWith("\"Field 8\" is required; and 3 more.")
                .doesNotContain("字段9", "Field 9");
    }

    @Test
    void bilingualLabelsSplitAtTheSpaceAfterWhichNoChineseFollows() {
        assertThat(Violation.chinesePart("流水最近月份 Bank inflows: latest month (YYYY-MM)")).isEqualTo("流水最近月份");
        assertThat(Violation.englishPart("流水最近月份 Bank inflows: latest month (YYYY-MM)"))
                .isEqualTo("Bank inflows: latest month (YYYY-MM)");
        assertThat(Violation.chinesePart("申请金额(元) Amount (CNY)")).isEqualTo("申请金额(元)");
        assertThat(Violation.englishPart("approvalOpinion")).isEqualTo("approvalOpinion");
        assertThat(Violation.chinesePart("审批意见")).isEqualTo("审批意见");
    }

    @Test
    void aSubmittedValueCannotBecomeMarkupWhereTasklistShowsTheRefusal() {
        Violation echoed = new Violation("amount", "NOT_A_NUMBER", "must be a number (was '<img src=x onerror=alert(1)>')",
                "须为数字(当前为 '<img src=x onerror=alert(1)>')", "申请金额(元) Amount (CNY)");

        assertThat(Violation.refusal("表单未通过校验", "Form not accepted", List.of(echoed)))
                .doesNotContain("<", ">").contains("\uFF1Cimg src=x onerror=alert(1)\uFF1E");
        assertThat(Violation.oneRule("批准金额 Approved amount", "<b>", "<b>")).doesNotContain("<", ">");
    }

    @Test
    void oneRuleNamesTheFieldInBothLanguages() {
        assertThat(Violation.oneRule("批准金额 Approved amount", "批准金额不得超过申请金额", "the approved amount may not exceed the request"))
                .isEqualTo("“批准金额”:批准金额不得超过申请金额。\"Approved amount\": the approved amount may not exceed the request.");
    }

    @Test
    void apiClientsReadTheFieldAsTheyNamedIt() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(new Violation("topSuppliers[0].share", "REQUIRED", "is required", "为必填项"));

        assertThat(json.path("field").asText()).isEqualTo("topSuppliers[0].share");
        assertThat(json.path("message").asText()).isEqualTo("topSuppliers[0].share is required");
        assertThat(json.path("messageZh").asText()).isEqualTo("topSuppliers[0].share 为必填项");
        assertThat(json.has("detail")).isFalse();
        assertThat(json.has("label")).isFalse();
        assertThat(new ObjectMapper().valueToTree(share).path("label").asText()).isEqualTo("供应商1占比% Supplier 1 share %");
    }
}

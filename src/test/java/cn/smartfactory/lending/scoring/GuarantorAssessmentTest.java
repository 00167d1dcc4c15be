package cn.smartfactory.lending.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.investigation.InvalidInvestigationException;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;

/**
 * The guarantor of worked case 2 (catering, 100,000 guaranteed by the owner's brother: net assets 600,000, already
 * guaranteeing 50,000 for others) assessed by hand under each guarantee group.
 */
class GuarantorAssessmentTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    private static RiskAssessment caseTwo(Consumer<ObjectNode> guarantor) {
        return ENGINE.assess(WorkedCases.mutate("2-catering", root -> guarantor.accept((ObjectNode) root.get("guarantor"))));
    }

    /** Outside a group: 600,000 × 100 % − 50,000 = 550,000, far above the request; no flag. */
    @Test
    void aGuarantorOutsideAGroupStandsBehindTheirNetAssetsLessWhatTheyGuarantee() {
        RiskAssessment a = ENGINE.assess(WorkedCases.load("2-catering"));
        var guarantor = a.creditLimit().constraint(Kind.GUARANTOR);
        assertThat(guarantor.amount()).isEqualByComparingTo("550000");
        assertThat(guarantor.basisZh()).contains("600,000 × 100", "− 50,000", "不在担保圈");
        assertThat(a.flags()).noneMatch(f -> f.code().equals("GUARANTEE_CHAIN"));
    }

    /**
     * In a mutual guarantee of 2 with 150,000 of net assets: 150,000 × 50 % − 50,000 = 25,000 binds, the request of
     * 100,000 gets a counter-offer of 20,000 (rounded down to 10,000s), and the group is a soft flag.
     */
    @Test
    void aMutualGuaranteeCountsHalfTheNetAssetsAndIsFlagged() {
        RiskAssessment a = caseTwo(g -> {
            g.put("netAssets", 150000);
            g.put("chain", "MUTUAL");
            g.put("chainMembers", 2);
            g.put("chainMemberInDefault", false);
        });
        assertThat(a.creditLimit().constraint(Kind.GUARANTOR).amount()).isEqualByComparingTo("25000");
        assertThat(a.creditLimit().binding()).isEqualTo(Kind.GUARANTOR);
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("20000");
        assertThat(a.counterOffer()).isNotNull();
        assertThat(a.counterOffer().reasonZh()).contains("保证人担保能力");
        assertThat(a.flags()).filteredOn(f -> f.code().equals("GUARANTEE_CHAIN")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Flag.Severity.SOFT);
            assertThat(f.evidence()).isEqualTo("李强 Li Qiang 处于互保担保圈(2 户),无成员违约 / in a mutual guarantee of 2 members; "
                    + "none in default");
        });
    }

    /** A member of a joint group in default: a hard flag, so no single approver signs it. */
    @Test
    void aGroupMemberInDefaultIsAHardFlag() {
        RiskAssessment a = caseTwo(g -> {
            g.put("chain", "JOINT");
            g.put("chainMembers", 5);
            g.put("chainMemberInDefault", true);
        });
        assertThat(a.flags()).filteredOn(f -> f.code().equals("GUARANTEE_CHAIN")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Flag.Severity.HARD));
        assertThat(a.hasHardFlag()).isTrue();
        assertThat(a.creditLimit().constraint(Kind.GUARANTOR).amount()).isEqualByComparingTo("250000"); // 600,000 × 50 % − 50,000
    }

    /**
     * The guarantor's income against the instalment of the amount offered (80,000 over 36 months at 5.40 %: 2,412 a
     * month): at 9,000 a month no flag; at 2,000 a soft flag, since the guarantor could hardly pay it for the borrower.
     */
    @Test
    void aGuarantorWhoCouldNotPayTheInstalmentIsFlagged() {
        RiskAssessment documented = ENGINE.assess(WorkedCases.load("2-catering"));
        assertThat(documented.stress().instalment()).isEqualByComparingTo("2412.07");
        assertThat(documented.flags()).noneMatch(f -> f.code().equals("GUARANTOR_INCOME_SHORT"));
        RiskAssessment poor = caseTwo(g -> g.put("monthlyIncome", 2000));
        assertThat(poor.flags()).filteredOn(f -> f.code().equals("GUARANTOR_INCOME_SHORT")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Flag.Severity.SOFT);
            assertThat(f.evidence()).isEqualTo("李强 Li Qiang 月收入 2,000,月供 2,412 / earns 2,000 a month against an "
                    + "instalment of 2,412");
        });
    }

    @Test
    void aGuaranteedLoanNeedsItsGuarantorAndAGroupItsSize() {
        assertThatThrownBy(() -> ENGINE.assess(WorkedCases.mutate("2-catering", root -> root.remove("guarantor"))))
                .isInstanceOf(InvalidInvestigationException.class).hasMessageContaining("guarantor");
        assertThatThrownBy(() -> caseTwo(g -> g.put("chain", "JOINT")))
                .isInstanceOf(InvalidInvestigationException.class)
                .hasMessageContaining("guarantor.chainMembers").hasMessageContaining("guarantor.chainMemberInDefault");
        assertThatThrownBy(() -> caseTwo(g -> {
            g.put("chain", "MUTUAL");
            g.put("chainMembers", 1);
            g.put("chainMemberInDefault", false);
        })).isInstanceOf(InvalidInvestigationException.class).hasMessageContaining("at least 2");
    }

    /** A loan without a personal guarantor has no guarantor constraint, whatever the record carries. */
    @Test
    void onlyAGuarantorsLoanIsAssessedOnTheGuarantor() {
        RiskAssessment a = ENGINE.assess(WorkedCases.mutate("2-catering", root ->
                ((ObjectNode) root.get("loan")).put("guaranteeType", "GUARANTEE_COMPANY")));
        assertThat(a.creditLimit().constraint(Kind.GUARANTOR)).isNull();
    }
}

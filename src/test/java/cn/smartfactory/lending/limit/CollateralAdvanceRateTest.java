package cn.smartfactory.lending.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * The collateral constraint with the advance rate by property (collateral-advance-rate table), on worked case 4: an
 * apartment appraised at 1,000,000 by an appraisal firm with 100,000 of liens, the loan asked 800,000.
 */
class CollateralAdvanceRateTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();

    private static RiskAssessment collateral(java.util.function.Consumer<ObjectNode> change) {
        return ENGINE.assess(WorkedCases.mutate("4-light-manufacturing", t -> change.accept((ObjectNode) t.get("collateral"))));
    }

    /** Not the family's only home: 1,000,000 × 70 % − 100,000 = 600,000, as before the table. */
    @Test
    void aDwellingThatIsNotTheOnlyHomeKeepsSeventyPercent() {
        LimitConstraint c = ENGINE.assess(WorkedCases.load("4-light-manufacturing")).creditLimit().constraint(Kind.COLLATERAL);
        assertThat(c.amount()).isEqualByComparingTo("600000");
        assertThat(c.basisEn()).contains("residential property", "1,000,000 × 70.00% − 100,000");
    }

    /** The family's only home: 1,000,000 × 50 % − 100,000 = 400,000, and that binds below capacity (641,803.90). */
    @Test
    void theOnlyHomeIsLentAgainstAtHalfItsValue() {
        RiskAssessment a = collateral(c -> c.put("soleResidence", true));
        assertThat(a.creditLimit().constraint(Kind.COLLATERAL).amount()).isEqualByComparingTo("400000");
        assertThat(a.creditLimit().binding()).isEqualTo(Kind.COLLATERAL);
        assertThat(a.creditLimit().suggested()).isEqualByComparingTo("400000");
        assertThat(a.creditLimit().constraint(Kind.COLLATERAL).basisZh()).contains("家庭唯一住房");
    }

    /** A shop at 60 % gives 500,000; a workshop at 50 % gives 400,000. */
    @Test
    void commercialAndIndustrialPropertyHaveTheirOwnRates() {
        assertThat(collateral(c -> c.put("propertyType", "COMMERCIAL")).creditLimit().constraint(Kind.COLLATERAL).amount())
                .isEqualByComparingTo("500000");
        assertThat(collateral(c -> c.put("propertyType", "INDUSTRIAL")).creditLimit().constraint(Kind.COLLATERAL).amount())
                .isEqualByComparingTo("400000");
    }

    /** Type, only-home status and who appraised it are required for a mortgage; only a dwelling can be the only home. */
    @Test
    void theNewCollateralFactsAreRequiredAndConsistent() {
        assertThat(ENGINE.validator().validate(WorkedCases.mutate("4-light-manufacturing", t -> ((ObjectNode) t.get("collateral"))
                .remove(java.util.List.of("propertyType", "soleResidence", "appraisalSource")))))
                .extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                        tuple("collateral.propertyType", "REQUIRED"), tuple("collateral.soleResidence", "REQUIRED"),
                        tuple("collateral.appraisalSource", "REQUIRED"));
        assertThat(ENGINE.validator().validate(WorkedCases.mutate("4-light-manufacturing", t -> ((ObjectNode) t.get("collateral"))
                .put("propertyType", "INDUSTRIAL").put("soleResidence", true))))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("collateral.soleResidence", "ONLY_FOR_DWELLINGS"));
    }
}

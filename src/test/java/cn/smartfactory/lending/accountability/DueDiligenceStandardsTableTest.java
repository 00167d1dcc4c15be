package cn.smartfactory.lending.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.smartfactory.lending.decision.RuleCoverage;

/** Every rule of processes/due-diligence-standards.dmn: each role's standards, met and not met. */
class DueDiligenceStandardsTableTest {

    private static final RuleCoverage COVERAGE = RuleCoverage.of("processes/due-diligence-standards.dmn");
    private static final DueDiligenceStandards STANDARDS = new DueDiligenceStandards(COVERAGE.rules());

    @ParameterizedTest(name = "{0}: sales {1}, unanswered {2}, above {3}, unfulfilled {4}, checks {5}, warnings {6} → {7}")
    @CsvSource(delimiter = '|', value = {
            "INVESTIGATOR     | 2  | 0 | false | false | 0 | 0 | INV_SALES_SOURCES:true",
            "INVESTIGATOR     | 1  | 0 | false | false | 0 | 0 | INV_SALES_SOURCES:false",
            "INVESTIGATOR     | -1 | 0 | false | false | 0 | 0 | INV_SALES_SOURCES:false",
            "APPROVER         | 0  | 0 | false | false | 0 | 0 | SIGN_HARD_FLAGS_ANSWERED:true,APR_WITHIN_AUTHORITY:true",
            "APPROVER         | 0  | 1 | true  | false | 0 | 0 | SIGN_HARD_FLAGS_ANSWERED:false,APR_WITHIN_AUTHORITY:false",
            "COMMITTEE_MEMBER | 0  | 0 | false | false | 0 | 0 | SIGN_HARD_FLAGS_ANSWERED:true",
            "COMMITTEE_MEMBER | 0  | 2 | false | false | 0 | 0 | SIGN_HARD_FLAGS_ANSWERED:false",
            "OPERATIONS       | 0  | 0 | false | false | 0 | 0 | OPS_CONDITIONS_FULFILLED:true",
            "OPERATIONS       | 0  | 0 | false | true  | 0 | 0 | OPS_CONDITIONS_FULFILLED:false",
            "MONITORING       | 0  | 0 | false | false | 0 | 0 | MON_CHECKS_ON_TIME:true,MON_WARNINGS_HANDLED:true",
            "MONITORING       | 0  | 0 | false | false | 1 | 2 | MON_CHECKS_ON_TIME:false,MON_WARNINGS_HANDLED:false"})
    void eachRolesStandards(String role, int sales, int unanswered, boolean above, boolean unfulfilled, int checks, int warnings,
                            String expected) {
        List<Finding> findings = STANDARDS.findings(List.of(new OfficerFacts("x1", role, sales, unanswered, above, unfulfilled, checks,
                warnings, "evidence")));
        assertThat(findings).extracting(f -> f.standard() + ":" + f.met()).containsExactlyInAnyOrder(expected.split(","));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.standardName()).matches("\\p{IsHan}.* [A-Z].*");
            assertThat(f.officer()).isEqualTo("x1");
            assertThat(f.evidence()).isEqualTo("evidence");
        });
    }

    @AfterAll
    static void everyRuleWasExercised() {
        COVERAGE.assertEveryRuleMatched();
    }
}

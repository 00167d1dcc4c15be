package cn.smartfactory.lending.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

class InvestigationValidatorTest {

    private static final RiskEngine ENGINE = RiskEngine.standalone();
    private static final InvestigationValidator VALIDATOR = ENGINE.validator();
    private static final String RETAIL = "3-retail-store";

    static List<String> workedCases() {
        return WorkedCases.names();
    }

    @ParameterizedTest
    @MethodSource("workedCases")
    void workedCasesAreValid(String name) {
        assertThat(VALIDATOR.validate(WorkedCases.load(name))).isEmpty();
    }

    @Test
    void negativeSalesAreRefusedNamingTheField() {
        var r = WorkedCases.mutate(RETAIL, t -> ((ObjectNode) t.get("profitAndLoss")).put("declaredMonthlySales", -5000));
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("profitAndLoss.declaredMonthlySales", "POSITIVE"));
    }

    @Test
    void marginAboveOneHundredPercentIsImpossible() {
        var r = WorkedCases.mutate(RETAIL, t -> ((ObjectNode) t.get("profitAndLoss")).put("grossMargin", 1.2));
        List<Violation> violations = VALIDATOR.validate(r);
        assertThat(violations).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("profitAndLoss.grossMargin", "FRACTION"));
        assertThat(violations.get(0).message()).contains("profitAndLoss.grossMargin").contains("120%");
        assertThat(violations.get(0).messageZh()).contains("profitAndLoss.grossMargin");
    }

    @Test
    void termOfZeroMonthsIsRefused() {
        var r = WorkedCases.mutate(RETAIL, t -> ((ObjectNode) t.get("loan")).put("termMonths", 0));
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("loan.termMonths", "RANGE"));
    }

    @Test
    void fewerThanTwoIndependentSalesSourcesIsRefused() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            t.remove("bankInflows");
            t.remove("purchases");
        });
        List<Violation> violations = VALIDATOR.validate(r);
        assertThat(violations).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("salesEvidence", "MIN_SALES_SOURCES"));
        assertThat(violations.get(0).message()).contains("bank inflows", "purchase records", "sales driver");
    }

    @Test
    void missingSectionsAreNamedInsteadOfFailing() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            t.remove("applicant");
            t.remove("balanceSheet");
            ((ObjectNode) t.get("loan")).remove("amount");
        });
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrder(tuple("applicant", "REQUIRED"), tuple("balanceSheet", "REQUIRED"),
                        tuple("loan.amount", "REQUIRED"));
    }

    @Test
    void emptyRecordListsEveryMissingSection() {
        var r = new InvestigationRecord(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field).contains("applicationId", "industry", "loan",
                "applicant", "household", "business", "premises", "creditHistory", "balanceSheet", "equityHistory",
                "profitAndLoss");
    }

    @Test
    void nullEntriesInListsAndDriverInputsAreNamedNotThrown() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            ((ArrayNode) t.get("bankInflows")).insertNull(0);
            ((ObjectNode) t.get("driverInputs")).putNull("seasonalFactor");
            ((ArrayNode) t.get("topSuppliers")).addNull();
        });
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("bankInflows[0]", "REQUIRED"), tuple("driverInputs.seasonalFactor", "REQUIRED"),
                tuple("topSuppliers[3]", "REQUIRED"), tuple("topSuppliers", "TOO_MANY"),
                tuple("salesEvidence", "MIN_SALES_SOURCES")); // only purchases remain a valid source
    }

    @Test
    void unknownIndustryAndProductAreNamed() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            t.put("industry", "CASINO");
            ((ObjectNode) t.get("loan")).put("product", "PAYDAY");
        });
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .contains(tuple("industry", "UNKNOWN_VALUE"), tuple("loan.product", "UNKNOWN_VALUE"));
    }

    @Test
    void driverInputsAreCheckedAgainstTheIndustryDefinition() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            ObjectNode inputs = (ObjectNode) t.get("driverInputs");
            inputs.remove("seasonalFactor");
            inputs.put("openingDaysPerMonth", 40);
            inputs.put("seats", 10);
        });
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("driverInputs.seasonalFactor", "REQUIRED"), tuple("driverInputs.openingDaysPerMonth", "RANGE"),
                tuple("driverInputs.seats", "UNKNOWN_FIELD"));
    }

    @Test
    void mortgageWithoutCollateralIsRefused() {
        var r = WorkedCases.mutate("4-light-manufacturing", t -> t.remove("collateral"));
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("collateral", "REQUIRED"));
    }

    @Test
    void repeatedStatementMonthIsRefused() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            ArrayNode inflows = (ArrayNode) t.get("bankInflows");
            ((ObjectNode) inflows.get(1)).put("month", inflows.get(0).get("month").asText());
        });
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("bankInflows[1].month", "DUPLICATE_MONTH"));
    }

    @Test
    void counterpartySharesCannotExceedTheWholeOrTopThree() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            ArrayNode suppliers = (ArrayNode) t.get("topSuppliers");
            ((ObjectNode) suppliers.get(0)).put("share", 0.9);
            suppliers.addObject().put("name", "Fourth").put("share", 0.01);
        });
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrder(tuple("topSuppliers", "TOO_MANY"), tuple("topSuppliers", "SHARE_SUM"));
    }

    @Test
    void dependentsMustBeFewerThanHouseholdMembers() {
        var r = WorkedCases.mutate(RETAIL, t -> ((ObjectNode) t.get("household")).put("dependents", 3));
        assertThat(VALIDATOR.validate(r)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("household.dependents", "LESS_THAN_MEMBERS"));
    }

    @Test
    void leaseMonthsAreRequiredOnlyForLeasedPremises() {
        var leased = WorkedCases.mutate(RETAIL, t -> ((ObjectNode) t.get("premises")).put("owned", false));
        assertThat(VALIDATOR.validate(leased)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("premises.remainingLeaseMonths", "REQUIRED"));
    }

    @Test
    void assessmentRefusesInvalidRecordWithEveryViolationAndNoPartialResult() {
        var r = WorkedCases.mutate(RETAIL, t -> {
            ((ObjectNode) t.get("loan")).put("termMonths", 0).put("amount", -1);
            ((ObjectNode) t.get("profitAndLoss")).put("grossMargin", 1.5);
        });
        assertThatThrownBy(() -> ENGINE.assess(r))
                .isInstanceOfSatisfying(InvalidInvestigationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("loan.termMonths", "loan.amount", "profitAndLoss.grossMargin"))
                .hasMessageContaining("loan.termMonths");
    }
}

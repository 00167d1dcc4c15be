package cn.smartfactory.lending.origination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.scoring.WorkedCases;

/** The forms' flat variables and the investigation record map onto each other without loss. */
class InvestigationVariablesTest {

    private static final InvestigationVariables VARIABLES = new InvestigationVariables(IndustryCatalog.fromClasspath());

    static List<String> cases() {
        return WorkedCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void formValuesMapBackToTheSameRecord(String name) {
        InvestigationRecord original = WorkedCases.load(name);
        Map<String, Object> values = new HashMap<>();
        values.put("applicationId", original.applicationId());
        values.putAll(InvestigationVariables.startFormValues(original, "11010119800101123X", "WALK_IN"));
        values.putAll(InvestigationVariables.bureauFormValues(original));
        values.putAll(InvestigationVariables.checklistValues(original));
        InvestigationVariables.Mapped mapped = VARIABLES.map(values);
        assertThat(mapped.unreadable()).isEmpty();
        assertThat(mapped.record()).usingRecursiveComparison().withComparatorForType(java.math.BigDecimal::compareTo,
                java.math.BigDecimal.class).ignoringFields("softInformation.notes", "premises.areaSquareMetres")
                .ignoringCollectionOrder() // the form lists months newest first
                .isEqualTo(original);
    }

    /** Every value the record needs has a field on its industry's checklist form, and the other way round. */
    @ParameterizedTest
    @MethodSource("cases")
    void checklistFormHasAFieldForEveryValueAndNoStrayField(String name) throws Exception {
        InvestigationRecord record = WorkedCases.load(name);
        var form = cn.smartfactory.lending.forms.FormSchema.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("forms", InvestigationVariables.investigationForm(record.industry()) + ".form").toFile()));
        assertThat(form.keys()).containsAll(InvestigationVariables.checklistValues(record).keySet());
        Map<String, Object> everyField = new HashMap<>();
        form.keys().forEach(k -> everyField.put(k, "1"));
        List<String> read = new java.util.ArrayList<>();
        Map<String, Object> spy = new HashMap<>(everyField) {
            @Override
            public Object get(Object key) {
                read.add((String) key);
                return super.get(key);
            }
        };
        spy.put("industry", record.industry());
        VARIABLES.map(spy);
        assertThat(read).containsAll(form.keys());
    }

    /** Problems name a field the user can see and fix, once each, not the record's internal paths. */
    @org.junit.jupiter.api.Test
    void problemsAreNamedByTheFormFieldsOfTheChecklist() throws Exception {
        InvestigationRecord original = WorkedCases.load("4-light-manufacturing");
        Map<String, Object> values = new HashMap<>(InvestigationVariables.startFormValues(original, "x", "WALK_IN"));
        values.put("applicationId", "APP-1");
        Map<String, Object> checklist = InvestigationVariables.checklistValues(original);
        checklist.remove("statementsLatestMonth");       // twelve months without a month
        checklist.put("bsCash", -1.0);
        checklist.put("grossMarginPercent", 120.0);
        checklist.put("debt1Instalment", -5.0);
        checklist.put("supplier2SharePercent", 150.0);
        checklist.remove("collateralAppraisedValue");
        values.putAll(checklist);
        values.putAll(InvestigationVariables.bureauFormValues(original));

        List<Violation> problems = VARIABLES.problems(values, cn.smartfactory.lending.scoring.RiskEngine.standalone().validator());

        assertThat(problems).extracting(Violation::field).containsExactlyInAnyOrder("statementsLatestMonth", "bsCash",
                "grossMarginPercent", "debt1Instalment", "supplier2SharePercent", "collateralAppraisedValue");
        var form = cn.smartfactory.lending.forms.FormSchema.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("forms", "investigation-light-manufacturing.form").toFile()));
        assertThat(form.keys()).containsAll(problems.stream().map(Violation::field).toList());
        assertThat(problems).allSatisfy(v -> assertThat(v.message()).startsWith(v.field()));
    }

    @Test
    void textWhereANumberBelongsIsNamedByItsFormField() {
        Map<String, Object> values = new HashMap<>(InvestigationVariables.checklistValues(WorkedCases.load("2-catering")));
        values.put("bsCash", "forty thousand");
        values.put("householdMembers", "3.5");
        values.put("statementsLatestMonth", "last October");
        assertThat(VARIABLES.map(values).unreadable()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("bsCash", "NOT_A_NUMBER"), tuple("householdMembers", "NOT_A_WHOLE_NUMBER"),
                tuple("statementsLatestMonth", "NOT_A_MONTH"));
    }

    @Test
    void formNamesFollowTheIndustry() {
        assertThat(InvestigationVariables.investigationForm("LIGHT_MANUFACTURING")).isEqualTo("investigation-light-manufacturing");
        assertThat(InvestigationVariables.driverVariable("tableTurnsPerDay")).isEqualTo("driverTableTurnsPerDay");
    }
}

package cn.smartfactory.lending.origination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.forms.FormSchema;
import cn.smartfactory.lending.industry.DriverInput;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.industry.IndustryForms;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.MonthlyAmount;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.origination.InvestigationFields.Field;
import cn.smartfactory.lending.origination.InvestigationFields.Station;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/** The one field table (form key ↔ record path ↔ kind) against the record and the forms it describes. */
class InvestigationFieldsTest {

    private static final InvestigationFields TABLE = InvestigationFields.fromClasspath();
    private static final String CSV = read("src/main/resources/reference/investigation-fields.csv");

    /** The table's form fields for a station, repeated rows numbered, driver inputs those of the industry. */
    private static Set<String> keys(Station station, Industry industry) {
        Set<String> keys = new LinkedHashSet<>();
        for (Field f : TABLE.fields(station)) {
            if (f.perDriverInput()) {
                industry.driverInputs().stream().map(DriverInput::name).map(InvestigationVariables::driverVariable)
                        .forEach(keys::add);
            } else if (f.repeated() && f.kind() != InvestigationFields.Kind.LATEST_MONTH) {
                for (int n = 1; n <= f.repeat(); n++) {
                    keys.add(f.key(n));
                }
            } else {
                keys.add(f.key());
            }
        }
        return keys;
    }

    private static List<String> formKeys(String form) throws IOException {
        return FormSchema.parse(new ObjectMapper().readTree(form)).keys();
    }

    /**
     * Every value field of each generated checklist is a row of the table and every checklist row is a field of
     * each checklist (the investigator's own conclusion fields aside, which are not part of the record).
     */
    @Test
    void theChecklistsHoldExactlyTheTablesFields() throws IOException {
        String template = read(IndustryForms.INVESTIGATION_TEMPLATE.toString());
        for (Industry industry : IndustryCatalog.fromClasspath().all()) {
            List<String> onForm = formKeys(IndustryForms.investigation(template, IndustryCatalog.fromClasspath(), industry));
            assertThat(onForm).as(industry.code()).containsAll(keys(Station.CHECKLIST, industry));
            Set<String> extra = new LinkedHashSet<>(onForm);
            extra.removeAll(keys(Station.CHECKLIST, industry));
            assertThat(extra).as("%s fields outside the record", industry.code()).isEmpty();
        }
    }

    @Test
    void theBureauAndApplicationFormsHoldTheirRows() throws IOException {
        Industry any = IndustryCatalog.fromClasspath().get("CATERING");
        Set<String> bureau = new LinkedHashSet<>(formKeys(read("forms/bureau-query.form")));
        assertThat(bureau).containsAll(keys(Station.BUREAU, any));
        bureau.removeAll(keys(Station.BUREAU, any));
        assertThat(bureau).as("the bureau task's own fields").containsExactlyInAnyOrder("documentsComplete", "bureauNotes");
        Set<String> start = new LinkedHashSet<>(formKeys(read("forms/application-start.form")));
        assertThat(start).containsAll(keys(Station.START, any));
        start.removeAll(keys(Station.START, any));
        assertThat(start).as("the application's own fields").containsExactlyInAnyOrder("customerIdNumber", "leadSource");
    }

    /** A record value without a row, a path that leads nowhere, a kind that does not fit, a key twice: refused. */
    @Test
    void aTableThatDoesNotFitTheRecordIsRefusedAtLoading() {
        assertThatThrownBy(() -> InvestigationFields.parse(CSV.replace("bsCash,balanceSheet.cash,DECIMAL,CHECKLIST,0\n", "")))
                .hasMessageContaining("no row for the record's [balanceSheet.cash]");
        assertThatThrownBy(() -> InvestigationFields.parse(CSV.replace("balanceSheet.cash,", "balanceSheet.money,")))
                .hasMessageContaining("BalanceSheet has no part money");
        assertThatThrownBy(() -> InvestigationFields.parse(CSV.replace("bsCash,balanceSheet.cash,DECIMAL",
                "bsCash,balanceSheet.cash,INTEGER"))).hasMessageContaining("balanceSheet.cash is a BigDecimal, not INTEGER");
        assertThatThrownBy(() -> InvestigationFields.parse(CSV.replace("bsInventory,", "bsCash,")))
                .hasMessageContaining("key bsCash appears twice");
        assertThatThrownBy(() -> InvestigationFields.parse(CSV.replace("debt{n}Lender,existingDebts[].lender,TEXT,CHECKLIST,3",
                "debt{n}Lender,existingDebts[].lender,TEXT,CHECKLIST,0"))).hasMessageContaining("repeat count");
    }

    /** Renaming a form field is one row: the mapping reads, writes and names the new key and no longer the old. */
    @Test
    void theMappingFollowsTheTable() {
        InvestigationFields renamed = InvestigationFields.parse(CSV.replace("bsCash,balanceSheet.cash", "cashOnHand,balanceSheet.cash")
                .replace("debt{n}Instalment,", "debt{n}MonthlyPayment,"));
        InvestigationRecord record = WorkedCases.load("4-light-manufacturing");
        Map<String, Object> checklist = InvestigationVariables.formValues(renamed, record, Station.CHECKLIST);
        assertThat(checklist).containsEntry("cashOnHand", record.balanceSheet().cash().doubleValue()).doesNotContainKey("bsCash")
                .containsEntry("debt1MonthlyPayment", record.existingDebts().get(0).monthlyInstalment().doubleValue())
                .doesNotContainKey("debt1Instalment");

        Map<String, Object> values = new HashMap<>(InvestigationVariables.formValues(renamed, record, Station.START));
        values.putAll(InvestigationVariables.formValues(renamed, record, Station.BUREAU));
        values.putAll(checklist);
        values.put("applicationId", "APP-1");
        values.put("cashOnHand", -1.0);
        values.put("bsCash", 99_999.0); // the old key is no longer read
        InvestigationVariables variables = new InvestigationVariables(IndustryCatalog.fromClasspath(), renamed);
        assertThat(variables.map(values).record().balanceSheet().cash()).isEqualByComparingTo("-1");
        assertThat(variables.problems(values, RiskEngine.standalone().validator())).extracting(Violation::field)
                .containsExactly("cashOnHand");
    }

    /** How a problem at a record path is shown at a form field, for each kind of path. */
    @Test
    void problemsAreShownAtTheirFormField() {
        assertThat(List.of("existingDebts[1].outstanding", "existingDebts[2]", "bankInflows[4].month", "bankInflows[3]",
                "bankInflows", "purchases[0].amount", "topCustomers", "topCustomers[2].share", "creditHistory", "household",
                "applicant", "profitAndLoss.grossMargin", "driverInputs.seats", "collateral", "salesEvidence", "loan.amount"))
                .extracting(InvestigationVariables::formField)
                .containsExactly("debt2Outstanding", "debt3Lender", "statementsLatestMonth", "inflowMonth4", "inflowMonth1",
                        "purchaseMonth1", "topCustomers", "customer3SharePercent", "bureauCurrentOverdue",
                        "householdMembers", "customerName", "grossMarginPercent", "driverSeats", "collateral",
                        "salesEvidence", "amount");
    }

    /**
     * A debt whose instalment is entered without its lender is kept and the missing lender named, not dropped: before
     * the field table, an entry without its first field vanished, and with it an instalment from the DSR. The
     * problem names the form's debt 3 although the debt is the list's second entry (debt 2 was left empty).
     */
    @Test
    void anEntryMissingItsFirstFieldIsKeptAndTheGapNamed() {
        InvestigationRecord original = WorkedCases.load("4-light-manufacturing");
        Map<String, Object> values = new HashMap<>(InvestigationVariables.startFormValues(original, "x", "WALK_IN"));
        values.put("applicationId", "APP-1");
        values.putAll(InvestigationVariables.bureauFormValues(original));
        values.putAll(InvestigationVariables.checklistValues(original));
        values.put("debt3Outstanding", 50_000.0);
        values.put("debt3Instalment", 2_300.0);
        values.remove("customer3Name"); // its share stays
        assertThat(values).doesNotContainKeys("debt2Lender", "debt2Instalment").containsKey("customer3SharePercent");
        InvestigationVariables variables = new InvestigationVariables(IndustryCatalog.fromClasspath());

        InvestigationRecord mapped = variables.map(values).record();
        assertThat(mapped.existingDebts()).hasSize(original.existingDebts().size() + 1);
        assertThat(mapped.existingDebts().get(mapped.existingDebts().size() - 1).monthlyInstalment())
                .isEqualByComparingTo("2300");
        assertThat(variables.problems(values, RiskEngine.standalone().validator()))
                .extracting(Violation::field, Violation::rule)
                .contains(tuple("debt3Lender", "REQUIRED"), tuple("customer3Name", "REQUIRED"));
    }

    /** Months are numbered by their distance from the latest month, so a month left out stays empty both ways. */
    @Test
    void aMonthLeftOutStaysEmpty() {
        InvestigationRecord original = WorkedCases.load("2-catering");
        List<MonthlyAmount> withGap = original.bankInflows().stream()
                .filter(m -> !m.month().equals(original.bankInflows().stream().map(MonthlyAmount::month)
                        .max(java.util.Comparator.naturalOrder()).orElseThrow().minusMonths(1)))
                .toList();
        InvestigationRecord gap = new InvestigationRecord(original.applicationId(), original.industry(), original.loan(),
                original.applicant(), original.household(), original.business(), original.premises(),
                original.softInformation(), original.creditHistory(), original.existingDebts(), original.balanceSheet(),
                original.equityHistory(), original.profitAndLoss(), withGap, original.purchases(), original.topCustomers(),
                original.topSuppliers(), original.driverInputs(), original.collateral(), original.guarantor());

        Map<String, Object> checklist = InvestigationVariables.checklistValues(gap);
        assertThat(checklist).containsKey("inflowMonth1").doesNotContainKey("inflowMonth2").containsKey("inflowMonth3");
        Map<String, Object> values = new HashMap<>(checklist);
        values.put("industry", gap.industry());
        assertThat(new InvestigationVariables(IndustryCatalog.fromClasspath()).map(values).record().bankInflows())
                .extracting(m -> m.month() + " " + m.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrderElementsOf(withGap.stream()
                        .map(m -> m.month() + " " + m.amount().stripTrailingZeros().toPlainString()).toList());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

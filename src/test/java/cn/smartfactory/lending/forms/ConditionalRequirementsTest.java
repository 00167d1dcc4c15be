package cn.smartfactory.lending.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.investigation.Violation;

/**
 * The checklist's conditional requirements are on the screen, not only in the server's check: a
 * share appears, required, once a name is given; an instalment once a lender is; the months once the
 * latest month is; the collateral section when the product requires collateral. The server reads the
 * same conditions, so what the screen hides cannot be submitted and what it requires cannot be left out.
 */
class ConditionalRequirementsTest {

    private static FormSchema form(String industry) throws Exception {
        return FormSchema.parse(new ObjectMapper().readTree(Path.of("forms", "investigation-" + industry + ".form").toFile()));
    }

    private static List<Violation> about(FormSchema form, Map<String, Object> submitted, Map<String, Object> current,
                                         Predicate<String> fields) {
        return form.checkSubmission(submitted, current).violations().stream().filter(v -> fields.test(v.field())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agriculture", "catering", "fmcg-wholesale", "light-manufacturing", "logistics", "retail-store"})
    void aShareIsRequiredOnceItsNameIsGivenAndHiddenBefore(String industry) throws Exception {
        FormSchema form = form(industry);
        Map<String, Object> submitted = new HashMap<>(Map.of("supplier1Name", "鲜丰批发", "customer2SharePercent", 20));

        assertThat(about(form, submitted, Map.of(), f -> f.matches("(customer|supplier)\\d\\w+")))
                .extracting(Violation::field, Violation::rule, Violation::label)
                .containsExactlyInAnyOrder(tuple("supplier1SharePercent", "REQUIRED", "供应商1占比% Supplier 1 share %"),
                        tuple("customer2SharePercent", "HIDDEN", "客户2占比% Customer 2 share %"));

        submitted.put("supplier1SharePercent", 35);
        submitted.put("customer2Name", "");
        assertThat(about(form, submitted, Map.of(), f -> f.startsWith("supplier1"))).isEmpty();
        assertThat(about(form, submitted, Map.of(), f -> f.startsWith("customer2"))).extracting(Violation::rule)
                .containsExactly("HIDDEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agriculture", "catering", "fmcg-wholesale", "light-manufacturing", "logistics", "retail-store"})
    void aDebtsAmountsAreRequiredOnceItsLenderIsGiven(String industry) throws Exception {
        FormSchema form = form(industry);

        assertThat(about(form, Map.of("debt1Lender", "农商行", "debt1Outstanding", 50000, "debt2Instalment", 900), Map.of(),
                f -> f.startsWith("debt")))
                .extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrder(tuple("debt1Instalment", "REQUIRED"), tuple("debt2Instalment", "HIDDEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agriculture", "catering", "fmcg-wholesale", "light-manufacturing", "logistics", "retail-store"})
    void monthlyAmountsNeedTheLatestMonthFirst(String industry) throws Exception {
        FormSchema form = form(industry);

        assertThat(about(form, Map.of("inflowMonth1", 80000), Map.of(), f -> f.startsWith("inflow")))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("inflowMonth1", "HIDDEN"));
        assertThat(about(form, Map.of("statementsLatestMonth", "2026-10", "inflowMonth1", 80000), Map.of(),
                f -> f.startsWith("inflow") || f.startsWith("statements"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agriculture", "catering", "fmcg-wholesale", "light-manufacturing", "logistics", "retail-store"})
    void whatTheFormNoLongerShowsIsClearedNotKeptUnseen(String industry) throws Exception {
        FormSchema form = form(industry);
        Map<String, Object> earlier = Map.of("statementsLatestMonth", "2026-10", "inflowMonth1", 80000, "inflowMonth2", 75000,
                "debt1Lender", "农商行", "debt1Outstanding", 50000, "debt1Instalment", 2300);

        // A supplementary investigation drops the bank statements and the debt: it clears the month and the lender.
        FormSchema.Submission submission = form.checkSubmission(Map.of("statementsLatestMonth", "", "debt1Lender", ""), earlier);

        assertThat(submission.violations()).filteredOn(v -> v.field().matches("inflow.*|debt.*|statements.*")).isEmpty();
        assertThat(submission.accepted()).containsEntry("inflowMonth1", null).containsEntry("inflowMonth2", null)
                .containsEntry("debt1Outstanding", null).containsEntry("debt1Instalment", null)
                .doesNotContainKey("inflowMonth3");
        // A hidden field may be sent empty (a REST client clearing it), never with a value.
        assertThat(form.checkSubmission(new HashMap<>(Map.of("debt2Instalment", "")), Map.of()).accepted())
                .containsEntry("debt2Instalment", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agriculture", "catering", "fmcg-wholesale", "light-manufacturing", "logistics", "retail-store"})
    void theCollateralSectionIsShownAndRequiredWhenTheProductRequiresCollateral(String industry) throws Exception {
        FormSchema form = form(industry);
        Predicate<String> collateral = f -> f.startsWith("collateral");

        assertThat(about(form, Map.of("collateralDescription", "商铺"), Map.of("collateralRequired", false), collateral))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("collateralDescription", "HIDDEN"));
        assertThat(about(form, Map.of("collateralDescription", "商铺", "collateralAppraisedValue", 0),
                Map.of("collateralRequired", true), collateral))
                .extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrder(tuple("collateralAppraisedValue", "MIN"), tuple("collateralExistingLiens", "REQUIRED"),
                        tuple("collateralPropertyType", "REQUIRED"), tuple("collateralAppraisalSource", "REQUIRED"));
    }
}

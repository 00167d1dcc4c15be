package cn.smartfactory.lending.industry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.decision.FeelFormula;

/**
 * The industries the bank lends to, and the policy for how much sales evidence counts, as loaded
 * from the reference data file. Everything is checked on load: a risk manager's typo (a band with
 * low above high, a formula naming an input that does not exist) stops start-up with a message
 * naming the industry and the field, rather than skewing scores later.
 */
public final class IndustryCatalog {

    public static final String DEFAULT_RESOURCE = "reference/risk-reference-data.json";

    private final Map<String, Industry> industries;
    private final SalesEvidencePolicy salesEvidence;
    private final DebtCrossCheckPolicy debtCrossCheck;
    private final Map<String, ExpenseNorm> expenseNorms;

    private IndustryCatalog(Map<String, Industry> industries, SalesEvidencePolicy salesEvidence,
                            DebtCrossCheckPolicy debtCrossCheck, Map<String, ExpenseNorm> expenseNorms) {
        this.debtCrossCheck = debtCrossCheck;
        this.expenseNorms = expenseNorms;
        this.industries = industries;
        this.salesEvidence = salesEvidence;
    }

    public static IndustryCatalog fromClasspath() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    public static IndustryCatalog fromClasspath(String resource) {
        try (InputStream in = IndustryCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Reference data not found on the classpath: " + resource);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + resource, e);
        }
    }

    public static IndustryCatalog load(InputStream json) throws IOException {
        ReferenceFile file = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(json, ReferenceFile.class);
        if (file.salesEvidence() == null) {
            throw new IllegalArgumentException("reference data: 'salesEvidence' is missing");
        }
        if (file.debtCrossCheck() == null) {
            throw new IllegalArgumentException("reference data: 'debtCrossCheck' is missing");
        }
        if (file.householdExpenseNorms() == null || file.householdExpenseNorms().isEmpty()) {
            throw new IllegalArgumentException("reference data: 'householdExpenseNorms' is empty");
        }
        Map<String, ExpenseNorm> norms = new LinkedHashMap<>();
        for (ExpenseNorm norm : file.householdExpenseNorms()) {
            if (norms.putIfAbsent(norm.validated().code(), norm) != null) {
                throw new IllegalArgumentException("reference data: household expense norm '" + norm.code() + "' appears twice");
            }
        }
        if (file.industries() == null || file.industries().isEmpty()) {
            throw new IllegalArgumentException("reference data: 'industries' is empty");
        }
        Map<String, Industry> industries = new LinkedHashMap<>();
        for (IndustryEntry entry : file.industries()) {
            Industry industry = entry.toIndustry();
            if (industries.putIfAbsent(industry.code(), industry) != null) {
                throw new IllegalArgumentException("reference data: industry '" + industry.code() + "' appears twice");
            }
        }
        return new IndustryCatalog(industries, file.salesEvidence().validated(), file.debtCrossCheck().validated(),
                java.util.Collections.unmodifiableMap(norms));
    }

    public Optional<Industry> find(String code) {
        return Optional.ofNullable(code == null ? null : industries.get(code));
    }

    public Industry get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown industry '" + code + "'"));
    }

    public Collection<Industry> all() {
        return industries.values();
    }

    public SalesEvidencePolicy salesEvidence() {
        return salesEvidence;
    }

    /**
     * How much evidence an independent sales estimate needs before it counts.
     *
     * @param minimumStatementMonths bank-statement months needed for the inflow estimate S_b
     * @param minimumPurchaseMonths  purchase months needed for the purchases estimate S_p
     * @param lookbackMonths         only the latest this-many months are averaged
     */
    public record SalesEvidencePolicy(Integer minimumStatementMonths, Integer minimumPurchaseMonths,
                                      Integer lookbackMonths) {

        SalesEvidencePolicy validated() {
            if (minimumStatementMonths == null || minimumPurchaseMonths == null || lookbackMonths == null
                    || minimumStatementMonths < 1 || minimumPurchaseMonths < 1
                    || lookbackMonths < Math.max(minimumStatementMonths, minimumPurchaseMonths)) {
                throw new IllegalArgumentException("reference data: salesEvidence needs minimumStatementMonths >= 1, "
                        + "minimumPurchaseMonths >= 1 and lookbackMonths >= both, got " + this);
            }
            return this;
        }
    }

    /** The household expense norms by region code, in the reference file's order. */
    public Collection<ExpenseNorm> expenseNorms() {
        return expenseNorms.values();
    }

    public Optional<ExpenseNorm> expenseNorm(String region) {
        return Optional.ofNullable(region == null ? null : expenseNorms.get(region));
    }

    public DebtCrossCheckPolicy debtCrossCheck() {
        return debtCrossCheck;
    }

    /**
     * How undeclared debt is treated (负债交叉检验): a gap up to the tolerance is ignored (rounding, a card balance
     * paid since the report); a larger one is imputed as an equal instalment at this rate over this term, since its
     * real terms are unknown.
     */
    public record DebtCrossCheckPolicy(BigDecimal toleranceCny, BigDecimal imputedAnnualRate, Integer imputedTermMonths) {

        DebtCrossCheckPolicy validated() {
            if (toleranceCny == null || toleranceCny.signum() < 0 || imputedAnnualRate == null
                    || imputedAnnualRate.signum() < 0 || imputedTermMonths == null || imputedTermMonths < 1) {
                throw new IllegalArgumentException("reference data: debtCrossCheck needs toleranceCny >= 0, "
                        + "imputedAnnualRate >= 0 and imputedTermMonths >= 1, got " + this);
            }
            return this;
        }
    }

    record ReferenceFile(SalesEvidencePolicy salesEvidence, DebtCrossCheckPolicy debtCrossCheck,
                         List<ExpenseNorm> householdExpenseNorms, List<IndustryEntry> industries) {
    }

    record DriverEntry(String formula, String descriptionZh, String descriptionEn, List<DriverInput> inputs) {
    }

    record IndustryEntry(String code, String nameZh, String nameEn, String monitoringRisk, BigDecimal salesCapRatio,
                         DriverEntry driver, Map<String, Band> benchmarks, List<MonitoringQuestion> monitoringQuestions,
                         StressScenario stress, SalesCycle cycle) {

        Industry toIndustry() {
            String where = "reference data, industry '" + code + "': ";
            if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("reference data: industry code must be UPPER_SNAKE_CASE, got '" + code + "'");
            }
            if (nameZh == null || nameEn == null) {
                throw new IllegalArgumentException(where + "nameZh and nameEn are required");
            }
            String risk = monitoringRisk == null ? "NORMAL" : monitoringRisk;
            if (!risk.equals("NORMAL") && !risk.equals("HIGH")) {
                throw new IllegalArgumentException(where + "monitoringRisk must be NORMAL or HIGH, got " + monitoringRisk);
            }
            if (salesCapRatio == null || salesCapRatio.signum() <= 0 || salesCapRatio.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(where + "salesCapRatio must be in (0, 1], got " + salesCapRatio);
            }
            if (driver == null || driver.inputs() == null || driver.inputs().isEmpty()) {
                throw new IllegalArgumentException(where + "driver with at least one input is required");
            }
            Map<BenchmarkMetric, Band> bands = new EnumMap<>(BenchmarkMetric.class);
            for (BenchmarkMetric metric : BenchmarkMetric.values()) {
                Band band = benchmarks == null ? null : benchmarks.get(jsonKey(metric));
                if (band == null) {
                    throw new IllegalArgumentException(where + "benchmark '" + jsonKey(metric) + "' is missing");
                }
                bands.put(metric, band);
            }
            FeelFormula formula;
            try {
                formula = FeelFormula.compile(driver.formula());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "driver " + e.getMessage(), e);
            }
            checkFormulaUsesOnlyDeclaredInputs(where, formula, driver.inputs());
            if (stress == null) {
                throw new IllegalArgumentException(where + "stress (salesDrop, marginDrop) is required");
            }
            return new Industry(code, nameZh, nameEn, risk, salesCapRatio, driver.descriptionZh(), driver.descriptionEn(),
                    formula, List.copyOf(driver.inputs()), bands,
                    monitoringQuestions == null ? List.of() : List.copyOf(monitoringQuestions), stress.validated(where),
                    cycle == null ? null : cycle.validated(where));
        }

        /** Every input set to a plausible value must give a number; a misspelt name gives null. */
        private static void checkFormulaUsesOnlyDeclaredInputs(String where, FeelFormula formula,
                                                               List<DriverInput> inputs) {
            Map<String, Object> sample = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (DriverInput input : inputs) {
                BigDecimal value = input.max().compareTo(BigDecimal.ONE) >= 0 && input.min().compareTo(BigDecimal.ONE) <= 0
                        ? BigDecimal.ONE : input.max();
                sample.put(input.name(), value);
                names.add(input.name());
            }
            sample.put("grossMargin", new BigDecimal("0.2"));
            BigDecimal value;
            try {
                value = formula.evaluate(sample);
            } catch (RuntimeException e) {
                // FEEL parses lazily, so a syntax error shows up on this first evaluation.
                throw new IllegalArgumentException(where + "driver formula '" + formula.expression()
                        + "' cannot be evaluated: " + e.getMessage(), e);
            }
            if (value == null) {
                throw new IllegalArgumentException(where + "driver formula '" + formula.expression()
                        + "' does not give a number; it may use only " + names + " and grossMargin");
            }
        }

        private static String jsonKey(BenchmarkMetric metric) {
            String[] parts = metric.name().toLowerCase().split("_");
            StringBuilder key = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return key.toString();
        }
    }
}

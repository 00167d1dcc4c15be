package cn.smartfactory.lending.benchmark;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Time to assess one application end to end: validation, cross-validation, financials, the five
 * scorecard tables, grade, suggestion, flags, knockouts, limit and approval route (twelve DMN
 * evaluations plus the driver formula). Sample mode, so the report shows the median (p0.50).
 * Run with {@code ./mvnw test-compile exec:exec@jmh}; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

    @Param({"1-fmcg-wholesale", "2-catering", "3-retail-store", "4-light-manufacturing", "5-logistics", "6-agriculture"})
    public String workedCase;

    /**
     * {@code caching}: the platform's configuration ({@code CachingFeelEngine}); {@code stock}:
     * Camunda's default FEEL engine, kept as the reference the speed-up is measured against.
     */
    @Param({"caching", "stock"})
    public String feel;

    private RiskEngine engine;
    private InvestigationRecord record;

    @Setup
    public void setUp() {
        engine = switch (feel) {
            case "caching" -> RiskEngine.standalone();
            case "stock" -> new RiskEngine(IndustryCatalog.fromClasspath(), StandaloneDecisionRules.fromClasspath(
                    DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine(),
                    StandaloneDecisionRules.RISK_RULE_FILES));
            default -> throw new IllegalArgumentException("feel must be caching or stock, was " + feel);
        };
        record = WorkedCases.load(workedCase);
    }

    @Benchmark
    public RiskAssessment assessOneApplication() {
        return engine.assess(record);
    }
}

package cn.smartfactory.lending.benchmark;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.report.CreditReport;
import cn.smartfactory.lending.report.CreditReportGenerator;
import cn.smartfactory.lending.report.CreditReportRequest;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Time to generate one credit report from an assessment: seven sheets, formulas evaluated, two
 * charts, serialised to xlsx bytes. Run with
 * {@code ./mvnw test-compile exec:exec@jmh -Djmh.include=ReportBenchmark}; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {

    @Param({"1-fmcg-wholesale", "2-catering", "3-retail-store", "4-light-manufacturing", "5-logistics", "6-agriculture"})
    public String workedCase;

    private CreditReportGenerator generator;
    private CreditReportRequest request;

    @Setup
    public void setUp() {
        generator = new CreditReportGenerator(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        InvestigationRecord record = WorkedCases.load(workedCase);
        RiskAssessment assessment = RiskEngine.standalone().assess(record);
        request = new CreditReportRequest(record, assessment, List.of(), List.of());
    }

    @Benchmark
    public CreditReport generateOneReport() {
        return generator.generate(request);
    }
}

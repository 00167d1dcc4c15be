package cn.smartfactory.lending.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the report benchmark's body and the memory probe briefly, so neither can rot. */
class ReportBenchmarkSmokeTest {

    @Test
    void benchmarkBodyProducesAWorkbook() {
        ReportBenchmark benchmark = new ReportBenchmark();
        benchmark.workedCase = "6-agriculture";
        benchmark.setUp();
        assertThat(benchmark.generateOneReport().content()).startsWith('P', 'K');
    }

    @Test
    void memoryProbeMeasuresPeakHeapAndFileSize() {
        ReportMemoryProbe.Result result = ReportMemoryProbe.measure(1, 2);
        assertThat(result.peakHeapUsed()).isGreaterThan(result.baselineUsed() / 2).isLessThanOrEqualTo(result.maxHeap());
        assertThat(result.averageFileSize()).isGreaterThan(5_000);
    }
}

package cn.smartfactory.lending.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peak heap while generating reports, which JMH does not measure: warms up, resets the heap pools'
 * peak counters, generates reports one after another and logs the largest heap in use at any
 * moment (sum of the pools' peaks, an upper bound). Run under a small -Xmx so a leak or a bloated
 * workbook fails loudly: {@code ./mvnw test-compile exec:exec@report-memory}.
 */
public final class ReportMemoryProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ReportMemoryProbe.class);

    private ReportMemoryProbe() {
    }

    /** What one probe run saw; sizes in bytes. */
    record Result(int reports, long maxHeap, long baselineUsed, long peakHeapUsed, long averageFileSize) {
    }

    public static void main(String[] args) {
        Result r = measure(100, args.length > 0 ? Integer.parseInt(args[0]) : 300);
        LOG.info("reports={} maxHeap={}MiB baselineUsedAfterWarmUp={}MiB peakHeapUsed={}MiB averageFileSize={}KiB",
                r.reports(), r.maxHeap() >> 20, r.baselineUsed() >> 20, r.peakHeapUsed() >> 20, r.averageFileSize() >> 10);
    }

    static Result measure(int warmUp, int reports) {
        ReportBenchmark benchmark = new ReportBenchmark();
        benchmark.workedCase = "4-light-manufacturing";
        benchmark.setUp();
        for (int i = 0; i < warmUp; i++) {
            benchmark.generateOneReport();
        }
        System.gc();
        long baseline = usedHeap();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long bytes = 0;
        for (int i = 0; i < reports; i++) {
            bytes += benchmark.generateOneReport().content().length;
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(reports, Runtime.getRuntime().maxMemory(), baseline, peak, bytes / reports);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

package cn.smartfactory.lending.industry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.decision.FeelFormula;

/**
 * One industry's reference data.
 *
 * @param salesCapRatio      share of annual verified sales the business may borrow (sales cap)
 * @param driverFormula      FEEL expression for monthly sales from the driver inputs; it may also use
 *                           {@code grossMargin}, the margin verified on site
 * @param driverInputs       what the checklist asks for the driver
 * @param monitoringRisk     NORMAL or HIGH: how the post-loan tier table weighs the industry
 * @param monitoringQuestions what the periodic monitoring check asks about a loan in this industry
 * @param stress             the sales drop and the margin drop its borrowers are stress-tested with
 * @param cycle              its business cycle, which a seasonal repayment schedule follows; null when it has none
 *                           worth repaying by (a seasonal schedule is then not offered)
 */
public record Industry(String code, String nameZh, String nameEn, String monitoringRisk, BigDecimal salesCapRatio,
                       String driverDescriptionZh, String driverDescriptionEn, FeelFormula driverFormula,
                       List<DriverInput> driverInputs, Map<BenchmarkMetric, Band> benchmarks,
                       List<MonitoringQuestion> monitoringQuestions, StressScenario stress,
                       SalesCycle cycle) {

    public Band band(BenchmarkMetric metric) {
        return benchmarks.get(metric);
    }
}

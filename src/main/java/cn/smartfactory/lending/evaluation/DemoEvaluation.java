package cn.smartfactory.lending.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.DemoSeed;

/**
 * Demo profile: targets for am1 and am2 for last month and the next two, and last month's evaluation,
 * so the dashboard shows officer levels on the first start.
 */
@Component
@Profile("demo")
class DemoEvaluation implements DemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvaluation.class);

    private final OfficerTargets targets;
    private final OfficerEvaluations evaluations;

    DemoEvaluation(OfficerTargets targets, OfficerEvaluations evaluations) {
        this.targets = targets;
        this.evaluations = evaluations;
    }

    @Override
    public void seedOnce() {
        YearMonth last = YearMonth.from(BankClock.today()).minusMonths(1);
        if (evaluations.evaluated(last)) {
            return;
        }
        StringBuilder plan = new StringBuilder("month,officer,newCustomers,newBalance\n");
        for (YearMonth m = last; !m.isAfter(last.plusMonths(2)); m = m.plusMonths(1)) {
            plan.append(m).append(",am1,2,300000\n").append(m).append(",am2,2,250000\n");
        }
        targets.importFile("demo-targets.csv", plan.toString().getBytes(StandardCharsets.UTF_8), "mgr1");
        LOG.info("Demo profile: targets for am1 and am2, {} officers evaluated for {}", evaluations.evaluate(last, "mgr1").size(), last);
    }

    @Override
    public int order() {
        return 20; // after the sample loans and the campaign
    }
}

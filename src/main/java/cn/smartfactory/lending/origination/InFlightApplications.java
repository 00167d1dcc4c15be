package cn.smartfactory.lending.origination;

import java.time.YearMonth;
import java.time.ZoneId;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Applications opened before the application named its repayment structure were assessed as equal instalments (the only
 * structure there was): at start-up each running loan without a structure is given that one, and a planned drawdown in
 * the month it was opened, so its investigation, scoring and booking go on as they were assessed instead of stopping on
 * a value nobody can enter any more. Idempotent; on a cluster each node may run it.
 */
@Component
public class InFlightApplications implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightApplications.class);

    private final RuntimeService runtime;
    private final HistoryService history;

    public InFlightApplications(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @Override
    public void run(ApplicationArguments args) {
        int completed = complete();
        if (completed > 0) {
            LOG.info("{} running application(s) opened before repayment structures now repay in equal instalments", completed);
        }
    }

    /** Gives each running application without a repayment structure equal instalments; how many it changed. */
    public int complete() {
        int changed = 0;
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(LoanVariables.PROCESS_KEY).list()) {
            if (runtime.getVariable(pi.getId(), LoanVariables.REPAYMENT_STRUCTURE) != null) {
                continue;
            }
            var started = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
            YearMonth opened = started == null || started.getStartTime() == null ? YearMonth.now(ZoneId.of("Asia/Shanghai"))
                    : YearMonth.from(started.getStartTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")));
            runtime.setVariable(pi.getId(), LoanVariables.REPAYMENT_STRUCTURE, "EQUAL_INSTALMENT");
            if (runtime.getVariable(pi.getId(), LoanVariables.DRAWDOWN_MONTH) == null) {
                runtime.setVariable(pi.getId(), LoanVariables.DRAWDOWN_MONTH, opened.toString());
            }
            changed++;
        }
        return changed;
    }
}

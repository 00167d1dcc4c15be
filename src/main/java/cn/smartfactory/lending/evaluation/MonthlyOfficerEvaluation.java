package cn.smartfactory.lending.evaluation;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import cn.smartfactory.lending.platform.BankClock;

/**
 * The monthly run ({@code officer-evaluation}): evaluates the month before, once — a month a manager
 * already evaluated is left as it is (a manager's recomputation adds a version instead).
 */
public class MonthlyOfficerEvaluation implements JavaDelegate {

    private final OfficerEvaluations evaluations;

    public MonthlyOfficerEvaluation(OfficerEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth last = YearMonth.from(BankClock.today()).minusMonths(1);
        execution.setVariable("evaluatedMonth", last.toString());
        execution.setVariable("evaluated", evaluations.evaluated(last) ? 0 : evaluations.evaluate(last, "platform").size());
    }
}

package cn.smartfactory.lending.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Marks the loan REPAID or WRITTEN_OFF in the register as monitoring ends (the task's {@code closure} input);
 * a write-off is a bad loan ({@link BadLoans}).
 */
@Component("loanClosure")
public class LoanClosureDelegate implements JavaDelegate {

    private final LoanRegister register;
    private final BadLoans badLoans;

    @org.springframework.beans.factory.annotation.Autowired
    public LoanClosureDelegate(LoanRegister register, org.springframework.beans.factory.ObjectProvider<BadLoans> badLoans) {
        this(register, badLoans.getIfAvailable(() -> BadLoans.NONE));
    }

    public LoanClosureDelegate(LoanRegister register, BadLoans badLoans) {
        this.register = register;
        this.badLoans = badLoans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String closure = (String) execution.getVariable(MonitoringVariables.CLOSURE);
        String loanNumber = (String) execution.getVariable(MonitoringVariables.LOAN_NUMBER);
        if (!register.close(loanNumber, closure, LoanMonitoring.today())) {
            throw new IllegalStateException("Loan " + loanNumber + " is not in the register");
        }
        execution.setVariable("loanStatus", closure);
        if ("WRITTEN_OFF".equals(closure)) {
            badLoans.loanIsBad(loanNumber, closure);
        }
    }
}

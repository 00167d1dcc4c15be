package cn.smartfactory.lending.monitoring;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The monitoring process in the engine. The platform's own API checks the caller's role before it
 * gets here, so the engine work runs as the platform (without the caller's engine authorizations),
 * exactly as it does when the hand-over job or a delegate calls it.
 */
public class EngineMonitoringProcess implements MonitoringProcess {

    private final RuntimeService runtime;
    private final IdentityService identity;

    public EngineMonitoringProcess(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public void startIfAbsent(String loanNumber, Map<String, Object> variables) {
        asPlatform(() -> {
            if (find(loanNumber) == null) {
                runtime.startProcessInstanceByKey(MonitoringVariables.PROCESS_KEY, loanNumber, variables);
            }
            return null;
        });
    }

    @Override
    public void update(String loanNumber, Map<String, Object> variables) {
        asPlatform(() -> {
            ProcessInstance instance = find(loanNumber);
            if (instance == null) {
                throw new IllegalStateException("Loan " + loanNumber + " has no running monitoring process");
            }
            runtime.setVariables(instance.getId(), variables);
            return null;
        });
    }

    @Override
    public void warn(String loanNumber, Map<String, Object> variables) {
        asPlatform(() -> runtime.createMessageCorrelation(MonitoringVariables.MESSAGE_EARLY_WARNING)
                .processInstanceBusinessKey(loanNumber).setVariables(variables).correlateWithResult());
    }

    @Override
    public void repaid(String loanNumber) {
        asPlatform(() -> runtime.createMessageCorrelation(MonitoringVariables.MESSAGE_LOAN_REPAID)
                .processInstanceBusinessKey(loanNumber).correlateWithResult());
    }

    private ProcessInstance find(String loanNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MonitoringVariables.PROCESS_KEY)
                .processInstanceBusinessKey(loanNumber).singleResult();
    }

    private <T> T asPlatform(Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}

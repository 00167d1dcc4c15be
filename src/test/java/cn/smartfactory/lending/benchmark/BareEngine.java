package cn.smartfactory.lending.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import cn.smartfactory.lending.origination.LoanVariables;

/**
 * The reference the platform is measured against: a plain Camunda engine (no Spring, no
 * authorization, no platform code) running the same loan-origination diagram with the same DMN
 * screens and forms, whose delegates and listeners do nothing except set the constants its gateways
 * route on. History level, JSON serialisation and connection pool size are the platform's, so the
 * ratio measures what the platform adds, not a configuration difference.
 */
final class BareEngine {

    private BareEngine() {
    }

    static ProcessEngine start(String name, DataSource dataSource, String historyLevel) throws Exception {
        return start(name, dataSource, historyLevel, null);
    }

    /** @param removalTimeStrategy null for Camunda's default ("end"), or "none"/"start" */
    static ProcessEngine start(String name, DataSource dataSource, String historyLevel, String removalTimeStrategy)
            throws Exception {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        if (removalTimeStrategy != null) {
            cfg.setHistoryRemovalTimeStrategy(removalTimeStrategy);
            cfg.setHistoryCleanupStrategy("endTimeBased");
        }
        cfg.setProcessEngineName(name);
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setJobExecutorActivate(false);
        cfg.setHistory(historyLevel);
        cfg.setDefaultSerializationFormat("application/json");
        cfg.setEnforceHistoryTimeToLive(true);
        cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        cfg.setBeans(noOpBeans());
        ProcessEngine engine = cfg.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-reference")
                .addInputStream("loan-origination.bpmn", Files.newInputStream(Path.of("processes", "loan-origination.bpmn")))
                .addInputStream("origination-screens.dmn", Files.newInputStream(Path.of("processes", "origination-screens.dmn")));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                deployment.addInputStream(form.getFileName().toString(), Files.newInputStream(form));
            }
        }
        deployment.deploy();
        return engine;
    }

    /** The delegates and listeners the diagram names, each doing nothing but set its routing constants. */
    static Map<Object, Object> noOpBeans() {
        Map<Object, Object> beans = new HashMap<>();
        for (String name : new String[] {"formRules", "segregationOfDuties", "stepRecord", "investigationCheck", "reportLink",
                "committeeVoteRecorder", "disbursementCheck", "generateCreditReportDelegate",
                "handOverToMonitoringDelegate", "customerApplications", "repaymentPlanPreview"}) {
            beans.put(name, new Constants(Map.of()));
        }
        // The decision stays on the approval task (platform controls); the recorder routes on a copy.
        beans.put("approvalRecorder", new Constants(Map.of(LoanVariables.APPROVAL_DECISION, "APPROVE")));
        beans.put("applicationIntake", new Constants(Map.of(LoanVariables.APPLICATION_ID, "APP-BARE",
                LoanVariables.INVESTIGATION_FORM, "investigation-retail-store", LoanVariables.CUSTOMER_WITHDREW, false,
                LoanVariables.DISBURSEMENT_WITHDRAWN, false)));
        beans.put("screenOutcome", new Constants(Map.of(LoanVariables.SCREEN_RESULT, "PASS")));
        beans.put("scoreApplicationDelegate", new Constants(Map.of(LoanVariables.KNOCKED_OUT, false,
                LoanVariables.APPROVAL_ROUTE, "SINGLE_APPROVER")));
        return beans;
    }

    /** A delegate or listener that only sets fixed process variables (none for most). */
    record Constants(Map<String, Object> variables) implements JavaDelegate, ExecutionListener, TaskListener {

        @Override
        public void execute(DelegateExecution execution) {
            variables.forEach(execution::setVariable);
        }

        @Override
        public void notify(DelegateExecution execution) {
            variables.forEach(execution::setVariable);
        }

        @Override
        public void notify(DelegateTask task) {
            variables.forEach(task.getExecution().getProcessInstance()::setVariable);
        }
    }
}

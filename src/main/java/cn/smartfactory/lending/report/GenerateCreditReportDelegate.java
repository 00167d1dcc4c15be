package cn.smartfactory.lending.report;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;

import cn.smartfactory.lending.origination.InvestigationVariables;
import cn.smartfactory.lending.origination.LoanVariables;

/**
 * The report station: generates the credit report with the loan's history so far as its process
 * trail, from the tables of the loan's release (the same the scoring step used), and stores it once
 * in the credit-report store with its SHA-256, which the decision record and the loan carry too.
 * Staff download it at {@code /api/credit-reports/{applicationId}}.
 */
@Component("generateCreditReportDelegate")
public class GenerateCreditReportDelegate implements JavaDelegate {

    private final CreditReportService reports;
    private final InvestigationVariables variables;
    private final DecisionRecord decisionRecord;
    private final CreditReportStore store;

    public GenerateCreditReportDelegate(@Qualifier("loanCreditReportService") CreditReportService reports,
                                        InvestigationVariables variables, DecisionRecord record, CreditReportStore store) {
        this.reports = reports;
        this.variables = variables;
        this.decisionRecord = record;
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var record = variables.map(execution.getVariables()).record();
        CreditReport report = reports.report(record, trail(execution));
        String application = (String) execution.getVariable(LoanVariables.APPLICATION_ID);
        String sha = store.store(application, execution.getProcessInstanceId(), report.fileName(), report.content());
        execution.setVariable(LoanVariables.CREDIT_REPORT_SHA256, sha);
        decisionRecord.append(RecordEntry.of((String) execution.getVariable(LoanVariables.APPLICATION_ID),
                        execution.getProcessInstanceId(), execution.getCurrentActivityId(), null, RecordEntry.Duty.CREDIT_REPORT,
                        RecordEntry.PLATFORM, null)
                .report(sha).explained(null, report.fileName()));
    }

    static List<ProcessStep> trail(DelegateExecution execution) {
        List<HistoricActivityInstance> steps = execution.getProcessEngineServices().getHistoryService()
                .createHistoricActivityInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .list();
        return steps.stream()
                // The application's own start, not the start of a subprocess inside the line.
                .filter(s -> s.getActivityType().endsWith("Task")
                        || s.getActivityType().equals("startEvent") && s.getParentActivityInstanceId().equals(s.getProcessInstanceId()))
                .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
                .map(s -> new ProcessStep(s.getActivityName(), s.getAssignee(), s.getStartTime().toInstant(),
                        s.getEndTime() == null ? null : s.getEndTime().toInstant(),
                        s.isCanceled() ? "cancelled" : s.getEndTime() == null ? "in progress" : "completed"))
                .toList();
    }
}

package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPLICATION_ID;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_ROUTE;
import static cn.smartfactory.lending.origination.LoanVariables.ASSESSMENT_SUMMARY;
import static cn.smartfactory.lending.origination.LoanVariables.BINDING_CONSTRAINT;
import static cn.smartfactory.lending.origination.LoanVariables.ANNUAL_RATE;
import static cn.smartfactory.lending.origination.LoanVariables.COUNTER_OFFER;
import static cn.smartfactory.lending.origination.LoanVariables.PRICING;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON_CODE;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_STAGE;
import static cn.smartfactory.lending.origination.LoanVariables.FLAGS;
import static cn.smartfactory.lending.origination.LoanVariables.FLAG_COUNT;
import static cn.smartfactory.lending.origination.LoanVariables.GRADE;
import static cn.smartfactory.lending.origination.LoanVariables.HARD_FLAG;
import static cn.smartfactory.lending.origination.LoanVariables.KNOCKED_OUT;
import static cn.smartfactory.lending.origination.LoanVariables.KNOCKOUTS;
import static cn.smartfactory.lending.origination.LoanVariables.SUGGESTED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.SUGGESTION;
import static cn.smartfactory.lending.origination.LoanVariables.TOTAL_SCORE;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.record.DecisionRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.scoring.Flag;
import cn.smartfactory.lending.scoring.Knockout;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;

/**
 * The scoring station: assesses the investigation with the risk engine and writes the few
 * results the line needs — score, grade, suggestion, knockouts and flags, suggested limit and its
 * binding constraint, approval route — plus a summary the approval forms show. Runs asynchronously
 * with retries; a record that cannot be assessed becomes an incident that names the fields.
 */
@Component("scoreApplicationDelegate")
public class ScoreApplicationDelegate implements JavaDelegate {

    private final RiskEngine riskEngine;
    private final InvestigationVariables variables;
    private final DecisionRecord record;

    public ScoreApplicationDelegate(RiskEngine riskEngine, InvestigationVariables variables, DecisionRecord record) {
        this.riskEngine = riskEngine;
        this.variables = variables;
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Violation> problems = variables.problems(execution.getVariables(), riskEngine.validator());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The investigation cannot be assessed: " + problems.stream()
                    .map(Violation::message).collect(Collectors.joining("; ")));
        }
        RiskAssessment a = riskEngine.assess(variables.map(execution.getVariables()).record());
        execution.setVariable(TOTAL_SCORE, a.totalScore());
        execution.setVariable(GRADE, a.grade());
        execution.setVariable(SUGGESTION, a.suggestion().code());
        execution.setVariable(KNOCKED_OUT, a.knockedOut());
        execution.setVariable(KNOCKOUTS, a.knockouts().stream().map(Knockout::code).collect(Collectors.joining(",")));
        execution.setVariable(FLAGS, a.flags().stream().map(f -> f.code() + ":" + f.severity()).collect(Collectors.joining(",")));
        execution.setVariable(HARD_FLAG, a.hasHardFlag());
        execution.setVariable(FLAG_COUNT, a.flags().size());
        execution.setVariable(SUGGESTED_AMOUNT, a.creditLimit().suggested().doubleValue());
        execution.setVariable(COUNTER_OFFER, a.counterOffer() != null);
        execution.setVariable(ANNUAL_RATE, a.pricing().rate().doubleValue());
        execution.setVariable(PRICING, a.pricing().describe());
        execution.setVariable(BINDING_CONSTRAINT, a.creditLimit().binding().name());
        execution.setVariable(LoanVariables.REPAYMENT_PLAN, a.schedule().summary());
        execution.setVariable(LoanVariables.PEAK_MONTHS, a.plan().peakMonths().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")));
        execution.setVariable(APPROVAL_ROUTE, a.approvalRoute().route().name());
        execution.setVariable(ASSESSMENT_SUMMARY, summary(a));
        execution.setVariable(ApprovalBrief.VARIABLE, ApprovalBrief.variable(a));
        record.append(RecordEntry.of((String) execution.getVariable(APPLICATION_ID), execution.getProcessInstanceId(),
                        execution.getCurrentActivityId(), null, RecordEntry.Duty.SCORING, RecordEntry.PLATFORM, null)
                .decided(a.suggestion().code(), a.creditLimit().suggested(), a.termMonths(), a.approvalRoute().route().name())
                .scored(a.totalScore(), a.grade(), tableVersions(execution))
                .explained(null, "binding=" + a.creditLimit().binding().name()
                        + "; flags=" + a.flags().stream().map(f -> f.code() + ":" + f.severity()).collect(Collectors.joining(","))
                        + "; knockouts=" + a.knockouts().stream().map(Knockout::code).collect(Collectors.joining(","))
                        + "; salesEstimates=" + a.sales().usableEstimates() + "; rate=" + a.pricing().rate().toPlainString()
                        + " (list " + a.pricing().listRate().toPlainString() + ", spread " + a.pricing().spread().toPlainString()
                        + ")" + (a.counterOffer() == null ? "" : "; counterOffer=" + a.counterOffer().amount().toPlainString())));
        if (a.knockedOut()) {
            execution.setVariable(DECLINE_STAGE, "RISK_MODEL");
            execution.setVariable(DECLINE_REASON_CODE, a.knockouts().get(0).code());
            execution.setVariable(DECLINE_REASON, a.knockouts().stream().map(k -> k.reasonZh() + " / " + k.reasonEn())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** {@code key:version} of every decision table this loan uses, as a review needs to recompute the result. */
    static String tableVersions(DelegateExecution execution) {
        String deployment = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
        return cn.smartfactory.lending.decision.DecisionBinding.versionsInForce(deployment);
    }

    /** What the approver reads at the top of the approval form. */
    static String summary(RiskAssessment a) {
        StringBuilder s = new StringBuilder();
        s.append("评分 Score ").append(a.totalScore()).append(" / 100, 评级 Grade ").append(a.grade())
                .append("; 建议 Suggestion: ").append(a.suggestion().textZh()).append(" / ").append(a.suggestion().textEn())
                .append("\n建议额度 Suggested limit CNY ").append(Decimals.formatMoney(a.creditLimit().suggested()))
                .append(" (约束 binding: ").append(a.creditLimit().binding().nameZh()).append(" ")
                .append(a.creditLimit().binding().nameEn()).append("); 申请 requested CNY ")
                .append(Decimals.formatMoney(a.requestedAmount())).append(" over ").append(a.termMonths()).append(" months")
                .append("\n年利率 Rate ").append(a.pricing().describe())
                .append("\n还款计划 Repayment ").append(a.schedule().summary())
                .append("\n压力测试 Stress test ").append(a.stress().describe())
                .append("\n审批路径 Route: ").append(a.approvalRoute().nameZh()).append(" ").append(a.approvalRoute().nameEn())
                .append(" — ").append(a.approvalRoute().reasonEn());
        if (a.counterOffer() != null) {
            s.append("\n反报价 Counter-offer CNY ").append(Decimals.formatMoney(a.counterOffer().amount())).append(": ")
                    .append(a.counterOffer().reasonZh()).append(" / ").append(a.counterOffer().reasonEn());
        }
        for (Flag f : a.flags()) {
            s.append("\n预警 Flag ").append(f.code()).append(" (").append(f.severity()).append("): ").append(f.reasonZh())
                    .append(" / ").append(f.reasonEn()).append(" — ").append(f.evidence());
        }
        for (Knockout k : a.knockouts()) {
            s.append("\n否决 Knockout ").append(k.code()).append(": ").append(k.reasonZh()).append(" / ").append(k.reasonEn());
        }
        return s.toString();
    }
}

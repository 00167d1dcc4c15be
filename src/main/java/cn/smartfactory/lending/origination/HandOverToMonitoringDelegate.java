package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.ACCOUNT_MANAGER;
import static cn.smartfactory.lending.origination.LoanVariables.APPLICATION_ID;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_TERM_MONTHS;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVERS;
import static cn.smartfactory.lending.origination.LoanVariables.CUSTOMER_NAME;
import static cn.smartfactory.lending.origination.LoanVariables.DISBURSED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.GRADE;
import static cn.smartfactory.lending.origination.LoanVariables.GUARANTEE_TYPE;
import static cn.smartfactory.lending.origination.LoanVariables.HANDED_OVER_AT;
import static cn.smartfactory.lending.origination.LoanVariables.INDUSTRY;
import static cn.smartfactory.lending.origination.LoanVariables.INVESTIGATOR;
import static cn.smartfactory.lending.origination.LoanVariables.LOAN_NUMBER;
import static cn.smartfactory.lending.origination.LoanVariables.PRODUCT;
import static cn.smartfactory.lending.origination.LoanVariables.TOTAL_SCORE;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.monitoring.LoanMonitoring;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Hands the disbursed loan over to post-loan monitoring: registers it in the loan register with
 * its first monitoring tier, the officers who marketed, investigated and approved it and its repayment schedule (of the
 * amount paid out, from the day it was), and starts
 * its {@code post-loan-monitoring} process (business key = loan number). Retried on failure; both
 * steps are idempotent, so a retry never registers or starts twice.
 */
@Component("handOverToMonitoringDelegate")
public class HandOverToMonitoringDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(HandOverToMonitoringDelegate.class);

    private final LoanMonitoring monitoring;
    private final RepaymentPlans plans;
    private final InvestigationVariables variables;

    public HandOverToMonitoringDelegate(LoanMonitoring monitoring, RepaymentPlans plans, InvestigationVariables variables) {
        this.monitoring = monitoring;
        this.plans = plans;
        this.variables = variables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = (String) execution.getVariable(APPLICATION_ID);
        String loanNumber = "LN-" + applicationId;
        String industry = (String) execution.getVariable(INDUSTRY);
        String grade = (String) execution.getVariable(GRADE);
        String product = (String) execution.getVariable(PRODUCT);
        String guarantee = (String) execution.getVariable(GUARANTEE_TYPE);
        String tier = monitoring.initialTier(grade, product, guarantee, industry);
        BigDecimal disbursed = decimal(execution.getVariable(DISBURSED_AMOUNT));
        int term = decimal(execution.getVariable(APPROVED_TERM_MONTHS)).intValue();
        Object disbursedOnText = execution.getVariable("disbursedOn");
        LocalDate disbursedOn = disbursedOnText == null ? BankClock.today() : LocalDate.parse(disbursedOnText.toString());
        var schedule = plans.schedule(execution.getVariables(), disbursed, java.time.YearMonth.from(disbursedOn));
        var booked = RepaymentPlans.booked(loanNumber, schedule, disbursedOn);
        // The loan matures with its last payment: a seasonal one may end before the term does.
        LocalDate maturity = booked.get(booked.size() - 1).dueOn();
        LoanRecord loan = new LoanRecord(loanNumber, applicationId, execution.getProcessInstanceId(),
                (String) execution.getVariable(CUSTOMER_NAME), industry, product, guarantee, grade,
                decimal(execution.getVariable(TOTAL_SCORE)).intValue(), decimal(execution.getVariable(APPROVED_AMOUNT)),
                disbursed, term, disbursedOn, maturity, disbursed, 0, "NORMAL", tier,
                (String) execution.getVariable(ACCOUNT_MANAGER), (String) execution.getVariable(INVESTIGATOR),
                (String) execution.getVariable(APPROVERS), "ACTIVE");
        boolean added = monitoring.handOver(loan, booked, collateral(execution, loanNumber, product));
        execution.setVariable(LoanVariables.REPAYMENT_PLAN, schedule.summary());
        execution.setVariable(LOAN_NUMBER, loanNumber);
        execution.setVariable("monitoringTier", tier);
        execution.setVariable(HANDED_OVER_AT, ClockUtil.getCurrentTime());
        LOG.info("Loan {} {} the loan register, tier {}, monitoring started", loanNumber, added ? "entered" : "was already in", tier);
    }

    /**
     * The property a secured loan is booked on, read from the checklist's collateral section through the field table
     * (as approved); null for an unsecured loan. A secured loan without its collateral is a broken record: the hand-over
     * stops, naming what is missing.
     */
    cn.smartfactory.lending.monitoring.LoanCollateral collateral(DelegateExecution execution, String loanNumber,
                                                                String product) {
        if (!Boolean.TRUE.equals(execution.getVariable(LoanVariables.COLLATERAL_REQUIRED))) {
            return null;
        }
        var c = variables.map(execution.getVariables()).record().collateral();
        if (c == null || c.propertyType() == null || c.soleResidence() == null || c.appraisedValue() == null
                || c.existingLiens() == null || c.appraisalSource() == null) {
            throw new IllegalStateException("抵押贷款缺少抵押物信息(类型、是否唯一住房、评估价值、已有抵押、评估来源),无法入账 / The "
                    + "secured loan cannot be booked without its collateral's type, only-home status, appraised value, "
                    + "existing liens and appraisal source: " + c);
        }
        return new cn.smartfactory.lending.monitoring.LoanCollateral(loanNumber, product, c.propertyType().name(),
                c.soleResidence(), c.appraisedValue(), c.existingLiens(), c.appraisalSource().name(), null, null);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}

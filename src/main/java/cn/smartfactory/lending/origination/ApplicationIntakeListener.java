package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPLICATION_ID;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVERS;
import static cn.smartfactory.lending.origination.LoanVariables.COMMITTEE_VOTERS;
import static cn.smartfactory.lending.origination.LoanVariables.INDUSTRY;
import static cn.smartfactory.lending.origination.LoanVariables.INDUSTRY_SERVED;
import static cn.smartfactory.lending.origination.LoanVariables.INVESTIGATION_FORM;
import static cn.smartfactory.lending.origination.LoanVariables.INVESTIGATOR;
import static cn.smartfactory.lending.origination.LoanVariables.REWORK_COUNT;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.beans.factory.annotation.Qualifier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationValidator;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.scoring.RiskEngine;

import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.product.ProductCatalog;
import cn.smartfactory.lending.product.ProductTerms;

/**
 * Opens a new application: gives it an application id (the business key, or one generated as
 * APP-yyyyMMdd-xxxxxxxx), picks the industry's checklist form, says whether the industry catalog serves the
 * industry (the pre-screen reads it), tells it whether the product requires
 * collateral (the product terms decide, so the form asks for it exactly when the check will), and starts the counters the
 * segregation-of-duties checks and the rework metric use.
 */
@Component("applicationIntake")
public class ApplicationIntakeListener implements ExecutionListener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The application's fields about how the loan is repaid, which the intake checks before anything is stored. */
    static final Set<String> REPAYMENT_FIELDS = Set.of("repaymentStructure", "drawdownMonth");

    private final ProductCatalog products;
    private final IndustryCatalog industries;
    private final InvestigationVariables variables;
    private final InvestigationValidator validator;
    private final FormRules forms;

    public ApplicationIntakeListener(ProductCatalog products, IndustryCatalog industries, InvestigationVariables variables,
                                     @Qualifier("unrecordedRiskEngine") RiskEngine riskEngine, FormRules forms) {
        this.products = products;
        this.industries = industries;
        this.variables = variables;
        this.validator = riskEngine.validator();
        this.forms = forms;
    }

    @Override
    public void notify(DelegateExecution execution) {
        checkRepayment(execution);
        String id = execution.getBusinessKey();
        if (id == null || id.isBlank()) {
            String instance = execution.getProcessInstanceId().replace("-", "").toUpperCase();
            // UUIDs in the platform; short sequential ids in tests.
            String suffix = instance.length() >= 8 ? instance.substring(0, 8) : "0".repeat(8 - instance.length()) + instance;
            id = "APP-" + BankClock.today().format(DAY) + "-" + suffix;
            execution.setProcessBusinessKey(id);
        }
        execution.setVariable(APPLICATION_ID, id);
        Object industry = execution.getVariable(INDUSTRY);
        execution.setVariable(INVESTIGATION_FORM,
                industry == null ? null : InvestigationVariables.investigationForm(industry.toString()));
        // The pre-screen lends only to the industries the reference data describes: a new industry is a data change.
        execution.setVariable(INDUSTRY_SERVED, industry != null && industries.find(industry.toString()).isPresent());
        Object product = execution.getVariable(LoanVariables.PRODUCT);
        var terms = product == null ? java.util.Optional.<ProductTerms>empty() : products.find(product.toString());
        execution.setVariable(LoanVariables.COLLATERAL_REQUIRED, terms.map(ProductTerms::requiresCollateral).orElse(false));
        productMatrix(execution, terms.orElse(null));
        execution.setVariable(LoanVariables.GUARANTOR_REQUIRED, "GUARANTOR".equals(execution.getVariable(LoanVariables.GUARANTEE_TYPE)));
        execution.setVariable(REWORK_COUNT, 0);
        execution.setVariable(INVESTIGATOR, "");
        execution.setVariable(APPROVERS, "");
        execution.setVariable(COMMITTEE_VOTERS, "");
        // Until a customer withdraws, the contract and the disbursement lead on (their forms can say otherwise).
        execution.setVariable(LoanVariables.CUSTOMER_WITHDREW, false);
        execution.setVariable(LoanVariables.DISBURSEMENT_WITHDRAWN, false);
    }

    /**
     * What the pre-screen reads from the product matrix, so that no product's figures are written twice: whether the
     * amount is above the product's cap, and whether the applicant may have the product at all (its industries and
     * scenario data, the {@code product-eligibility} table) with the table's reason.
     */
    private void productMatrix(DelegateExecution execution, ProductTerms terms) {
        Object amount = execution.getVariable(LoanVariables.AMOUNT);
        execution.setVariable(LoanVariables.ABOVE_PRODUCT_CAP, terms != null && amount != null
                && new java.math.BigDecimal(amount.toString()).compareTo(terms.maxAmount()) > 0);
        if (terms == null) {
            execution.setVariable(LoanVariables.PRODUCT_ELIGIBLE, false);
            execution.setVariable(LoanVariables.PRODUCT_INELIGIBLE_REASON, "本行无此产品 / The bank has no such product");
            return;
        }
        Object industry = execution.getVariable(INDUSTRY);
        Object reference = execution.getVariable(LoanVariables.SCENARIO_REFERENCE);
        Object monthly = execution.getVariable(LoanVariables.SCENARIO_MONTHLY_AMOUNT);
        var eligibility = products.eligibility(terms.code(), industry == null ? null : industry.toString(),
                reference == null ? null : reference.toString(),
                monthly == null || monthly.toString().isBlank() ? null : new java.math.BigDecimal(monthly.toString()));
        execution.setVariable(LoanVariables.PRODUCT_ELIGIBLE, eligibility.eligible());
        execution.setVariable(LoanVariables.PRODUCT_INELIGIBLE_REASON, eligibility.eligible() ? null
                : eligibility.reasonZh() + " / " + eligibility.reasonEn());
    }

    /**
     * The repayment structure must be one the product offers, for the term asked (the {@code repayment-structure}
     * table), seasonal only where the industry has a business cycle, and the planned drawdown a month: refused at the
     * start, naming the application form's field, so no application is opened that scoring would have to refuse.
     */
    private void checkRepayment(DelegateExecution execution) {
        List<Violation> problems = variables.problems(execution.getVariables(), validator).stream()
                .filter(v -> REPAYMENT_FIELDS.contains(v.field())
                        || "termMonths".equals(v.field()) && "MAX_TERM_FOR_STRUCTURE".equals(v.rule()))
                .toList();
        if (!problems.isEmpty()) {
            Map<String, String> labels = forms.startFormLabels(execution.getProcessDefinitionId());
            throw new BadUserRequestException(Violation.refusal("申请未通过校验", "Application not accepted", problems.stream()
                    .map(v -> v.labelled(InvestigationVariables.label(v.field(), labels))).toList()));
        }
    }
}

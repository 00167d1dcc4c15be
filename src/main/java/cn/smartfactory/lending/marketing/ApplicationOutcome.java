package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Records on the lead how its application ended (the call activity hands back the loan number, the
 * disbursed amount, the approval decision and any withdrawal): DISBURSED with the amount, WITHDRAWN
 * or DECLINED; a disbursement earns its points.
 */
public class ApplicationOutcome implements JavaDelegate {

    private final MarketingStore store;
    private final MarketingPoints points;

    public ApplicationOutcome(MarketingStore store, MarketingPoints points) {
        this.store = store;
        this.points = points;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = longValue(execution, LEAD_ID);
        Lead lead = store.lead(leadId).orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not in the register"));
        String decision = optionalText(execution, "applicationDecision");
        boolean approved = "APPROVE".equals(decision) || "APPROVE_MODIFIED".equals(decision);
        String status;
        BigDecimal disbursed = null;
        if (optionalText(execution, "loanNumber") != null) {
            status = Lead.DISBURSED;
            disbursed = decimal(execution, "disbursedAmount");
            approved = true;
        } else if (Boolean.TRUE.equals(execution.getVariable("customerWithdrew"))
                || Boolean.TRUE.equals(execution.getVariable("disbursementWithdrawn"))) {
            status = Lead.WITHDRAWN;
        } else {
            status = Lead.DECLINED;
        }
        store.recordApplicationOutcome(leadId, status, approved, disbursed);
        if (disbursed != null) {
            points.award(lead, "DISBURSEMENT", lead.accountManager());
        }
        execution.setVariable(OUTREACH_RESULT, status);
    }
}

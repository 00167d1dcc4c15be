package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** At the campaign's end date a lead still being worked closes as not reached (the campaign may have closed it already). */
public class LeadClosing implements JavaDelegate {

    private final MarketingStore store;

    public LeadClosing(MarketingStore store) {
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = longValue(execution, LEAD_ID);
        store.lead(leadId).filter(l -> Lead.WORKING.contains(l.status()))
                .ifPresent(l -> store.setStatus(leadId, Lead.CLOSED_AT_END));
        execution.setVariable(OUTREACH_RESULT, Lead.CLOSED_AT_END);
    }
}

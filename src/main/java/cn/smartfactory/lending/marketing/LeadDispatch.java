package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

import cn.smartfactory.lending.customer.CustomerKey;

/**
 * Turns a chunk of a campaign's new leads into outreach processes ({@code marketing-lead}, business
 * key LEAD-id), one transaction per chunk, and tells the diagram whether more are waiting. A chunk
 * that fails is retried as a whole (the leads of a failed chunk are still NEW) and then becomes an
 * incident in Cockpit; nothing is lost.
 */
public class LeadDispatch implements JavaDelegate {

    public static final String LEAD_PROCESS = "marketing-lead";
    /** Leads per job: small enough for a short transaction, large enough to finish a big list soon. */
    static final int CHUNK = 200;

    private final int chunk;
    private final MarketingStore store;
    private final StrategyLibrary strategies;
    private final RuntimeService runtime;

    public LeadDispatch(MarketingStore store, StrategyLibrary strategies, RuntimeService runtime) {
        this(store, strategies, runtime, CHUNK);
    }

    /** @param chunk leads per job (tests use small chunks to see the loop) */
    public LeadDispatch(MarketingStore store, StrategyLibrary strategies, RuntimeService runtime, int chunk) {
        this.chunk = chunk;
        this.store = store;
        this.strategies = strategies;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = text(execution, CAMPAIGN_ID);
        Campaign campaign = store.campaign(campaignId)
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaignId + " is not in the register"));
        Object endsAt = execution.getVariable(CAMPAIGN_ENDS_AT);
        for (Lead lead : store.newLeads(campaignId, chunk)) {
            var instance = runtime.startProcessInstanceByKey(LEAD_PROCESS, "LEAD-" + lead.leadId(), variables(campaign, lead, endsAt));
            store.markDispatched(lead.leadId(), instance.getProcessInstanceId());
        }
        execution.setVariable(LEADS_WAITING, store.countNewLeads(campaignId) > 0);
    }

    Map<String, Object> variables(Campaign campaign, Lead lead, Object endsAt) {
        Map<String, Object> v = new HashMap<>();
        v.put(LEAD_ID, lead.leadId());
        v.put(CAMPAIGN_ID, campaign.campaignId());
        v.put(ACCOUNT_MANAGER, lead.accountManager());
        v.put(CAMPAIGN_ENDS_AT, endsAt);
        v.put(MAX_ATTEMPTS, campaign.maxAttempts());
        v.put(LEAD_SOURCE, "CAMPAIGN_LIST");
        // Prefilled for the application section: the name, the industry, and the ID when it is a person's.
        v.put("customerName", lead.name());
        v.put("industry", lead.industry());
        CustomerKey.parse(lead.customerKey()).filter(k -> k.type() == CustomerKey.Type.RESIDENT)
                .ifPresent(k -> v.put("customerIdNumber", k.value()));
        v.put(STRATEGY_ADVICE, Variables.objectValue(strategies.advice(campaign, lead))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        return v;
    }
}

package cn.smartfactory.lending.marketing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform's API does for marketing operations, each in one transaction with the engine: a
 * campaign and its first list start together or not at all; a list added later is imported whole
 * (row refusals aside) and its outreach tasks are created by the campaign's process afterwards.
 */
@Service
public class CampaignService {

    public static final String CAMPAIGN_PROCESS = "marketing-campaign";
    public static final String LIST_ADDED = "LeadListAdded";

    private final RuntimeService runtime;
    private final MarketingStore store;
    private final LeadListImport listImport;

    public CampaignService(RuntimeService runtime, MarketingStore store, LeadListImport listImport) {
        this.runtime = runtime;
        this.store = store;
        this.listImport = listImport;
    }

    /** The answer to a new campaign: its id and what its first list did (null without a file). */
    public record Started(String campaignId, LeadListImport.Result list) {
    }

    /**
     * Starts a campaign through its start form's rules (the {@code formRules} listener refuses what the
     * form would) and imports its first list. Runs as the platform: the caller's role was checked.
     */
    @Transactional
    public Started start(Map<String, Object> form, String owner, String fileName, byte[] file) {
        Map<String, Object> variables = new HashMap<>(form);
        variables.put(MarketingVariables.CAMPAIGN_OWNER, owner);
        var instance = runtime.createProcessInstanceByKey(CAMPAIGN_PROCESS).setVariables(variables).execute();
        String campaignId = (String) runtime.getVariable(instance.getId(), MarketingVariables.CAMPAIGN_ID);
        LeadListImport.Result list = null;
        if (file != null) {
            Campaign campaign = store.campaign(campaignId).orElseThrow();
            list = listImport.importFile(campaign, fileName, file, owner);
        }
        return new Started(campaignId, list);
    }

    /** Adds a list to an open campaign; the campaign's process creates the outreach tasks afterwards. */
    @Transactional
    public LeadListImport.Result addList(String campaignId, String fileName, byte[] file, String uploadedBy) {
        Campaign campaign = store.campaign(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
        LeadListImport.Result result = listImport.importFile(campaign, fileName, file, uploadedBy);
        if (result.imported() > 0) {
            runtime.createMessageCorrelation(LIST_ADDED).processInstanceBusinessKey(campaignId).correlate();
        }
        return result;
    }

    /** A campaign id that is not in the register. */
    public static class CampaignNotFound extends RuntimeException {
        public CampaignNotFound(String campaignId) {
            super("营销活动 " + campaignId + " 不存在。There is no campaign " + campaignId + ".");
        }
    }
}

package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Ends a campaign at its end date: every lead still being worked closes as not reached (their own
 * processes follow on their end-date timers), the campaign closes, and its results go to the review
 * task.
 */
public class CampaignClosing implements JavaDelegate {

    private final MarketingStore store;
    private final CampaignFigures figures;

    public CampaignClosing(MarketingStore store, CampaignFigures figures) {
        this.store = store;
        this.figures = figures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = text(execution, CAMPAIGN_ID);
        store.closeWorkingLeads(campaignId);
        store.closeCampaign(campaignId);
        execution.setVariable(RESULTS, Variables.objectValue(figures.reviewSummary(campaignId))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}

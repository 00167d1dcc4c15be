package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Keeps marketing operations' review with the campaign: what worked and what to change next time. */
public class CampaignReview implements TaskListener {

    private final MarketingStore store;

    public CampaignReview(MarketingStore store) {
        this.store = store;
    }

    @Override
    public void notify(DelegateTask task) {
        store.recordReview(text(task, CAMPAIGN_ID), text(task, REVIEW_WORKED), text(task, REVIEW_CHANGE),
                task.getAssignee() == null ? "platform" : task.getAssignee());
    }
}

package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import cn.smartfactory.lending.customer.CustomerRegister;
import cn.smartfactory.lending.investigation.Violation;

/**
 * Records a completed outreach task: the contact (channel, reached, interest, objection and how it
 * was handled), the attempt counted, points for the action, the customer's marketing consent, and
 * what happens next — {@code outreachResult} APPLY, FOLLOW_UP (with {@code nextFollowUpAt}),
 * NOT_INTERESTED, OPTED_OUT or UNREACHED (the campaign's attempts used up). The answers are then
 * cleared so the next contact starts with an empty form. Runs in the completion's transaction: a
 * refusal stores nothing.
 */
public class OutreachRecorder implements TaskListener {

    private static final DateTimeFormatter APPLICATION_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MarketingStore store;
    private final CustomerRegister customers;
    private final MarketingPoints points;

    public OutreachRecorder(MarketingStore store, CustomerRegister customers, MarketingPoints points) {
        this.store = store;
        this.customers = customers;
        this.points = points;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        long leadId = longValue(task, LEAD_ID);
        Lead lead = store.lead(leadId).orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not in the register"));
        Campaign campaign = store.campaign(lead.campaignId()).orElseThrow();
        String by = task.getAssignee() == null ? lead.accountManager() : task.getAssignee();
        LocalDate today = today();

        String channel = text(task, "contactChannel");
        boolean reached = "YES".equals(text(task, "reached"));
        String consent = reached ? text(task, "consent") : null;
        String interest = reached && "GRANTED".equals(consent) ? text(task, "interest") : null;
        LocalDate nextFollowUp = "LATER".equals(interest) ? date(task, "nextFollowUp") : null;
        if (nextFollowUp != null && nextFollowUp.isAfter(campaign.endDate())) {
            throw new BadUserRequestException(Violation.refusal("表单未通过校验", "Form not accepted", List.of(new Violation(
                    "nextFollowUp", "AFTER_CAMPAIGN", "may not be after the campaign's end " + campaign.endDate() + " (was " + nextFollowUp + ")",
                    "不得晚于活动结束日 " + campaign.endDate() + "(当前为 " + nextFollowUp + ")", "下次跟进日期 Next follow-up"))));
        }
        int attempts = lead.attempts() + 1;

        String result;
        String status;
        LocalDate followUp = null;
        String applicationId = null;
        if (reached && "WITHDRAWN".equals(consent)) {
            result = Lead.OPTED_OUT;
            status = Lead.OPTED_OUT;
        } else if ("WANTS_TO_APPLY".equals(interest)) {
            result = "APPLY";
            status = Lead.APPLIED;
            applicationId = "APP-" + today.format(APPLICATION_DAY) + "-L" + String.format("%07d", leadId);
        } else if ("NOT_INTERESTED".equals(interest)) {
            result = Lead.NOT_INTERESTED;
            status = Lead.NOT_INTERESTED;
        } else if ("LATER".equals(interest)) {
            result = "FOLLOW_UP";
            status = Lead.FOLLOW_UP;
            followUp = nextFollowUp;
        } else if (attempts >= campaign.maxAttempts()) {
            result = Lead.UNREACHED;
            status = Lead.UNREACHED;
        } else {
            LocalDate retry = optionalDate(task, "retryOn");
            result = "FOLLOW_UP";
            status = Lead.FOLLOW_UP;
            followUp = retry == null ? today.plusDays(1) : retry;
        }

        store.recordContact(leadId, task.getId(), by, new MarketingStore.Contact(MarketingVariables.now(), by, channel,
                reached, "OPTED_OUT".equals(result) ? "OPTED_OUT" : interest, optionalText(task, "objection"),
                optionalText(task, "objectionHandling"), followUp));
        store.recordOutcome(leadId, attempts, reached, "WANTS_TO_APPLY".equals(interest) || "LATER".equals(interest),
                followUp, status, applicationId);
        if (consent != null) {
            customers.find(lead.customerKey()).ifPresent(c -> customers.setPreferences(c.key(),
                    c.doNotContact() || "WITHDRAWN".equals(consent), consent, by));
        }
        points.award(lead, "CONTACT", by);
        if (reached) {
            points.award(lead, "REACH", by);
        }
        if (applicationId != null) {
            points.award(lead, "APPLICATION", by);
            execution.setVariable(APPLICATION_KEY, applicationId);
        }
        execution.setVariable(OUTREACH_RESULT, result);
        execution.setVariable(NEXT_FOLLOW_UP_AT, followUp == null ? null : startOf(followUp));
        for (String answer : OUTREACH_ANSWERS) {
            execution.removeVariable(answer);
        }
    }
}

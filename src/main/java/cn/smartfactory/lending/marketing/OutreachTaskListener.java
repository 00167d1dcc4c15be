package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;

import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * Fills an outreach task when it opens: the customer's profile as it is now, the attempt number and
 * the earlier contacts (from the register, so a reassigned lead shows its whole story).
 */
public class OutreachTaskListener implements TaskListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MarketingStore store;
    private final IndustryCatalog industries;
    private final MarketingReference reference;

    public OutreachTaskListener(MarketingStore store, IndustryCatalog industries, MarketingReference reference) {
        this.store = store;
        this.industries = industries;
        this.reference = reference;
    }

    @Override
    public void notify(DelegateTask task) {
        long leadId = longValue(task, LEAD_ID);
        Lead lead = store.lead(leadId).orElseThrow(() -> new IllegalStateException("Lead " + leadId + " is not in the register"));
        Campaign campaign = store.campaign(lead.campaignId()).orElseThrow();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("leadId", lead.leadId());
        profile.put("name", lead.name());
        profile.put("phone", lead.phone() == null ? "—" : lead.phone());
        profile.put("industry", industries.find(lead.industry()).map(i -> i.nameZh() + " " + i.nameEn()).orElse(lead.industry()));
        profile.put("region", reference.region(lead.region()).map(MarketingReference.Entry::label).orElse(lead.region()));
        profile.put("businessType", lead.businessType() == null ? "—"
                : reference.businessType(lead.businessType()).map(MarketingReference.Entry::label).orElse(lead.businessType()));
        profile.put("address", lead.address() == null ? "—" : lead.address());
        profile.put("note", lead.note() == null ? "" : lead.note());
        profile.put("relation", lead.relationNote() == null ? "" : lead.relationNote());
        profile.put("campaignId", campaign.campaignId());
        profile.put("campaignName", campaign.name());
        profile.put("campaignEnds", campaign.endDate().toString());
        profile.put("attempt", lead.attempts() + 1);
        profile.put("maxAttempts", campaign.maxAttempts());
        profile.put("flagText", flagText(lead.flags()));
        task.setVariable(LEAD, Variables.objectValue(profile).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (MarketingStore.Contact c : store.contacts(leadId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("when", c.contactedAt().format(WHEN));
            row.put("accountManager", c.accountManager());
            row.put("channel", Channels.label(c.channel()));
            row.put("reached", c.reached() ? "是 yes" : "否 no");
            row.put("interest", c.interest() == null ? "" : interestLabel(c.interest()));
            row.put("objection", c.objection() == null ? "" : c.objection()
                    + (c.handling() == null ? "" : " → " + c.handling()));
            contacts.add(row);
        }
        task.setVariable(CONTACTS, Variables.objectValue(contacts).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }

    static String interestLabel(String interest) {
        return switch (interest) {
            case "WANTS_TO_APPLY" -> "愿意申请 Wants to apply";
            case "LATER" -> "再跟进 Follow up";
            case "NOT_INTERESTED" -> "无意向 Not interested";
            case "OPTED_OUT" -> "拒绝营销 Declined marketing";
            default -> interest;
        };
    }

    static String flagText(String flags) {
        if (flags == null || flags.isBlank()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (String flag : flags.split(",")) {
            texts.add(switch (flag) {
                case "ACTIVE_LOAN" -> "已有在贷,按增贷或续贷营销 Has an active loan: market a top-up or renewal";
                case "CONSENT_UNKNOWN" -> "首次触达时请询问营销同意 Ask for marketing consent when you reach the customer";
                case "NO_PHONE" -> "名单无电话,请上门拜访 No phone on the list: visit in person";
                default -> flag;
            });
        }
        return String.join(";", texts);
    }
}

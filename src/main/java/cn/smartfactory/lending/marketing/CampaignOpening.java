package cn.smartfactory.lending.marketing;

import static cn.smartfactory.lending.marketing.MarketingVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.investigation.Violation;

/**
 * Opens a campaign when its process starts: checks what the start form cannot (the end date not
 * before the start date), gives it its id (the business key the platform's API chose, or
 * CMP-yyyyMMdd-xxxxxxxx), stores it, and sets the end-date timer. A list the bank generates itself
 * (chain leads, renewals) is imported here, in the same transaction.
 */
@Component("campaignOpening")
public class CampaignOpening implements ExecutionListener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MarketingStore store;
    private final BankLists bankLists;
    private final LeadListImport listImport;

    public CampaignOpening(MarketingStore store, BankLists bankLists, LeadListImport listImport) {
        this.store = store;
        this.bankLists = bankLists;
        this.listImport = listImport;
    }

    @Override
    public void notify(DelegateExecution execution) {
        LocalDate start = date(execution, START_DATE);
        LocalDate end = date(execution, END_DATE);
        if (end.isBefore(start)) {
            throw new BadUserRequestException(Violation.refusal("表单未通过校验", "Form not accepted", List.of(
                    new Violation(END_DATE, "END_BEFORE_START", "may not be before the start date " + start + " (was " + end + ")",
                            "不得早于开始日期 " + start + "(当前为 " + end + ")", "结束日期 End date"))));
        }
        String id = execution.getBusinessKey();
        if (id == null || id.isBlank()) {
            String instance = execution.getProcessInstanceId().replace("-", "").toUpperCase();
            String suffix = instance.length() >= 8 ? instance.substring(0, 8) : "0".repeat(8 - instance.length()) + instance;
            id = "CMP-" + today().format(DAY) + "-" + suffix;
            execution.setProcessBusinessKey(id);
        }
        String owner = optionalText(execution, CAMPAIGN_OWNER);
        Campaign campaign = new Campaign(id, text(execution, CAMPAIGN_NAME), text(execution, OBJECTIVE),
                text(execution, TARGET_SEGMENT), text(execution, STRATEGY), text(execution, CHANNEL),
                text(execution, LIST_SOURCE), start, end, integer(execution, CONVERSION_TARGET),
                integer(execution, MAX_ATTEMPTS), "OPEN", owner == null ? "platform" : owner);
        store.createCampaign(campaign, execution.getProcessInstanceId());
        execution.setVariable(CAMPAIGN_ID, id);
        // The campaign runs to the end of its end date, in the bank's time zone.
        execution.setVariable(CAMPAIGN_ENDS_AT, startOf(end.plusDays(1)));
        if (!"NAME_LIST".equals(campaign.listSource())) {
            var result = listImport.importRows(campaign, campaign.listSource(), bankLists.rows(campaign.listSource()));
            execution.setVariable("generatedListImported", result.imported());
        }
    }
}

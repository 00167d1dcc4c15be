package cn.smartfactory.lending.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.smartfactory.lending.platform.BankClock;

/**
 * The variables of the marketing processes, read and written in one place: typed, with a clear error
 * naming a missing or unreadable value instead of a silent default.
 */
public final class MarketingVariables {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN_NAME = "campaignName";
    public static final String OBJECTIVE = "objective";
    public static final String TARGET_SEGMENT = "targetSegment";
    public static final String STRATEGY = "strategy";
    public static final String CHANNEL = "channel";
    public static final String LIST_SOURCE = "listSource";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String CONVERSION_TARGET = "conversionTarget";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String CAMPAIGN_OWNER = "campaignOwner";
    public static final String CAMPAIGN_ENDS_AT = "campaignEndsAt";
    public static final String LEADS_WAITING = "leadsWaiting";
    public static final String RESULTS = "results";
    public static final String REVIEW_WORKED = "reviewWorked";
    public static final String REVIEW_CHANGE = "reviewChange";

    public static final String LEAD_ID = "leadId";
    public static final String ACCOUNT_MANAGER = "accountManager";
    public static final String LEAD = "lead";
    public static final String STRATEGY_ADVICE = "strategyAdvice";
    public static final String CONTACTS = "contacts";
    public static final String OUTREACH_RESULT = "outreachResult";
    public static final String NEXT_FOLLOW_UP_AT = "nextFollowUpAt";
    public static final String APPLICATION_KEY = "applicationKey";
    public static final String LEAD_SOURCE = "leadSource";
    /** The outreach form's answers, cleared once recorded so the next contact starts empty. */
    public static final String[] OUTREACH_ANSWERS = {"contactChannel", "reached", "consent", "interest", "objection",
            "objectionHandling", "nextFollowUp", "retryOn"};

    /** The bank's time zone: days start and end in it, whatever the server's zone. */
    public static final ZoneId BANK_ZONE = BankClock.ZONE;

    private MarketingVariables() {
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("Process variable '" + name + "' is missing 缺少流程变量 " + name);
        }
        return value.toString().trim();
    }

    public static String optionalText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static int integer(VariableScope scope, String name) {
        return decimal(scope, name).intValueExact();
    }

    public static long longValue(VariableScope scope, String name) {
        return decimal(scope, name).longValueExact();
    }

    public static BigDecimal decimal(VariableScope scope, String name) {
        String text = text(scope, name);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Process variable '" + name + "' is not a number (was " + text + ")", e);
        }
    }

    public static BigDecimal optionalDecimal(VariableScope scope, String name) {
        String text = optionalText(scope, name);
        return text == null ? null : new BigDecimal(text);
    }

    public static LocalDate date(VariableScope scope, String name) {
        String text = text(scope, name);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Process variable '" + name + "' is not a date (was " + text + ")", e);
        }
    }

    public static LocalDate optionalDate(VariableScope scope, String name) {
        return optionalText(scope, name) == null ? null : date(scope, name);
    }

    /** Today in the bank's zone, by the engine's clock (which tests move). */
    public static LocalDate today() {
        return now().toLocalDate();
    }

    /** Now in the bank's zone, by the engine's clock. */
    public static java.time.LocalDateTime now() {
        return BankClock.now();
    }

    /** The first moment of a day in the bank's zone, for timers. */
    public static Date startOf(LocalDate day) {
        return BankClock.startOf(day);
    }
}

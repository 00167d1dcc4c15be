package cn.smartfactory.lending.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A name on a campaign's list, assigned to an account manager. */
public record Lead(long leadId, String campaignId, String customerKey, Integer listRow, String name, String phone,
                   String industry, String region, String businessType, String address, String note, String relationNote,
                   String flags, String accountManager, String assignmentReason, String status, int attempts,
                   boolean reached, boolean interested, LocalDate nextFollowUp, String applicationId, String outcome,
                   boolean approved, BigDecimal disbursedAmount, String processInstanceId) {

    /** Waiting to become an outreach task. */
    public static final String NEW = "NEW";
    /** An outreach task is open. */
    public static final String OPEN = "OPEN";
    /** Waiting for the follow-up date. */
    public static final String FOLLOW_UP = "FOLLOW_UP";
    /** The customer applied; the application runs. */
    public static final String APPLIED = "APPLIED";
    /** Statuses in which the lead still occupies the customer (nobody else may contact them for a campaign). */
    public static final List<String> LIVE = List.of(NEW, OPEN, FOLLOW_UP, APPLIED);
    /** Statuses in which the account manager still has work on the lead. */
    public static final List<String> WORKING = List.of(NEW, OPEN, FOLLOW_UP);

    public static final String NOT_INTERESTED = "NOT_INTERESTED";
    public static final String UNREACHED = "UNREACHED";
    public static final String CLOSED_AT_END = "CLOSED_AT_END";
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String DECLINED = "DECLINED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String DISBURSED = "DISBURSED";

    /** The phone number as shown to someone who may not see it whole: 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}

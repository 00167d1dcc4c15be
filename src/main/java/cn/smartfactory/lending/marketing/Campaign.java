package cn.smartfactory.lending.marketing;

import java.time.LocalDate;

/**
 * A marketing campaign.
 *
 * @param listSource  NAME_LIST (lists uploaded by marketing operations), CHAIN (链式拓客) or RENEWAL (存客挖掘)
 * @param maxAttempts failed contact attempts after which a lead closes as unreached
 * @param status      OPEN until the end date, then CLOSED
 */
public record Campaign(String campaignId, String name, String objective, String targetSegment, String strategy,
                       String channel, String listSource, LocalDate startDate, LocalDate endDate, int conversionTarget,
                       int maxAttempts, String status, String createdBy) {
}

package cn.smartfactory.lending.customer;

/** Links applications to customers (the register; a recording fake in process tests). */
public interface ApplicationLinks {

    /** The applicant is recorded (or updated) and the application linked to them, OPEN; idempotent. */
    void applicationOpened(CustomerKey applicant, String name, String industry, String applicationId);

    /**
     * A party the borrower trades with, as the investigation recorded it (TOP_CUSTOMER or TOP_SUPPLIER, with
     * its share of sales or purchases); recorded once per borrower, relation and name.
     */
    void relationRecorded(String borrowerKey, String relatedName, String relation, java.math.BigDecimal sharePercent,
                          String source);

    /** The application ended with the outcome (DISBURSED, DECLINED, WITHDRAWN, CANCELLED). */
    void applicationClosed(String applicationId, String outcome);
}

package cn.smartfactory.lending.customer;

/** Links applications to customers (the register; a recording fake in process tests). */
public interface ApplicationLinks {

    /** The applicant is recorded (or updated) and the application linked to them, OPEN; idempotent. */
    void applicationOpened(CustomerKey applicant, String name, String industry, String applicationId);

    /** The application ended with the outcome (DISBURSED, DECLINED, WITHDRAWN, CANCELLED). */
    void applicationClosed(String applicationId, String outcome);
}

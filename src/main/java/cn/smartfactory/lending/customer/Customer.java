package cn.smartfactory.lending.customer;

/**
 * A customer in the register.
 *
 * @param consent UNKNOWN until the customer is asked, then GRANTED or WITHDRAWN
 */
public record Customer(String key, String keyType, String name, String phone, String region, String industry,
                       String businessType, String address, boolean doNotContact, String consent) {

    /** Whether the bank may approach this customer for marketing (个人信息保护法: an objection or a withdrawn consent stops it). */
    public boolean mayBeContacted() {
        return !doNotContact && !"WITHDRAWN".equals(consent);
    }
}

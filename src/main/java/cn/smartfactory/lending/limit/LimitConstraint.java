package cn.smartfactory.lending.limit;

import java.math.BigDecimal;

/**
 * One ceiling on the credit limit, with how it was computed.
 *
 * @param amount  the ceiling in CNY before rounding (never negative)
 * @param basisEn the computation with its figures, so an approver can recompute it
 */
public record LimitConstraint(Kind kind, BigDecimal amount, String basisZh, String basisEn) {

    /** Why the request cannot be lent in full, in the words a counter-offer gives the customer. */
    public String reasonZh(String requested, String offered) {
        return "申请金额 " + requested + " 超过" + kind.nameZh() + "(" + basisZh + "),建议按 " + offered + " 发放";
    }

    public String reasonEn(String requested, String offered) {
        return "the request of " + requested + " is above the " + kind.nameEn().toLowerCase(java.util.Locale.ROOT) + " ("
                + basisEn + "); " + offered + " can be lent";
    }

    public enum Kind {
        REQUESTED("申请金额", "Requested amount"),
        REPAYMENT_CAPACITY("还款能力", "Repayment capacity"),
        SALES_CAP("销售额上限", "Sales cap"),
        PRODUCT_CAP("产品上限", "Product cap"),
        COLLATERAL("抵押物价值", "Collateral value"),
        GUARANTOR("保证人担保能力", "Guarantor's capacity"),
        SCENARIO("场景额度", "Scenario cap");

        private final String nameZh;
        private final String nameEn;

        Kind(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }
}

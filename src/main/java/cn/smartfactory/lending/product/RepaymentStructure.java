package cn.smartfactory.lending.product;

/**
 * How a loan is repaid (还款方式). Which structures a product offers, and for how long, is the
 * {@code repayment-structure} table's; the schedule itself is {@code limit.RepaymentSchedule}'s.
 */
public enum RepaymentStructure {
    /** 等额本息: the same instalment every month, interest on the falling balance. */
    EQUAL_INSTALMENT("等额本息", "Equal instalments"),
    /** 按月付息、到期还本 (先息后本): interest every month, the whole principal in the last month. */
    INTEREST_ONLY("按月付息、到期还本", "Interest monthly, principal at maturity"),
    /** 按月付息、旺季还本: interest every month, the principal in equal parts in the industry's peak months. */
    SEASONAL("按月付息、旺季还本", "Interest monthly, principal in the peak months");

    private final String nameZh;
    private final String nameEn;

    RepaymentStructure(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** "等额本息 Equal instalments" */
    public String label() {
        return nameZh + " " + nameEn;
    }
}

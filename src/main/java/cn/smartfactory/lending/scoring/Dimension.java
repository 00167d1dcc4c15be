package cn.smartfactory.lending.scoring;

/** The five scorecard dimensions; each has its own decision table of bins. */
public enum Dimension {
    D1_BORROWER("scorecard-borrower", "主体与征信", "Borrower & credit"),
    D2_OPERATIONS("scorecard-operations", "经营", "Operations"),
    D3_FINANCIALS("scorecard-financials", "财务", "Financials"),
    D4_CASH_FLOW("scorecard-cash-flow", "资金", "Cash flow & repayment"),
    D5_CUSTOMER_BASE("scorecard-customer-base", "客群", "Customer base");

    private final String decisionKey;
    private final String nameZh;
    private final String nameEn;

    Dimension(String decisionKey, String nameZh, String nameEn) {
        this.decisionKey = decisionKey;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String decisionKey() {
        return decisionKey;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}

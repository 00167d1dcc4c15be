package cn.smartfactory.lending.crosscheck;

/** Where a sales figure comes from; only the independent ones enter verified sales. */
public enum SalesSource {
    DECLARED("S_d", "业主申报", "Declared by the owner", false),
    BANK_STATEMENTS("S_b", "银行流水经营性流入", "Business inflows on bank statements", true),
    PURCHASES("S_p", "进货推算", "Purchases grossed up by the margin", true),
    OPERATIONAL_DRIVER("S_o", "经营驱动推算", "Operational driver of the industry", true);

    private final String symbol;
    private final String nameZh;
    private final String nameEn;
    private final boolean independent;

    SalesSource(String symbol, String nameZh, String nameEn, boolean independent) {
        this.symbol = symbol;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.independent = independent;
    }

    public String symbol() {
        return symbol;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean independent() {
        return independent;
    }
}

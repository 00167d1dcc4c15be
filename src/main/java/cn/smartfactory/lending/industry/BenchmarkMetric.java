package cn.smartfactory.lending.industry;

/** The ratios each industry has a benchmark band for. */
public enum BenchmarkMetric {
    GROSS_MARGIN("毛利率", "Gross margin"),
    NET_MARGIN("净利率", "Net margin"),
    INVENTORY_DAYS("存货周转天数", "Inventory days"),
    RECEIVABLE_DAYS("应收账款周转天数", "Receivable days");

    private final String nameZh;
    private final String nameEn;

    BenchmarkMetric(String nameZh, String nameEn) {
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

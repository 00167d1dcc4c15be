package cn.smartfactory.lending.scoring;

import static cn.smartfactory.lending.scoring.Dimension.D1_BORROWER;
import static cn.smartfactory.lending.scoring.Dimension.D2_OPERATIONS;
import static cn.smartfactory.lending.scoring.Dimension.D3_FINANCIALS;
import static cn.smartfactory.lending.scoring.Dimension.D4_CASH_FLOW;
import static cn.smartfactory.lending.scoring.Dimension.D5_CUSTOMER_BASE;

/**
 * The 22 scorecard indicators. Java computes their values; bins, points and weights live in the
 * dimension's decision table, where the {@code indicator} output carries this enum's name.
 */
public enum Indicator {
    AGE(D1_BORROWER, "年龄", "Age", Unit.YEARS),
    YEARS_IN_INDUSTRY(D1_BORROWER, "从业年限", "Years in the industry", Unit.YEARS),
    OVERDUE_24M(D1_BORROWER, "近24个月逾期次数", "Overdue records in 24 months", Unit.COUNT),
    INQUIRIES_6M(D1_BORROWER, "近6个月征信查询次数", "Bureau inquiries in 6 months", Unit.COUNT),
    LENDERS(D1_BORROWER, "有未结清贷款的机构数(多头)", "Lenders with outstanding loans", Unit.COUNT),
    YEARS_RESIDENT(D1_BORROWER, "本地居住年限", "Years resident locally", Unit.YEARS),
    YEARS_IN_OPERATION(D2_OPERATIONS, "经营年限", "Years the business has run", Unit.YEARS),
    PREMISES(D2_OPERATIONS, "经营场所(自有/剩余租期月)", "Premises (owned / remaining lease months)", Unit.MONTHS),
    EMPLOYEES(D2_OPERATIONS, "雇员人数", "Employees", Unit.COUNT),
    SALES_GROWTH(D2_OPERATIONS, "销售额同比增长", "Sales growth year on year", Unit.PERCENT),
    GROSS_MARGIN_BAND(D3_FINANCIALS, "毛利率相对行业区间", "Gross margin against the industry band", Unit.PERCENT),
    DEBT_TO_ASSETS(D3_FINANCIALS, "资产负债率", "Debt to assets", Unit.PERCENT),
    CURRENT_RATIO(D3_FINANCIALS, "流动比率", "Current ratio", Unit.FACTOR),
    INVENTORY_DAYS_BAND(D3_FINANCIALS, "存货周转天数相对行业区间", "Inventory days against the industry band", Unit.DAYS),
    RECEIVABLE_DAYS_BAND(D3_FINANCIALS, "应收账款天数相对行业区间", "Receivable days against the industry band", Unit.DAYS),
    EQUITY_DEVIATION(D3_FINANCIALS, "权益交叉检验偏差", "Equity cross-check deviation", Unit.PERCENT),
    DEBT_SERVICE_RATIO(D4_CASH_FLOW, "现有负债偿债率(不含本笔)", "Debt service before this loan", Unit.PERCENT),
    INFLOW_COVERAGE(D4_CASH_FLOW, "流水覆盖申报销售", "Bank inflows / declared sales", Unit.PERCENT),
    SALES_DEVIATION(D4_CASH_FLOW, "销售交叉检验偏差", "Sales cross-check deviation", Unit.PERCENT),
    AMOUNT_TO_SALES(D4_CASH_FLOW, "申请金额/年核实销售", "Requested amount / annual verified sales", Unit.PERCENT),
    TOP3_CUSTOMERS(D5_CUSTOMER_BASE, "前三大客户集中度", "Top-3 customer concentration", Unit.PERCENT),
    TOP3_SUPPLIERS(D5_CUSTOMER_BASE, "前三大供应商集中度", "Top-3 supplier concentration", Unit.PERCENT);

    private final Dimension dimension;
    private final String nameZh;
    private final String nameEn;
    private final Unit unit;

    Indicator(Dimension dimension, String nameZh, String nameEn, Unit unit) {
        this.dimension = dimension;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Unit unit() {
        return unit;
    }

    /** How a value is written in the report. */
    public enum Unit { YEARS, MONTHS, COUNT, DAYS, PERCENT, FACTOR }
}

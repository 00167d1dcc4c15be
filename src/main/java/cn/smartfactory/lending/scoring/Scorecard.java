package cn.smartfactory.lending.scoring;

import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatNumber;
import static cn.smartfactory.lending.common.Decimals.formatPercent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.crosscheck.EquityReconciliation;
import cn.smartfactory.lending.crosscheck.SalesVerification;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.DecisionTableException;
import cn.smartfactory.lending.industry.BenchmarkMetric;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.investigation.InvestigationRecord;

/**
 * Scores the 22 indicators: computes each value, hands a dimension's values to its decision table
 * (hit policy COLLECT, one rule per bin) and checks that every indicator hit exactly one bin, so a
 * gap or overlap a risk manager leaves in a table is reported, never scored as zero.
 */
public class Scorecard {

    private final DecisionRules rules;

    public Scorecard(DecisionRules rules) {
        this.rules = rules;
    }

    /** The measured values, by indicator and as the tables' input variables. */
    record Measurements(Map<Indicator, BigDecimal> values, Map<Indicator, String> display,
                        Map<Dimension, Map<String, Object>> inputs) {
    }

    public List<IndicatorScore> score(InvestigationRecord r, Industry industry, FinancialProfile f,
                                      SalesVerification sales, EquityReconciliation equity) {
        Measurements m = measure(r, industry, f, sales, equity);
        List<IndicatorScore> scores = new ArrayList<>(Indicator.values().length);
        for (Dimension dimension : Dimension.values()) {
            Map<String, Object> inputs = m.inputs().get(dimension);
            Map<Indicator, Map<String, Object>> hits = new EnumMap<>(Indicator.class);
            for (Map<String, Object> row : rules.evaluate(dimension.decisionKey(), inputs)) {
                Indicator indicator = indicatorOf(dimension, row, inputs);
                if (hits.put(indicator, row) != null) {
                    throw new DecisionTableException(dimension.decisionKey(), inputs,
                            "indicator " + indicator + " matched more than one bin (overlapping rules)");
                }
            }
            for (Indicator indicator : Indicator.values()) {
                if (indicator.dimension() != dimension) {
                    continue;
                }
                Map<String, Object> row = hits.get(indicator);
                if (row == null) {
                    throw new DecisionTableException(dimension.decisionKey(), inputs,
                            "indicator " + indicator + " matched no bin (a gap in the table)");
                }
                int points = intOutput(dimension, row, "points");
                int weight = intOutput(dimension, row, "maxPoints");
                if (points < 0 || points > weight) {
                    throw new DecisionTableException(dimension.decisionKey(), inputs,
                            "indicator " + indicator + " gives " + points + " points outside 0.." + weight);
                }
                scores.add(new IndicatorScore(indicator, dimension, m.values().get(indicator),
                        m.display().get(indicator), (String) row.get("bin"), points, weight));
            }
        }
        return List.copyOf(scores);
    }

    public static List<DimensionScore> subtotals(List<IndicatorScore> scores) {
        Map<Dimension, int[]> totals = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            totals.put(d, new int[2]);
        }
        for (IndicatorScore s : scores) {
            int[] t = totals.get(s.dimension());
            t[0] += s.points();
            t[1] += s.weight();
        }
        List<DimensionScore> result = new ArrayList<>();
        totals.forEach((d, t) -> result.add(new DimensionScore(d, t[0], t[1])));
        return List.copyOf(result);
    }

    Measurements measure(InvestigationRecord r, Industry industry, FinancialProfile f, SalesVerification sales,
                         EquityReconciliation equity) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        Map<Indicator, String> display = new EnumMap<>(Indicator.class);
        Map<Dimension, Map<String, Object>> inputs = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            inputs.put(d, new HashMap<>());
        }
        var a = r.applicant();
        var c = r.creditHistory();
        var p = r.premises();
        put(values, display, inputs, Indicator.AGE, "age", a.age(), a.age() + "");
        put(values, display, inputs, Indicator.YEARS_IN_INDUSTRY, "yearsInIndustry", a.yearsInIndustry(),
                formatNumber(a.yearsInIndustry()));
        put(values, display, inputs, Indicator.OVERDUE_24M, "overdueCount24Months", c.overdueCount24Months(),
                c.overdueCount24Months() + "");
        put(values, display, inputs, Indicator.INQUIRIES_6M, "inquiries6Months", c.inquiries6Months(),
                c.inquiries6Months() + "");
        put(values, display, inputs, Indicator.LENDERS, "lendersWithOutstanding", c.lendersWithOutstanding(),
                c.lendersWithOutstanding() + "");
        put(values, display, inputs, Indicator.YEARS_RESIDENT, "yearsResidentLocally", a.yearsResidentLocally(),
                formatNumber(a.yearsResidentLocally()));

        put(values, display, inputs, Indicator.YEARS_IN_OPERATION, "yearsInOperation", r.business().yearsInOperation(),
                formatNumber(r.business().yearsInOperation()));
        Integer lease = p.owned() ? null : p.remainingLeaseMonths();
        put(values, display, inputs, Indicator.PREMISES, "remainingLeaseMonths", lease,
                p.owned() ? "owned 自有" : lease + " months lease 剩余租期");
        inputs.get(Dimension.D2_OPERATIONS).put("premisesOwned", p.owned());
        put(values, display, inputs, Indicator.EMPLOYEES, "employees", r.business().employees(),
                r.business().employees() + "");
        put(values, display, inputs, Indicator.SALES_GROWTH, "salesGrowth", f.salesGrowth(),
                f.salesGrowth() == null ? "no prior year 无上年数据" : formatPercent(f.salesGrowth()));

        var gm = industry.band(BenchmarkMetric.GROSS_MARGIN);
        var inv = industry.band(BenchmarkMetric.INVENTORY_DAYS);
        var rec = industry.band(BenchmarkMetric.RECEIVABLE_DAYS);
        putBand(values, display, inputs, Indicator.GROSS_MARGIN_BAND, "grossMarginBandPosition", f.grossMargin(),
                Decimals.roundRatio(gm.position(f.grossMargin())),
                formatPercent(f.grossMargin()) + " (band " + formatPercent(gm.low()) + "–" + formatPercent(gm.high()) + ")");
        put(values, display, inputs, Indicator.DEBT_TO_ASSETS, "debtToAssets", f.debtToAssets(),
                formatPercent(f.debtToAssets()));
        put(values, display, inputs, Indicator.CURRENT_RATIO, "currentRatio", f.currentRatio(),
                f.currentRatio() == null ? "no current liabilities 无流动负债" : formatNumber(f.currentRatio()));
        putBand(values, display, inputs, Indicator.INVENTORY_DAYS_BAND, "inventoryDaysBandPosition", f.inventoryDays(),
                f.inventoryDays() == null ? null : Decimals.roundRatio(inv.position(f.inventoryDays())),
                f.inventoryDays() == null ? "no cost of goods 无销售成本"
                        : formatNumber(f.inventoryDays()) + " days (band " + formatNumber(inv.low()) + "–"
                        + formatNumber(inv.high()) + ")");
        putBand(values, display, inputs, Indicator.RECEIVABLE_DAYS_BAND, "receivableDaysBandPosition",
                f.receivableDays(), Decimals.roundRatio(rec.position(f.receivableDays())),
                formatNumber(f.receivableDays()) + " days (band " + formatNumber(rec.low()) + "–"
                        + formatNumber(rec.high()) + ")");
        put(values, display, inputs, Indicator.EQUITY_DEVIATION, "equityDeviation", equity.deviation(),
                formatPercent(equity.deviation()));

        put(values, display, inputs, Indicator.DEBT_SERVICE_RATIO, "existingDebtServiceRatio", f.existingDebtServiceRatio(),
                f.existingDebtServiceRatio() == null ? "no disposable income 无可支配收入"
                        : formatPercent(f.existingDebtServiceRatio()) + " (existing " + formatMoney(f.existingInstalments()
                        .add(f.imputedInstalment())) + " / disposable " + formatMoney(f.disposableIncome()) + ")");
        put(values, display, inputs, Indicator.INFLOW_COVERAGE, "inflowCoverage", f.inflowCoverage(),
                f.inflowCoverage() == null ? "no usable statements 流水不足" : formatPercent(f.inflowCoverage()));
        put(values, display, inputs, Indicator.SALES_DEVIATION, "salesDeviation", sales.deviation(),
                formatPercent(sales.deviation()) + " (declared " + formatMoney(sales.declaredMonthlySales())
                        + " vs verified " + formatMoney(sales.verifiedMonthlySales()) + ")");
        put(values, display, inputs, Indicator.AMOUNT_TO_SALES, "amountToAnnualSales", f.amountToAnnualSales(),
                formatPercent(f.amountToAnnualSales()));
        put(values, display, inputs, Indicator.TOP3_CUSTOMERS, "topCustomerShare", f.topCustomerShare(),
                formatPercent(f.topCustomerShare()));
        put(values, display, inputs, Indicator.TOP3_SUPPLIERS, "topSupplierShare", f.topSupplierShare(),
                formatPercent(f.topSupplierShare()));
        return new Measurements(values, display, inputs);
    }

    private static void put(Map<Indicator, BigDecimal> values, Map<Indicator, String> display,
                            Map<Dimension, Map<String, Object>> inputs, Indicator indicator, String variable,
                            Object value, String shown) {
        values.put(indicator, value == null ? null : new BigDecimal(value.toString()));
        display.put(indicator, shown);
        inputs.get(indicator.dimension()).put(variable, value);
    }

    /** Band indicators show the ratio itself but are binned on its position against the band. */
    private static void putBand(Map<Indicator, BigDecimal> values, Map<Indicator, String> display,
                                Map<Dimension, Map<String, Object>> inputs, Indicator indicator, String variable,
                                BigDecimal ratio, BigDecimal position, String shown) {
        values.put(indicator, ratio);
        display.put(indicator, position == null ? shown : shown + ", position " + formatNumber(position));
        inputs.get(indicator.dimension()).put(variable, position);
    }

    private static Indicator indicatorOf(Dimension dimension, Map<String, Object> row, Map<String, Object> inputs) {
        Object code = row.get("indicator");
        try {
            Indicator indicator = Indicator.valueOf(String.valueOf(code));
            if (indicator.dimension() != dimension) {
                throw new IllegalArgumentException("belongs to " + indicator.dimension());
            }
            return indicator;
        } catch (IllegalArgumentException e) {
            throw new DecisionTableException(dimension.decisionKey(), inputs,
                    "output indicator '" + code + "' is not an indicator of " + dimension);
        }
    }

    private static int intOutput(Dimension dimension, Map<String, Object> row, String name) {
        if (row.get(name) instanceof Number n) {
            return n.intValue();
        }
        throw new DecisionTableException(dimension.decisionKey(), row, "output '" + name + "' is missing");
    }
}

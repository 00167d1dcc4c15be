package cn.smartfactory.lending.limit;

import static cn.smartfactory.lending.common.Decimals.MC;
import static cn.smartfactory.lending.common.Decimals.formatMoney;
import static cn.smartfactory.lending.common.Decimals.formatPercent;
import static cn.smartfactory.lending.common.Decimals.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.time.YearMonth;
import java.util.function.Function;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.limit.LimitConstraint.Kind;
import cn.smartfactory.lending.product.ProductTerms;
import cn.smartfactory.lending.product.RepaymentStructure;

/**
 * Computes every limit constraint of RISK-MODEL.md §4 and names the binding one. The DSR cap per
 * grade comes from the {@code limit-dsr-cap} table; caps and rates from the product; the collateral's advance rate
 * from the {@code collateral-advance-rate} table by product, property type and whether it is the family's only home.
 */
public class CreditLimitCalculator {

    static final String DSR_CAP = "limit-dsr-cap";
    static final String ADVANCE_RATE = "collateral-advance-rate";
    static final String GUARANTOR_CAPACITY = "guarantor-capacity";

    private final DecisionRules rules;

    public CreditLimitCalculator(DecisionRules rules) {
        this.rules = rules;
    }

    /**
     * @param disposableIncome    monthly disposable income before any instalment
     * @param existingInstalments monthly instalments of the declared debts
     * @param imputedInstalment   monthly instalment imputed for undeclared debt (0 when none)
     * @param annualVerifiedSales 12 × S_v
     * @param salesCapRatio       the industry's share of annual sales that may be lent
     * @param plan                how the loan is to be repaid: the repayment-capacity ceiling is the structure's
     * @param disposableByMonth   a month's disposable income by the industry's business cycle (a seasonal plan's test)
     */
    public CreditLimit calculate(InvestigationRecord r, ProductTerms product, String grade, BigDecimal disposableIncome,
                                 BigDecimal existingInstalments, BigDecimal imputedInstalment,
                                 BigDecimal annualVerifiedSales, BigDecimal salesCapRatio, boolean knockedOut,
                                 RepaymentSchedule.Plan plan, Function<YearMonth, BigDecimal> disposableByMonth) {
        BigDecimal dsrCap = Decimals.exact((Number) rules.evaluateSingle(DSR_CAP, Map.of("grade", grade)).get("dsrCap"));
        int term = r.loan().termMonths();
        List<LimitConstraint> constraints = new ArrayList<>();

        BigDecimal requested = r.loan().amount();
        constraints.add(new LimitConstraint(Kind.REQUESTED, requested, "客户申请金额", "amount the customer applied for"));

        boolean imputed = imputedInstalment.signum() > 0;
        BigDecimal maxInstalment = disposableIncome.multiply(dsrCap, MC).subtract(existingInstalments)
                .subtract(imputedInstalment);
        String instalmentText = formatMoney(disposableIncome) + " × " + formatPercent(dsrCap) + " − "
                + formatMoney(existingInstalments) + (imputed ? " − " + formatMoney(imputedInstalment) : "") + " = "
                + formatMoney(maxInstalment.max(BigDecimal.ZERO));
        String basisZh = "月可支配收入 × 偿债率上限(" + grade + "级)− 现有月供" + (imputed ? " − 未申报负债推定月供" : "") + ":"
                + instalmentText;
        String basisEn = "(disposable income × DSR cap for grade " + grade + " − existing instalments"
                + (imputed ? " − instalment imputed for undeclared debt" : "") + ") " + instalmentText + " per month";
        BigDecimal capacity;
        if (plan.structure() == RepaymentStructure.EQUAL_INSTALMENT) {
            capacity = maxInstalment.signum() <= 0 ? BigDecimal.ZERO
                    : money(Annuity.principal(maxInstalment, product.annualRate(), term));
            basisZh += ",按年利率 " + formatPercent(product.annualRate()) + "、" + term + " 期等额本息折算本金";
            basisEn += ", as principal of an annuity at " + formatPercent(product.annualRate()) + " over " + term + " months";
        } else {
            // Seasonal: each month's own income (the industry's cycle); interest-only: the average month's.
            Function<YearMonth, BigDecimal> perMonth = plan.structure() == RepaymentStructure.SEASONAL
                    ? m -> disposableByMonth.apply(m).multiply(dsrCap, MC).subtract(existingInstalments)
                    .subtract(imputedInstalment)
                    : m -> maxInstalment;
            RepaymentSchedule.Capacity c = plan.capacityLimit(product.annualRate(), term, perMonth);
            capacity = c.principal();
            String seasonalZh = plan.structure() == RepaymentStructure.SEASONAL ? "(旺季还本按行业经营周期逐月计算可还款额)" : "";
            String seasonalEn = plan.structure() == RepaymentStructure.SEASONAL
                    ? " (each month's by the industry's business cycle)" : "";
            basisZh += seasonalZh + ",按年利率 " + formatPercent(product.annualRate()) + "、" + term + " 期“"
                    + plan.structure().nameZh() + "”计划,各月累计可还款额不低于累计应还额"
                    + (c.bindingMonth() == null ? "" : ",第 " + c.bindingNumber() + " 期(" + c.bindingMonth() + ")恰好覆盖");
            basisEn += seasonalEn + ", on a schedule of " + plan.structure().nameEn().toLowerCase(java.util.Locale.ROOT)
                    + " at " + formatPercent(product.annualRate()) + " over " + term
                    + " months, what could be paid so far covering what is owed so far in every month"
                    + (c.bindingMonth() == null ? "" : " (just covered in month " + c.bindingNumber() + ", "
                    + c.bindingMonth() + ")");
        }
        constraints.add(new LimitConstraint(Kind.REPAYMENT_CAPACITY, capacity, basisZh, basisEn));

        BigDecimal salesCap = money(annualVerifiedSales.multiply(salesCapRatio, MC));
        String salesText = formatMoney(annualVerifiedSales) + " × " + formatPercent(salesCapRatio);
        constraints.add(new LimitConstraint(Kind.SALES_CAP, salesCap, "年核实销售额 × 行业比例:" + salesText,
                "annual verified sales × industry ratio: " + salesText));

        constraints.add(new LimitConstraint(Kind.PRODUCT_CAP, product.maxAmount(),
                product.nameZh() + "产品上限", "cap of the " + product.nameEn().toLowerCase() + " product"));

        if (product.requiresCollateral()) {
            var c = r.collateral();
            Map<String, Object> inputs = Map.of("product", product.code(), "propertyType", c.propertyType().name(),
                    "soleResidence", c.soleResidence());
            Map<String, Object> row = rules.evaluateSingle(ADVANCE_RATE, inputs);
            if (!(row.get("advanceRate") instanceof Number n)) {
                throw new cn.smartfactory.lending.decision.DecisionTableException(ADVANCE_RATE, inputs,
                        "output 'advanceRate' is missing");
            }
            BigDecimal advanceRate = Decimals.exact(n);
            BigDecimal value = money(c.appraisedValue().multiply(advanceRate, MC).subtract(c.existingLiens())
                    .max(BigDecimal.ZERO));
            String text = formatMoney(c.appraisedValue()) + " × " + formatPercent(advanceRate) + " − "
                    + formatMoney(c.existingLiens());
            constraints.add(new LimitConstraint(Kind.COLLATERAL, value, "评估价值 × 抵押率(" + row.get("reasonZh") + ")− 已有抵押:"
                    + text, "appraised value × advance rate (" + row.get("reasonEn") + ") − existing liens: " + text));
        }

        var scenario = product.scenario();
        if (scenario != null && r.loan().scenarioMonthlyAmount() != null) {
            BigDecimal cap = money(r.loan().scenarioMonthlyAmount().multiply(scenario.capMonths(), MC));
            String text = formatMoney(r.loan().scenarioMonthlyAmount()) + " × " + scenario.capMonths().stripTrailingZeros()
                    .toPlainString();
            constraints.add(new LimitConstraint(Kind.SCENARIO, cap, Violation.chinesePart(scenario.amountLabel()) + " × 月数:"
                    + text, Violation.englishPart(scenario.amountLabel()) + " × months: " + text));
        }
        if (r.loan().guaranteeType() == InvestigationRecord.GuaranteeType.GUARANTOR && r.guarantor() != null) {
            constraints.add(guarantor(r.guarantor()));
        }

        // min() keeps the first of equal elements and REQUESTED comes first, so a tie names the request.
        LimitConstraint lowest = constraints.stream().min(Comparator.comparing(LimitConstraint::amount)).orElseThrow();
        BigDecimal unit = product.roundingUnit();
        BigDecimal suggested = knockedOut ? BigDecimal.ZERO
                : lowest.amount().divide(unit, 0, RoundingMode.FLOOR).multiply(unit);
        return new CreditLimit(List.copyOf(constraints), lowest.kind(), suggested, unit, dsrCap, knockedOut);
    }

    /**
     * What a guarantor can stand behind (保证人担保能力): the share of their net assets the {@code guarantor-capacity}
     * table allows for their guarantee group, less what they already guarantee for others; never negative.
     */
    private LimitConstraint guarantor(InvestigationRecord.Guarantor g) {
        Map<String, Object> inputs = Map.of("guaranteeChain", g.chain().name());
        Map<String, Object> row = rules.evaluateSingle(GUARANTOR_CAPACITY, inputs);
        if (!(row.get("netAssetShare") instanceof Number n)) {
            throw new cn.smartfactory.lending.decision.DecisionTableException(GUARANTOR_CAPACITY, inputs,
                    "output 'netAssetShare' is missing");
        }
        BigDecimal share = Decimals.exact(n);
        BigDecimal value = money(g.netAssets().multiply(share, MC).subtract(g.guaranteesGiven()).max(BigDecimal.ZERO));
        String text = formatMoney(g.netAssets()) + " × " + formatPercent(share) + " − " + formatMoney(g.guaranteesGiven());
        return new LimitConstraint(Kind.GUARANTOR, value, "保证人净资产 × 可担保比例(" + row.get("reasonZh") + ")− 已对外担保:"
                + text, "guarantor's net assets × the share that may back guarantees (" + row.get("reasonEn")
                + ") − guarantees already given: " + text);
    }
}

package cn.smartfactory.lending.investigation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.smartfactory.lending.industry.DriverInput;
import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.InvestigationRecord.BalanceSheet;
import cn.smartfactory.lending.investigation.InvestigationRecord.Counterparty;
import cn.smartfactory.lending.investigation.InvestigationRecord.MonthlyAmount;
import cn.smartfactory.lending.product.ProductCatalog;
import cn.smartfactory.lending.product.ProductTerms;
import cn.smartfactory.lending.product.RepaymentStructure;

/**
 * Server-side validation of an investigation record: required answers, impossible values and the
 * minimum sales evidence. Reports every violation at once, each naming the field and the rule, so
 * the investigator fixes the checklist in one pass. Plausible-but-risky values (age 70, DSR 120%)
 * are not errors here; they are knockouts and flags of the risk model.
 */
public class InvestigationValidator {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    static final int MAX_TERM_MONTHS = 360;
    static final int MAX_COUNT = 1000;
    static final int MAX_COUNTERPARTIES = 3;

    private final IndustryCatalog industries;
    private final ProductCatalog products;

    public InvestigationValidator(IndustryCatalog industries, ProductCatalog products) {
        this.industries = industries;
        this.products = products;
    }

    public List<Violation> validate(InvestigationRecord r) {
        Violations v = new Violations();
        if (r == null) {
            v.required("investigation", null);
            return v.list();
        }
        v.required("applicationId", r.applicationId());
        Optional<Industry> industry = Optional.empty();
        if (v.required("industry", r.industry())) {
            industry = industries.find(r.industry());
            if (industry.isEmpty()) {
                v.add("industry", "UNKNOWN_VALUE", "must be a known industry " + industryCodes() + " (was '"
                        + r.industry() + "')", "不是已定义的行业 " + industryCodes() + "(当前为 '" + r.industry() + "')");
            }
        }
        Optional<ProductTerms> product = loan(v, r);
        applicant(v, r);
        household(v, r);
        business(v, r);
        premises(v, r);
        credit(v, r);
        debts(v, r);
        balanceSheet(v, r.balanceSheet());
        equity(v, r);
        profitAndLoss(v, r);
        boolean hasInflows = months(v, "bankInflows", r.bankInflows());
        boolean hasPurchases = months(v, "purchases", r.purchases());
        counterparties(v, "topCustomers", r.topCustomers());
        counterparties(v, "topSuppliers", r.topSuppliers());
        boolean hasDriver = industry.map(i -> driverInputs(v, i, r.driverInputs())).orElse(false);
        int sources = (hasInflows ? 1 : 0) + (hasPurchases ? 1 : 0) + (hasDriver ? 1 : 0);
        if (industry.isPresent() && sources < 2) {
            v.add("salesEvidence", "MIN_SALES_SOURCES",
                    "need at least two independent sources among bank inflows, purchase records and the industry's "
                            + "sales driver (has " + sources + ")",
                    "至少需要两个独立来源:银行流水、进货记录、行业经营驱动(当前 " + sources + " 个)");
        }
        product.ifPresent(p -> collateral(v, r, p));
        guarantor(v, r);
        Optional<Industry> served = industry;
        product.ifPresent(p -> repayment(v, r, p, served));
        product.ifPresent(p -> scenario(v, r, p));
        return v.list();
    }

    /** Validates and throws with every violation if there is any. */
    public void check(InvestigationRecord r) {
        List<Violation> violations = validate(r);
        if (!violations.isEmpty()) {
            throw new InvalidInvestigationException(violations);
        }
    }

    private Optional<ProductTerms> loan(Violations v, InvestigationRecord r) {
        var loan = r.loan();
        if (!v.required("loan", loan)) {
            return Optional.empty();
        }
        Optional<ProductTerms> product = Optional.empty();
        if (v.required("loan.product", loan.product())) {
            product = products.find(loan.product());
            if (product.isEmpty()) {
                v.add("loan.product", "UNKNOWN_VALUE", "must be a known product (was '" + loan.product() + "')",
                        "不是已定义的产品(当前为 '" + loan.product() + "')");
            }
        }
        if (v.positive("loan.amount", loan.amount())) {
            v.range("loan.amount", loan.amount(), BigDecimal.ONE, MAX_AMOUNT);
        }
        v.range("loan.termMonths", loan.termMonths(), 1, MAX_TERM_MONTHS);
        v.required("loan.purpose", loan.purpose());
        v.required("loan.guaranteeType", loan.guaranteeType());
        v.required("loan.repaymentStructure", loan.repaymentStructure());
        v.required("loan.drawdownMonth", loan.drawdownMonth());
        return product;
    }

    /**
     * The repayment structure must be one the product offers, for no longer than the {@code repayment-structure}
     * table allows; a seasonal schedule needs the industry's business cycle.
     */
    private void repayment(Violations v, InvestigationRecord r, ProductTerms product, Optional<Industry> industry) {
        var loan = r.loan();
        RepaymentStructure structure = loan.repaymentStructure();
        if (structure == null) {
            return;
        }
        Optional<Integer> maxTerm = products.maxTermMonths(product.code(), structure);
        if (maxTerm.isEmpty()) {
            v.add("loan.repaymentStructure", "NOT_OFFERED", "the " + product.nameEn() + " product is not repaid "
                    + structure.nameEn().toLowerCase(java.util.Locale.ROOT), product.nameZh() + "不提供“" + structure.nameZh()
                    + "”还款方式");
            return;
        }
        if (loan.termMonths() != null && loan.termMonths() > maxTerm.get()) {
            v.add("loan.termMonths", "MAX_TERM_FOR_STRUCTURE", "must be at most " + maxTerm.get() + " months for "
                    + structure.nameEn().toLowerCase(java.util.Locale.ROOT) + " (was " + loan.termMonths() + ")",
                    "按“" + structure.nameZh() + "”还款最长 " + maxTerm.get() + " 个月(当前为 " + loan.termMonths() + ")");
        }
        if (structure == RepaymentStructure.SEASONAL && industry.isPresent() && industry.get().cycle() == null) {
            v.add("loan.repaymentStructure", "NO_BUSINESS_CYCLE", "a seasonal schedule needs the industry's business "
                    + "cycle, and " + industry.get().nameEn() + " has none in the reference data",
                    "“" + industry.get().nameZh() + "”在参考数据中没有经营周期,不能按旺季还本");
        }
    }

    private static void applicant(Violations v, InvestigationRecord r) {
        var a = r.applicant();
        if (!v.required("applicant", a)) {
            return;
        }
        v.required("applicant.name", a.name());
        v.range("applicant.age", a.age(), 0, 120);
        v.notNegative("applicant.yearsInIndustry", a.yearsInIndustry());
        v.notNegative("applicant.yearsResidentLocally", a.yearsResidentLocally());
    }

    private void household(Violations v, InvestigationRecord r) {
        var h = r.household();
        if (!v.required("household", h)) {
            return;
        }
        if (v.range("household.members", h.members(), 1, 50) && v.notNegative("household.dependents", h.dependents())
                && h.dependents() >= h.members()) {
            v.add("household.dependents", "LESS_THAN_MEMBERS", "must be fewer than the household members (" + h.members()
                    + "), since the applicant is one of them", "须少于家庭人数(" + h.members() + "),申请人本人也是家庭成员");
        }
        v.notNegative("household.monthlyExpenses", h.monthlyExpenses());
        v.notNegative("household.otherMonthlyIncome", h.otherMonthlyIncome());
        if (v.required("household.region", h.region()) && industries.expenseNorm(h.region()).isEmpty()) {
            List<String> regions = industries.expenseNorms().stream().map(cn.smartfactory.lending.industry.ExpenseNorm::code)
                    .toList();
            v.add("household.region", "UNKNOWN_VALUE", "must be one of " + regions + " (was '" + h.region() + "')",
                    "不是已定义的地区类别 " + regions + "(当前为 '" + h.region() + "')");
        }
    }

    private static void business(Violations v, InvestigationRecord r) {
        var b = r.business();
        if (!v.required("business", b)) {
            return;
        }
        v.required("business.name", b.name());
        v.notNegative("business.yearsInOperation", b.yearsInOperation());
        v.range("business.employees", b.employees(), 0, 100_000);
        if (b.salesLastYear() != null) {
            v.notNegative("business.salesLastYear", b.salesLastYear());
        }
    }

    private static void premises(Violations v, InvestigationRecord r) {
        var p = r.premises();
        if (!v.required("premises", p)) {
            return;
        }
        if (v.required("premises.owned", p.owned()) && !p.owned()) {
            v.range("premises.remainingLeaseMonths", p.remainingLeaseMonths(), 0, 1200);
        }
    }

    private static void credit(Violations v, InvestigationRecord r) {
        var c = r.creditHistory();
        if (!v.required("creditHistory", c)) {
            return;
        }
        v.required("creditHistory.currentOverdue", c.currentOverdue());
        v.required("creditHistory.blacklisted", c.blacklisted());
        v.range("creditHistory.overdueCount24Months", c.overdueCount24Months(), 0, MAX_COUNT);
        v.range("creditHistory.inquiries6Months", c.inquiries6Months(), 0, MAX_COUNT);
        boolean lenders = v.range("creditHistory.lendersWithOutstanding", c.lendersWithOutstanding(), 0, MAX_COUNT);
        boolean balance = v.notNegative("creditHistory.outstandingBalance", c.outstandingBalance());
        if (lenders && balance && (c.lendersWithOutstanding() == 0) != (c.outstandingBalance().signum() == 0)) {
            v.add("creditHistory.outstandingBalance", "MATCHES_LENDERS",
                    "must be above 0 exactly when lenders with outstanding loans are reported (lenders "
                            + c.lendersWithOutstanding() + ", balance " + c.outstandingBalance().toPlainString() + ")",
                    "须与有未结清贷款的机构数一致:有机构时余额大于 0,无机构时为 0(机构数 " + c.lendersWithOutstanding()
                            + ",余额 " + c.outstandingBalance().toPlainString() + ")");
        }
    }

    private static void debts(Violations v, InvestigationRecord r) {
        for (int i = 0; i < r.existingDebts().size(); i++) {
            var d = r.existingDebts().get(i);
            String f = "existingDebts[" + i + "]";
            if (!v.required(f, d)) {
                continue;
            }
            v.required(f + ".lender", d.lender());
            v.notNegative(f + ".outstanding", d.outstanding());
            v.notNegative(f + ".monthlyInstalment", d.monthlyInstalment());
        }
    }

    private static void balanceSheet(Violations v, BalanceSheet b) {
        if (!v.required("balanceSheet", b)) {
            return;
        }
        Map<String, BigDecimal> items = new java.util.LinkedHashMap<>();
        items.put("cash", b.cash());
        items.put("receivables", b.receivables());
        items.put("inventory", b.inventory());
        items.put("otherCurrentAssets", b.otherCurrentAssets());
        items.put("fixedAssets", b.fixedAssets());
        items.put("otherAssets", b.otherAssets());
        items.put("payables", b.payables());
        items.put("shortTermDebt", b.shortTermDebt());
        items.put("otherCurrentLiabilities", b.otherCurrentLiabilities());
        items.put("longTermDebt", b.longTermDebt());
        boolean allValid = true;
        for (var item : items.entrySet()) {
            allValid &= v.notNegative("balanceSheet." + item.getKey(), item.getValue());
        }
        if (allValid && b.cash().add(b.receivables()).add(b.inventory()).add(b.otherCurrentAssets())
                .add(b.fixedAssets()).add(b.otherAssets()).signum() == 0) {
            v.add("balanceSheet", "POSITIVE_ASSETS", "must show some assets (total assets are 0)",
                    "总资产不能为 0");
        }
    }

    private static void equity(Violations v, InvestigationRecord r) {
        var e = r.equityHistory();
        if (!v.required("equityHistory", e)) {
            return;
        }
        v.notNegative("equityHistory.openingEquity", e.openingEquity());
        v.required("equityHistory.accumulatedProfit", e.accumulatedProfit());
        v.notNegative("equityHistory.privateWithdrawals", e.privateWithdrawals());
    }

    private static void profitAndLoss(Violations v, InvestigationRecord r) {
        var p = r.profitAndLoss();
        if (!v.required("profitAndLoss", p)) {
            return;
        }
        v.positive("profitAndLoss.declaredMonthlySales", p.declaredMonthlySales());
        v.fractionBelowOne("profitAndLoss.grossMargin", p.grossMargin());
        v.notNegative("profitAndLoss.rent", p.rent());
        v.notNegative("profitAndLoss.wages", p.wages());
        v.notNegative("profitAndLoss.utilities", p.utilities());
        v.notNegative("profitAndLoss.transport", p.transport());
        v.notNegative("profitAndLoss.taxes", p.taxes());
        v.notNegative("profitAndLoss.otherExpenses", p.otherExpenses());
    }

    /** @return whether the list is a usable source: non-empty and every entry valid */
    private static boolean months(Violations v, String field, List<MonthlyAmount> months) {
        boolean valid = true;
        Set<YearMonth> seen = new HashSet<>();
        for (int i = 0; i < months.size(); i++) {
            MonthlyAmount m = months.get(i);
            String f = field + "[" + i + "]";
            if (!v.required(f, m)) {
                valid = false;
                continue;
            }
            if (v.required(f + ".month", m.month()) && !seen.add(m.month())) {
                v.add(f + ".month", "DUPLICATE_MONTH", "repeats month " + m.month(), "月份 " + m.month() + " 重复");
                valid = false;
            }
            valid &= m.month() != null && v.notNegative(f + ".amount", m.amount());
        }
        return valid && !months.isEmpty();
    }

    private static void counterparties(Violations v, String field, List<Counterparty> list) {
        if (list.size() > MAX_COUNTERPARTIES) {
            v.add(field, "TOO_MANY", "lists the top " + MAX_COUNTERPARTIES + " only (has " + list.size() + ")",
                    "只填写前 " + MAX_COUNTERPARTIES + " 名(当前 " + list.size() + " 个)");
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean allValid = true;
        for (int i = 0; i < list.size(); i++) {
            Counterparty c = list.get(i);
            String f = field + "[" + i + "]";
            if (!v.required(f, c)) {
                allValid = false;
                continue;
            }
            v.required(f + ".name", c.name());
            if (v.share(f + ".share", c.share())) {
                sum = sum.add(c.share());
            } else {
                allValid = false;
            }
        }
        if (allValid && sum.compareTo(BigDecimal.ONE) > 0) {
            v.add(field, "SHARE_SUM", "add up to more than 100% (" + percent(sum) + ")",
                    "占比合计超过 100%(当前为 " + percent(sum) + ")");
        }
    }

    /** @return whether the industry's driver inputs are all present and in range */
    private static boolean driverInputs(Violations v, Industry industry, Map<String, BigDecimal> inputs) {
        if (inputs.isEmpty()) {
            return false;
        }
        boolean valid = true;
        Set<String> known = new HashSet<>();
        for (DriverInput input : industry.driverInputs()) {
            known.add(input.name());
            valid &= v.range("driverInputs." + input.name(), inputs.get(input.name()), input.min(), input.max());
        }
        for (String name : inputs.keySet()) {
            if (!known.contains(name)) {
                v.add("driverInputs." + name, "UNKNOWN_FIELD", "is not an input of the " + industry.code()
                        + " sales driver (expected " + known + ")", "不是行业 " + industry.code() + " 的经营驱动输入项(应为 "
                        + known + ")");
                valid = false;
            }
        }
        return valid;
    }

    private static void collateral(Violations v, InvestigationRecord r, ProductTerms product) {
        if (!product.requiresCollateral()) {
            return;
        }
        var c = r.collateral();
        if (c == null) {
            v.add("collateral", "REQUIRED", "is required for product " + product.code(),
                    "为产品 " + product.code() + " 的必填项");
            return;
        }
        v.required("collateral.description", c.description());
        v.positive("collateral.appraisedValue", c.appraisedValue());
        v.notNegative("collateral.existingLiens", c.existingLiens());
        v.required("collateral.propertyType", c.propertyType());
        if (v.required("collateral.soleResidence", c.soleResidence()) && c.soleResidence()
                && c.propertyType() != null && c.propertyType() != InvestigationRecord.PropertyType.RESIDENTIAL) {
            v.add("collateral.soleResidence", "ONLY_FOR_DWELLINGS", "can only be true for a residential property",
                    "只有住宅才能是家庭唯一住房");
        }
        v.required("collateral.appraisalSource", c.appraisalSource());
    }

    /** A scenario product needs its scenario data: the reference and the monthly amount. */
    private static void scenario(Violations v, InvestigationRecord r, ProductTerms product) {
        if (product.scenario() == null || r.loan() == null) {
            return;
        }
        v.required("loan.scenarioReference", r.loan().scenarioReference());
        v.notNegative("loan.scenarioMonthlyAmount", r.loan().scenarioMonthlyAmount());
        v.required("loan.scenarioMonthlyAmount", r.loan().scenarioMonthlyAmount());
    }

    /**
     * A loan guaranteed by a person or firm needs its guarantor assessed: who, what they earn and own, what they
     * already guarantee, and whether they are in a mutual or joint guarantee group (then its size and whether a member
     * is in default).
     */
    private static void guarantor(Violations v, InvestigationRecord r) {
        if (r.loan() == null || r.loan().guaranteeType() != InvestigationRecord.GuaranteeType.GUARANTOR) {
            return;
        }
        var g = r.guarantor();
        if (g == null) {
            v.add("guarantor", "REQUIRED", "is required for a loan guaranteed by a guarantor", "保证人担保的贷款须填写保证人信息");
            return;
        }
        v.required("guarantor.name", g.name());
        v.required("guarantor.relationship", g.relationship());
        v.notNegative("guarantor.monthlyIncome", g.monthlyIncome());
        v.required("guarantor.netAssets", g.netAssets());
        v.notNegative("guarantor.guaranteesGiven", g.guaranteesGiven());
        if (v.required("guarantor.chain", g.chain()) && g.chain() != InvestigationRecord.GuaranteeChain.NONE) {
            if (v.required("guarantor.chainMembers", g.chainMembers()) && g.chainMembers() < 2) {
                v.add("guarantor.chainMembers", "MIN", "must be at least 2 in a guarantee group (was " + g.chainMembers()
                        + ")", "担保圈至少 2 个成员(当前为 " + g.chainMembers() + ")");
            }
            v.required("guarantor.chainMemberInDefault", g.chainMemberInDefault());
        }
    }

    private String industryCodes() {
        return industries.all().stream().map(Industry::code).toList().toString();
    }

    /** A fraction as the forms show it: 1.2 → 120%. */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}

package cn.smartfactory.lending.report;

import java.math.BigDecimal;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.RiskAssessment;

/**
 * Sheet 2: the reconstructed monthly P&amp;L on verified sales, household cash flow and balance
 * sheet. Inputs are values; every total is a formula, and the cells other sheets refer to carry
 * workbook names (Sales, GrossProfit, TotalAssets...) so a reviewer can audit each ratio.
 */
final class FinancialsSheet {

    private FinancialsSheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request) {
        w.title("财务报表(按核实销售额还原) Reconstructed financial statements (on verified sales), CNY");
        w.header("项目 Item", "金额 Amount", "说明 Note");
        RiskAssessment a = request.assessment();
        if (a == null) {
            w.row().text("评估未完成,无还原报表 Not available: the investigation is incomplete (see Summary)", w.styles().warning);
            w.finish(false, 46, 18, 60);
            return;
        }
        InvestigationRecord r = request.investigation();
        var pl = r.profitAndLoss();
        var bs = r.balanceSheet();
        var s = w.styles();

        w.section("本笔贷款 This loan", 3);
        w.row().text("申请金额 Requested amount").money(a.requestedAmount()).named("RequestedAmount");
        w.row().text("期限(月) Term (months)").integer(a.termMonths()).named("TermMonths");
        w.row().text("年利率(按评级定价) Annual rate (priced by grade)").percent(a.product().annualRate()).named("AnnualRate")
                .text(a.product().nameZh() + " " + a.product().nameEn());
        w.blank();

        w.section("月度损益 Monthly profit and loss", 3);
        w.row().text("核实月销售额 Verified monthly sales (S_v)").money(a.sales().verifiedMonthlySales()).named("Sales")
                .text("见交叉验证 see Cross-check");
        w.row().text("毛利率(实地核实) Gross margin (verified on site)").percent(pl.grossMargin()).named("GrossMarginInput");
        w.row().text("销售成本 Cost of goods sold").formula("Sales*(1-GrossMarginInput)", s.money).named("CostOfGoods");
        w.row().text("毛利 Gross profit").formula("Sales-CostOfGoods", s.money).named("GrossProfit");
        int first = w.nextRowIndex();
        w.row().text("房租 Rent").money(pl.rent());
        w.row().text("工资 Wages").money(pl.wages());
        w.row().text("水电 Utilities").money(pl.utilities());
        w.row().text("运输 Transport").money(pl.transport());
        w.row().text("税费 Taxes").money(pl.taxes());
        int last = w.nextRowIndex();
        w.row().text("其他费用 Other expenses").money(pl.otherExpenses());
        w.row().text("经营费用合计 Operating expenses").formula("SUM(B" + (first + 1) + ":B" + (last + 1) + ")", s.money)
                .named("OperatingExpenses");
        w.row().text("净利润 Net profit", s.bold).formula("GrossProfit-OperatingExpenses", s.moneyBold).named("NetProfit");
        w.blank();

        w.section("家庭现金流(月) Household cash flow (monthly)", 3);
        w.row().text("经营净利润 Net profit of the business").formula("NetProfit", s.money);
        w.row().text("其他家庭收入 Other household income").money(r.household().otherMonthlyIncome()).named("OtherIncome");
        var household = a.household();
        w.row().text("家庭支出(申报与标准取高) Household expenses (declared or norm, the higher)")
                .money(household.expensesUsed()).named("HouseholdExpenses")
                .text(household.normApplied() ? "按" + household.regionNameZh() + "标准 norm of the " + household.regionNameEn()
                        .toLowerCase(java.util.Locale.ROOT) + ", declared " + money(household.monthlyExpenses()) : "申报 declared");
        w.row().text("月可支配收入 Disposable income", s.bold).formula("NetProfit+OtherIncome-HouseholdExpenses", s.moneyBold)
                .named("DisposableIncome");
        w.row().text("现有月供 Existing instalments").money(a.financials().existingInstalments()).named("ExistingInstalments");
        w.row().text("未申报负债推定月供 Imputed for undeclared debt").money(a.financials().imputedInstalment())
                .named("ImputedInstalment").text("见交叉验证 see Cross-check");
        w.row().text("本笔月供 Instalment of this loan").formula("PMT(AnnualRate/12,TermMonths,-RequestedAmount)", s.money)
                .named("NewInstalment").text("等额本息 equal instalments");
        w.blank();

        w.section("资产负债表 Balance sheet", 3);
        int assets = w.nextRowIndex();
        w.row().text("现金及存款 Cash").money(bs.cash());
        w.row().text("应收账款 Receivables").money(bs.receivables()).named("Receivables");
        w.row().text("存货 Inventory").money(bs.inventory()).named("Inventory");
        w.row().text("其他流动资产 Other current assets").money(bs.otherCurrentAssets());
        w.row().text("流动资产合计 Current assets").formula(sum(assets, 4), s.money).named("CurrentAssets");
        w.row().text("固定资产 Fixed assets").money(bs.fixedAssets());
        w.row().text("其他资产 Other assets").money(bs.otherAssets());
        w.row().text("资产合计 Total assets", s.bold)
                .formula("CurrentAssets+B" + (assets + 6) + "+B" + (assets + 7), s.moneyBold).named("TotalAssets");
        int liabilities = w.nextRowIndex();
        w.row().text("应付账款 Payables").money(bs.payables());
        w.row().text("短期借款 Short-term debt").money(bs.shortTermDebt());
        w.row().text("其他流动负债 Other current liabilities").money(bs.otherCurrentLiabilities());
        w.row().text("流动负债合计 Current liabilities").formula(sum(liabilities, 3), s.money).named("CurrentLiabilities");
        w.row().text("长期借款 Long-term debt").money(bs.longTermDebt());
        w.row().text("负债合计 Total liabilities", s.bold)
                .formula("CurrentLiabilities+B" + (liabilities + 5), s.moneyBold).named("TotalLiabilities");
        w.row().text("所有者权益 Equity", s.bold).formula("TotalAssets-TotalLiabilities", s.moneyBold).named("Equity");
        w.blank();

        w.section("现有负债 Existing debts", 3);
        if (r.existingDebts().isEmpty()) {
            w.row().text("无 None");
        }
        for (var debt : r.existingDebts()) {
            w.row().text(debt.lender()).money(debt.outstanding())
                    .text("月供 instalment " + money(debt.monthlyInstalment()));
        }
        w.finish(false, 46, 18, 60);
    }

    private static String sum(int firstRowIndex, int rows) {
        return "SUM(B" + (firstRowIndex + 1) + ":B" + (firstRowIndex + rows) + ")";
    }

    private static String money(BigDecimal value) {
        return cn.smartfactory.lending.common.Decimals.formatMoney(value);
    }
}

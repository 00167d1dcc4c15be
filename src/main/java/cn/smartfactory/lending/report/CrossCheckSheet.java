package cn.smartfactory.lending.report;

import cn.smartfactory.lending.crosscheck.SalesEstimate;
import cn.smartfactory.lending.crosscheck.SalesSource;
import cn.smartfactory.lending.scoring.RiskAssessment;

/** Sheet 5: every sales estimate and its source, verified sales, deviations, equity and household checks. */
final class CrossCheckSheet {

    private CrossCheckSheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request) {
        w.title("交叉验证 Cross-validation");
        w.header("来源 Source", "月销售额 Monthly sales", "采用 Used", "与核实值偏差 Deviation from S_v", "依据 Basis");
        RiskAssessment a = request.assessment();
        if (a == null) {
            w.row().text("评估未完成 Not available: the investigation is incomplete (see Summary)", w.styles().warning);
            w.finish(true, 34, 18, 10, 18, 80);
            return;
        }
        var s = w.styles();
        var sales = a.sales();
        String declaredCell = null;
        for (SalesEstimate e : sales.estimates()) {
            var row = w.row().text(e.source().symbol() + " " + e.source().nameZh() + " " + e.source().nameEn())
                    .money(e.monthlySales())
                    .text(e.source() == SalesSource.DECLARED ? "申报 declared" : e.usable() ? "是 yes" : "否 no")
                    .percent(e.deviation()).text(e.basisZh() + " / " + e.basisEn(), s.wrap);
            if (e.source() == SalesSource.DECLARED) {
                declaredCell = row.ref(1);
            }
        }
        var verified = w.row().text("核实销售额 S_v (verified)", s.highlight).money(sales.verifiedMonthlySales())
                .text(String.valueOf(sales.usableEstimates())).skip().text(sales.methodZh() + " / " + sales.methodEn(), s.wrap);
        String verifiedCell = verified.ref(1);
        w.row().text("销售偏差 δ_s = |S_d − S_v| / S_v", s.bold).skip().skip()
                .formula("ABS(" + declaredCell + "-" + verifiedCell + ")/" + verifiedCell, s.percent);
        w.row().text("年核实销售额 Annual verified sales").formula(verifiedCell + "*12", s.money);
        w.blank();

        var equity = a.equity();
        w.section("权益交叉检验 Equity reconciliation", 5);
        var opening = w.row().text("期初权益 Opening equity").money(equity.openingEquity());
        var profit = w.row().text("累计利润 Accumulated profit").money(equity.accumulatedProfit());
        var withdrawals = w.row().text("私人提取 Private withdrawals").money(equity.privateWithdrawals());
        var expected = w.row().text("应有权益 Expected equity").formula(opening.ref(1) + "+" + profit.ref(1) + "-"
                + withdrawals.ref(1), s.money);
        var actual = w.row().text("报表权益 Balance-sheet equity").formula("Equity", s.money).skip().skip()
                .text("见财务报表 see Financials");
        String e = expected.ref(1);
        String b = actual.ref(1);
        w.row().text("偏差 Deviation", s.bold).formula("IF(" + e + "=0,IF(" + b + "=0,0,1),ABS(" + b + "-" + e + ")/ABS(" + e
                + "))", s.percent);
        w.blank();

        var debts = a.debts();
        w.section("负债交叉检验 Debt cross-check", 5);
        var declared = w.row().text("申报负债余额 Declared debts").money(debts.declaredOutstanding())
                .text(debts.declaredLenders() + " 笔 debt(s)");
        var bureau = w.row().text("征信未结清余额 Bureau outstanding").money(debts.bureauOutstanding())
                .text(debts.bureauLenders() + " 家机构 lender(s)");
        var balanceSheet = w.row().text("资产负债表借款 Balance-sheet borrowing").money(debts.balanceSheetDebt())
                .text("短期+长期借款 short- + long-term");
        var liens = w.row().text("抵押物已有抵押 Liens on the collateral").money(debts.collateralLiens());
        var evidenced = w.row().text("证据显示负债(取最大) Largest evidenced debt").formula("MAX(" + declared.ref(1) + ","
                + bureau.ref(1) + "," + balanceSheet.ref(1) + "," + liens.ref(1) + ")", s.money)
                .text(debts.evidencedBy().nameZh() + " " + debts.evidencedBy().nameEn());
        var gap = w.row().text("差额 Gap").formula(evidenced.ref(1) + "-" + declared.ref(1), s.money);
        var tolerance = w.row().text("容差 Tolerance").money(debts.toleranceCny());
        var undeclared = w.row().text("未申报负债 Undeclared debt", s.bold).formula("IF(" + gap.ref(1) + ">" + tolerance.ref(1)
                + "," + gap.ref(1) + ",0)", s.moneyBold);
        var rate = w.row().text("推定年利率 Imputed annual rate").percent(debts.imputedAnnualRate());
        var term = w.row().text("推定期限(月) Imputed term (months)").integer(debts.imputedTermMonths());
        w.row().text("推定月供 Imputed instalment", s.bold).formula("IF(" + undeclared.ref(1) + "=0,0,PMT(" + rate.ref(1)
                + "/12," + term.ref(1) + ",-" + undeclared.ref(1) + "))", s.moneyBold)
                .text("计入偿债率 counts in the DSR");
        w.blank();

        var household = a.household();
        w.section("家庭支出合理性 Household plausibility", 5);
        var members = w.row().text("家庭人数 Household members").integer(household.members());
        var spending = w.row().text("月家庭支出(申报) Monthly household expenses (declared)").money(household.monthlyExpenses());
        w.row().text("人均月支出 Per person per month", s.bold).formula(spending.ref(1) + "/" + members.ref(1), s.money);
        var norm = w.row().text("地区人均标准 Norm per person").money(household.normPerPerson())
                .text(household.regionNameZh() + " " + household.regionNameEn());
        w.row().text("计入的家庭支出 Expenses used", s.bold).formula("MAX(" + spending.ref(1) + "," + norm.ref(1) + "*"
                + members.ref(1) + ")", s.moneyBold).text("申报与标准×人数取高 the higher of declared and norm × members");
        w.finish(true, 34, 18, 10, 18, 80);
    }
}

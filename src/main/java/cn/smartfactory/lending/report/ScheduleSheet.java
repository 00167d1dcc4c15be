package cn.smartfactory.lending.report;

import cn.smartfactory.lending.limit.RepaymentSchedule;
import cn.smartfactory.lending.scoring.RiskAssessment;

/**
 * Sheet 8: the repayment schedule (还款计划) of the amount offered, at the priced rate, from the month after the planned
 * drawdown — month by month, each payment the sum of its interest and principal and the totals as live formulas.
 */
final class ScheduleSheet {

    private ScheduleSheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request) {
        w.title("还款计划 Repayment schedule");
        RiskAssessment a = request.assessment();
        if (a == null) {
            w.row().text("未评估,无还款计划 Not assessed: no schedule");
            w.finish(false, 40);
            return;
        }
        RepaymentSchedule schedule = a.schedule();
        var s = w.styles();
        w.row().text("还款方式 Repayment structure").text(schedule.structure().label());
        w.row().text("本金 Principal").money(schedule.principal())
                .text(a.creditLimit().suggested().signum() > 0 ? "建议额度 the suggested limit"
                        : "申请金额(无建议额度) the requested amount (no limit suggested)");
        w.row().text("年利率 Annual rate").percent(schedule.annualRate()).text(a.pricing().describe());
        w.row().text("期数 Payments").integer(schedule.instalments().size());
        w.row().text("说明 Note").text("按计划用款月份的次月起还,放款时按实际金额和日期重算 From the month after the planned "
                + "drawdown; recomputed at disbursement on the amount and day paid out");
        w.blank();
        w.header("期数 No.", "月份 Month", "应还 Payment", "利息 Interest", "本金 Principal", "余额 Balance");
        int first = w.nextRowIndex();
        for (RepaymentSchedule.Instalment i : schedule.instalments()) {
            int excelRow = w.nextRowIndex() + 1;
            w.row().integer(i.number()).text(i.month().toString()).formula("D" + excelRow + "+E" + excelRow, s.money)
                    .money(i.interest()).money(i.principal()).money(i.balance());
        }
        int last = w.nextRowIndex();
        w.row().text("合计 Total", s.bold).skip().formula("SUM(C" + (first + 1) + ":C" + last + ")", s.moneyBold)
                .formula("SUM(D" + (first + 1) + ":D" + last + ")", s.moneyBold)
                .formula("SUM(E" + (first + 1) + ":E" + last + ")", s.moneyBold);
        w.finish(false, 30, 14, 18, 18, 18, 18);
    }
}

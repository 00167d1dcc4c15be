package cn.smartfactory.lending.report;

import java.time.Instant;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.limit.LimitConstraint;
import cn.smartfactory.lending.scoring.Flag;
import cn.smartfactory.lending.scoring.Knockout;
import cn.smartfactory.lending.scoring.RiskAssessment;

/** Sheet 1: what the approver reads first. */
final class SummarySheet {

    private SummarySheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request, Instant generatedAt) {
        var s = w.styles();
        w.title("综合信用报告 Comprehensive credit report");
        w.header("项目 Item", "内容 Value", "说明 Detail");
        InvestigationRecord r = request.investigation();
        RiskAssessment a = request.assessment();
        w.row().text("申请编号 Application").text(request.applicationId());
        w.row().text("生成时间 Generated").dateTime(generatedAt);
        w.row().text("申请人 Applicant").text(r == null || r.applicant() == null ? null : r.applicant().name());
        w.row().text("企业 Business").text(r == null || r.business() == null ? null : r.business().name());
        if (a == null) {
            w.row().text("行业 Industry").text(r == null ? null : r.industry());
            w.row().text("产品 Product").text(r == null || r.loan() == null ? null : r.loan().product());
            w.row().text("申请金额 Requested").money(r == null || r.loan() == null ? null : r.loan().amount());
            w.row().text("期限(月) Term (months)").integer(r == null || r.loan() == null ? null : r.loan().termMonths());
            w.blank();
            w.row().text("评估未完成 Assessment not available", s.warning)
                    .text("调查资料不完整,以下 " + request.missing().size() + " 项缺失或无效 "
                            + "The investigation is incomplete: " + request.missing().size()
                            + " field(s) missing or invalid", s.warning);
            w.section("缺失或无效项 Missing or invalid fields", 3);
            for (Violation v : request.missing()) {
                w.row().text(v.field()).text(v.messageZh(), s.wrap).text(v.message(), s.wrap);
            }
            w.finish(false, 34, 46, 70);
            return;
        }
        w.row().text("行业 Industry").text(a.industryNameZh() + " " + a.industryNameEn());
        w.row().text("产品 Product").text(a.product().nameZh() + " " + a.product().nameEn());
        w.row().text("申请金额 Requested amount").money(a.requestedAmount());
        w.row().text("建议额度 Suggested limit", s.highlight).number(a.creditLimit().suggested(), s.moneyBold)
                .text(a.knockedOut() ? "否决,无额度 knocked out, no limit"
                        : "约束项 binding: " + a.creditLimit().binding().nameZh() + " " + a.creditLimit().binding().nameEn());
        w.row().text("期限(月) Term (months)").integer(a.termMonths());
        w.row().text("年利率(按评级定价) Annual rate (priced by grade)", s.highlight).percent(a.pricing().rate())
                .text(a.pricing().describe(), s.wrap);
        w.row().text("压力测试 Stress test").text(a.stress().describe(), s.wrap);
        if (a.counterOffer() != null) {
            w.row().text("反报价 Counter-offer", s.highlight).number(a.counterOffer().amount(), s.moneyBold)
                    .text(a.counterOffer().reasonZh() + " / " + a.counterOffer().reasonEn(), s.wrap);
            w.row().text("反报价月供 Instalment at the offer").money(a.counterOffer().instalment())
                    .text(a.counterOffer().debtServiceRatio() == null ? "" : "偿债率 DSR "
                            + cn.smartfactory.lending.common.Decimals.formatPercent(a.counterOffer().debtServiceRatio()));
        }
        w.row().text("评分 Score").integer(a.totalScore()).text("满分 out of 100");
        w.row().text("评级 Grade", s.highlight).text(a.grade(), s.highlight);
        w.row().text("决策建议 Suggestion", s.highlight).text(a.suggestion().textZh(), s.highlight)
                .text(a.suggestion().textEn(), s.wrap);
        w.row().text("审批路径 Approval route").text(a.approvalRoute().nameZh() + " " + a.approvalRoute().nameEn())
                .text(a.approvalRoute().reasonZh() + " / " + a.approvalRoute().reasonEn(), s.wrap);
        w.blank();

        w.section("否决项 Knockouts", 3);
        if (a.knockouts().isEmpty()) {
            w.row().text("无 None");
        }
        for (Knockout k : a.knockouts()) {
            w.row().text(k.code(), s.warning).text(k.reasonZh() + " / " + k.reasonEn(), s.wrap).text(k.evidence(), s.wrap);
        }
        w.section("预警 Red flags", 3);
        if (a.flags().isEmpty()) {
            w.row().text("无 None");
        }
        for (Flag f : a.flags()) {
            w.row().text(f.code() + " (" + f.severity() + ")", f.severity() == Flag.Severity.HARD ? s.warning : s.bold)
                    .text(f.reasonZh() + " / " + f.reasonEn(), s.wrap).text(f.evidence(), s.wrap);
        }
        w.section("额度约束 Limit constraints", 3);
        for (LimitConstraint c : a.creditLimit().constraints()) {
            boolean binding = c.kind() == a.creditLimit().binding();
            w.row().text(c.kind().nameZh() + " " + c.kind().nameEn() + (binding ? " ◀ 约束 binding" : ""),
                    binding ? s.highlight : s.text).number(c.amount(), binding ? s.moneyBold : s.money)
                    .text(c.basisEn(), s.wrap);
        }
        w.finish(false, 34, 46, 70);
    }
}

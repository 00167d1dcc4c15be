package cn.smartfactory.lending.accountability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.smartfactory.lending.accountability.Dossier.Sla;
import cn.smartfactory.lending.platform.BankClock;

/**
 * The dossier as an Excel workbook, one sheet per part, labels Chinese then English, times in Beijing time.
 * The whole dossier for risk managers and managers; for one officer, only the rows about their own work.
 */
final class DossierWorkbook {

    private DossierWorkbook() {
    }

    /** @param onlyOfficer null for the whole dossier, else the officer whose own work is shown */
    static byte[] write(Dossier d, List<Finding> findings, String onlyOfficer) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SheetWriter w = new SheetWriter(wb);
            var loan = d.loan();
            w.sheet("概要 Summary", List.of("项目 Item", "内容 Value"), List.of(
                    row("复核编号 Review", d.reviewId()), row("贷款编号 Loan", loan.loanNumber()), row("申请编号 Application", loan.applicationId()),
                    row("客户 Customer", loan.customerName()), row("产品 Product", loan.product()), row("行业 Industry", loan.industry()),
                    row("批准金额 Approved", loan.approvedAmount()), row("放款金额 Disbursed", loan.disbursedAmount()),
                    row("在贷余额 Outstanding", loan.outstandingBalance()), row("逾期天数 Days overdue", loan.daysOverdue()),
                    row("五级分类 Classification", loan.classification()), row("状态 Status", loan.status()),
                    row("触发 Trigger", d.trigger()), row("生成时间 Generated", time(d.generatedAt())),
                    row("范围 Scope", onlyOfficer == null ? "完整档案 Whole dossier" : "仅本人工作 Own work only: " + onlyOfficer)));
            w.sheet("时间线 Timeline", List.of("环节 Step", "职责 Duty", "人员 Officer", "角色 Roles", "开始 Created", "时限 Due", "完成 Done",
                    "时效 Against SLA", "决定 Decision", "金额 Amount", "意见 Opinion"),
                    d.timeline().stream().filter(s -> mine(onlyOfficer, s.officer()))
                            .map(s -> row(s.stepName(), s.duty(), s.officer(), s.roles(), time(s.createdAt()), time(s.dueAt()),
                                    time(s.doneAt()), sla(s.sla()), s.decision(), s.amount(), s.opinion())).toList());
            if (onlyOfficer == null || d.investigation().investigators().contains(onlyOfficer)) {
                var inv = d.investigation();
                w.sheet("调查 Investigation", List.of("项目 Item", "内容 Value"), List.of(
                        row("调查人 Investigators", String.join(", ", inv.investigators())),
                        row("独立销售来源 Independent sales sources", inv.salesEstimates() == null ? "记录中无 not on record" : inv.salesEstimates()),
                        row("否决项 Knockouts", inv.knockouts().isBlank() ? "无 none" : inv.knockouts()),
                        row("约束额度 Binding constraint", inv.binding())));
            }
            w.sheet("预警与意见 Flags and opinions", List.of("预警 Flag", "级别 Severity", "意见已回应 Named by", "意见未回应 Not named by"),
                    d.flags().stream().filter(f -> onlyOfficer == null || f.answeredBy().contains(onlyOfficer) || f.notAnsweredBy().contains(onlyOfficer))
                            .map(f -> row(f.code(), "HARD".equals(f.severity()) ? "硬性 Hard" : "一般 Soft", String.join(", ", f.answeredBy()),
                                    String.join(", ", f.notAnsweredBy()))).toList());
            var m = d.model();
            w.sheet("模型与决定 Model and decision", List.of("项目 Item", "内容 Value"), List.of(
                    row("评分 Score", m.score()), row("评级 Grade", m.grade()), row("模型建议 Suggestion", m.suggestion()),
                    row("建议额度 Suggested limit", m.suggestedAmount()), row("审批路径 Route", m.route()),
                    row("批准金额 Approved", m.approvedAmount()),
                    row("违背拒绝建议批准 Approved against a decline suggestion", yes(m.approvedAgainstDecline())),
                    row("超过建议额度 Above the suggested limit", yes(m.aboveSuggestedLimit())),
                    row("附加条件 Conditions", m.conditions() == null ? "无 none" : m.conditions()),
                    row("签约时已落实 Fulfilled at signing", m.conditionsFulfilledAtSigning() == null ? "—" : yes(m.conditionsFulfilledAtSigning()))));
            w.sheet("贷审会 Committee", List.of("委员 Member", "投票 Vote", "时间 At", "意见 Opinion"),
                    d.votes().stream().filter(v -> mine(onlyOfficer, v.member()))
                            .map(v -> row(v.member(), v.vote(), time(v.at()), v.opinion())).toList());
            w.sheet("贷后检查 Checks", List.of("时限 Due", "完成 Done", "人员 Officer", "时效 Against SLA", "结论 Conclusion"),
                    d.checks().stream().filter(c -> onlyOfficer == null || onlyOfficer.equals(c.officer())
                                    || (c.officer() == null && onlyOfficer.equals(loan.accountManager())))
                            .map(c -> row(time(c.dueAt()), time(c.doneAt()), c.officer(), sla(c.sla()), c.conclusion())).toList());
            w.sheet("预警处置 Warnings", List.of("事件 Event", "类型 Type", "发生 Occurred", "收到 Received", "时限 Due", "处置 Handled",
                    "处置人 By", "时效 Against SLA", "措施 Action"),
                    d.warnings().stream().filter(x -> onlyOfficer == null || onlyOfficer.equals(x.handledBy())
                                    || (x.handledBy() == null && onlyOfficer.equals(loan.accountManager())))
                            .map(x -> row(x.eventId(), x.type(), x.occurredOn() == null ? null : x.occurredOn().toString(),
                                    time(x.receivedAt()), time(x.dueAt()), time(x.handledAt()), x.handledBy(), sla(x.sla()), x.action()))
                            .toList());
            w.sheet("催收 Collection", List.of("环节 Step", "人员 Officer", "时间 At", "决定 Decision", "记录 Details"),
                    d.collection().stream().filter(a -> mine(onlyOfficer, a.officer()))
                            .map(a -> row(a.step(), a.officer(), time(a.at()), a.decision(), a.details())).toList());
            w.sheet("初步认定 Findings", List.of("人员 Officer", "角色 Role", "标准 Standard", "名称 Name", "达标 Met", "依据 Evidence"),
                    findings.stream().filter(f -> mine(onlyOfficer, f.officer()))
                            .map(f -> row(f.officer(), f.role(), f.standard(), f.standardName(), f.met() ? "达标 Met" : "未达标 Not met",
                                    f.evidence())).toList());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mine(String onlyOfficer, String officer) {
        return onlyOfficer == null || Objects.equals(onlyOfficer, officer);
    }

    private static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    private static String yes(boolean value) {
        return value ? "是 yes" : "否 no";
    }

    private static String sla(Sla sla) {
        return switch (sla) {
            case ON_TIME -> "按时 On time";
            case LATE -> "逾时 Late";
            case OPEN_LATE -> "逾时未办 Open, late";
            case OPEN -> "办理中 Open";
            case CANCELLED -> "已取消 Cancelled";
            case NO_DEADLINE -> "无时限 No deadline";
            case AUTOMATIC -> "自动 Automatic";
        };
    }

    private static String time(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, BankClock.ZONE).withNano(0).toString().replace('T', ' ');
    }
}

package cn.smartfactory.lending.report;


/** Sheet 7: who did which step when; present but empty when the report is generated outside the process. */
final class TrailSheet {

    private TrailSheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request) {
        w.title("流程记录 Process trail");
        w.header("步骤 Step", "办理人 Performed by", "开始 Started", "完成 Completed", "结果 Outcome");
        if (request.trail().isEmpty()) {
            w.row().text("流程外生成,无流程记录 Generated outside the loan process: no history yet");
        }
        for (ProcessStep step : request.trail()) {
            w.row().text(step.step()).text(step.performedBy() == null ? "系统 system" : step.performedBy())
                    .dateTime(step.started()).dateTime(step.completed()).text(step.outcome() == null ? "" : step.outcome());
        }
        w.finish(true, 40, 20, 18, 18, 50);
    }
}

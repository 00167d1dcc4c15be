package cn.smartfactory.lending.accountability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The attribution report as Excel: the same tables as the JSON, one sheet each, labels Chinese then English. */
final class AttributionWorkbook {

    private static final List<String> LINE = List.of("项目 Item", "贷款笔数 Loans", "不良笔数 Defaults", "不良率 Default rate",
            "不良余额 NPL amount", "相对全行 Lift");

    private AttributionWorkbook() {
    }

    static byte[] write(Attribution.Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SheetWriter w = new SheetWriter(wb);
            w.sheet("全行 Portfolio", LINE, List.of(row(r.portfolio())));
            w.sheet("客户经理 Account managers", LINE, rows(r.byAccountManager()));
            w.sheet("获客来源 Lead sources", LINE, rows(r.byLeadSource()));
            w.sheet("营销活动 Campaigns", LINE, rows(r.byCampaign()));
            w.sheet("调查人 Investigators", LINE, rows(r.byInvestigator()));
            w.sheet("审批人 Approvers", LINE, rows(r.byApprover()));
            w.sheet("预警 Flags", LINE, rows(r.flags()));
            w.sheet("偏离模型 Overrides", LINE, rows(r.overrides()));
            w.sheet("认定 Determinations", List.of("人员 Officer", "免责 Exempt", "担责 Responsible"),
                    r.determinations().stream().map(d -> List.<Object>of(d.officer(), d.exempt(), d.responsible())).toList());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Object>> rows(List<Attribution.Line> lines) {
        return lines.stream().map(AttributionWorkbook::row).toList();
    }

    private static List<Object> row(Attribution.Line l) {
        List<Object> row = new ArrayList<>();
        row.add(l.key());
        row.add(l.loans());
        row.add(l.defaults());
        row.add(l.defaultRate() == null ? null : l.defaultRate().doubleValue());
        row.add(l.nplAmount());
        row.add(l.lift() == null ? null : l.lift().doubleValue());
        return row;
    }
}

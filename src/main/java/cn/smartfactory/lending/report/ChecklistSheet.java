package cn.smartfactory.lending.report;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.investigation.InvestigationRecord;

/**
 * Sheet 6: the investigation's answers exactly as recorded, section by section, including what was
 * left empty. Walks the record's components, so a field added to the checklist appears here too.
 */
final class ChecklistSheet {

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("loan", "申请 Loan request"), Map.entry("applicant", "申请人 Applicant"),
            Map.entry("household", "家庭 Household"), Map.entry("business", "企业 Business"),
            Map.entry("premises", "经营场所 Premises"), Map.entry("softInformation", "软信息 Soft information"),
            Map.entry("creditHistory", "征信 Credit history"), Map.entry("existingDebts", "现有负债 Existing debts"),
            Map.entry("balanceSheet", "资产负债表 Balance sheet"), Map.entry("equityHistory", "权益历史 Equity history"),
            Map.entry("profitAndLoss", "月度损益 Monthly P&L"), Map.entry("bankInflows", "银行流水 Bank-statement inflows"),
            Map.entry("purchases", "进货记录 Purchases"), Map.entry("topCustomers", "前三大客户 Top customers"),
            Map.entry("topSuppliers", "前三大供应商 Top suppliers"), Map.entry("driverInputs", "经营驱动数据 Sales-driver inputs"),
            Map.entry("collateral", "抵押物 Collateral"));

    static final String NOT_RECORDED = "未填写 not recorded";

    private ChecklistSheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request) {
        w.title("调查清单填写内容 Checklist answers as recorded");
        w.header("项目 Field", "填写内容 Answer");
        InvestigationRecord r = request.investigation();
        if (r == null) {
            w.row().text("无调查记录 No investigation recorded", w.styles().warning);
            w.finish(false, 48, 60);
            return;
        }
        w.row().text("applicationId").text(r.applicationId() == null ? NOT_RECORDED : r.applicationId());
        w.row().text("industry").text(r.industry() == null ? NOT_RECORDED : r.industry());
        for (RecordComponent component : InvestigationRecord.class.getRecordComponents()) {
            String name = component.getName();
            if (!SECTIONS.containsKey(name)) {
                continue;
            }
            w.section(SECTIONS.get(name), 2);
            Object value = read(component, r);
            boolean empty = value == null || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
            if (empty) {
                w.row().text(name).text(NOT_RECORDED);
            } else {
                walk(w, name, value);
            }
        }
        w.finish(false, 48, 60);
    }

    private static void walk(SheetWriter w, String path, Object value) {
        if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                walk(w, path + "." + c.getName(), read(c, record));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(w, path + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(w, path + "." + k, v));
        } else {
            var row = w.row().text(path);
            if (value == null) {
                row.text(NOT_RECORDED);
            } else if (value instanceof BigDecimal d) {
                row.number(d);
            } else if (value instanceof Number n) {
                row.integer(n);
            } else if (value instanceof Boolean b) {
                row.text(b ? "是 yes" : "否 no");
            } else {
                row.text(value.toString());
            }
        }
    }

    private static Object read(RecordComponent component, Object owner) {
        try {
            return component.getAccessor().invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}

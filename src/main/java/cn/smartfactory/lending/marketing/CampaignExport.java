package cn.smartfactory.lending.marketing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.smartfactory.lending.customer.CustomerKey;

/**
 * A campaign's results as a workbook, Chinese headers first: a summary sheet with the figures per
 * campaign, account manager and segment, and one row per lead. Streamed (SXSSF), so a 100,000-lead
 * campaign does not sit in memory. Phone and ID numbers are shown whole only to marketing operations,
 * managers and the lead's own account manager; anyone else allowed to export sees them masked.
 */
public class CampaignExport {

    /** Who the workbook is for. */
    public enum Audience {
        /** Marketing operations and managers: every lead, whole numbers. */
        ALL,
        /** An account manager: their own leads only, whole numbers. */
        OWN_LEADS,
        /** Everyone else allowed: every lead, masked numbers. */
        MASKED
    }

    private static final List<String> LEAD_HEADERS = List.of("线索编号 Lead", "名单行 List row", "姓名 Name", "电话 Phone",
            "证件号码 ID number", "行业 Industry", "区域 Region", "经营类型 Business type", "客户经理 Account manager",
            "状态 Status", "联系次数 Attempts", "已触达 Reached", "有意向 Interested", "申请编号 Application",
            "已批准 Approved", "放款金额 Disbursed (CNY)", "提示 Flags", "来源关系 Relation");

    private final JdbcClient jdbc;
    private final CampaignFigures figures;

    public CampaignExport(JdbcClient jdbc, CampaignFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    public byte[] workbook(String campaignId, Audience audience, String user) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Sheet summary = wb.createSheet("汇总 Summary");
            int r = 0;
            r = figuresBlock(summary, r, header, "按活动 Campaign",
                    List.of(figures.campaign(campaignId)));
            r = figuresBlock(summary, r + 1, header, "按客户经理 By account manager", audience == Audience.OWN_LEADS
                    ? figures.byAccountManager(campaignId).stream().filter(f -> f.group().equals(user)).toList()
                    : figures.byAccountManager(campaignId));
            if (audience != Audience.OWN_LEADS) {
                figuresBlock(summary, r + 1, header, "按客群 By segment (industry/business type)", figures.bySegment(campaignId));
            }
            Sheet leads = wb.createSheet("线索 Leads");
            Row head = leads.createRow(0);
            for (int i = 0; i < LEAD_HEADERS.size(); i++) {
                head.createCell(i).setCellValue(LEAD_HEADERS.get(i));
                head.getCell(i).setCellStyle(header);
            }
            int[] row = {1};
            var spec = jdbc.sql("SELECT * FROM campaign_lead WHERE campaign_id = :id"
                    + (audience == Audience.OWN_LEADS ? " AND account_manager = :user" : "") + " ORDER BY lead_id")
                    .param("id", campaignId);
            if (audience == Audience.OWN_LEADS) {
                spec = spec.param("user", user);
            }
            boolean whole = audience != Audience.MASKED;
            spec.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    Row x = leads.createRow(row[0]++);
                    int c = 0;
                    x.createCell(c++).setCellValue(rs.getLong("lead_id"));
                    int listRow = rs.getInt("list_row");
                    if (!rs.wasNull()) {
                        x.createCell(c).setCellValue(listRow);
                    }
                    c++;
                    x.createCell(c++).setCellValue(rs.getString("name"));
                    String phone = rs.getString("phone");
                    x.createCell(c++).setCellValue(phone == null ? "" : whole ? phone : Lead.maskPhone(phone));
                    String key = rs.getString("customer_key");
                    x.createCell(c++).setCellValue(whole ? key : CustomerKey.parse(key).map(CustomerKey::masked)
                            .orElse(key.substring(0, 6) + "********" + key.substring(14)));
                    x.createCell(c++).setCellValue(rs.getString("industry"));
                    x.createCell(c++).setCellValue(rs.getString("region"));
                    x.createCell(c++).setCellValue(nullToEmpty(rs.getString("business_type")));
                    x.createCell(c++).setCellValue(rs.getString("account_manager"));
                    x.createCell(c++).setCellValue(rs.getString("status"));
                    x.createCell(c++).setCellValue(rs.getInt("attempts"));
                    x.createCell(c++).setCellValue(rs.getBoolean("reached") ? "是 yes" : "否 no");
                    x.createCell(c++).setCellValue(rs.getBoolean("interested") ? "是 yes" : "否 no");
                    x.createCell(c++).setCellValue(nullToEmpty(rs.getString("application_id")));
                    x.createCell(c++).setCellValue(rs.getBoolean("approved") ? "是 yes" : "否 no");
                    var amount = rs.getBigDecimal("disbursed_amount");
                    if (amount != null) {
                        x.createCell(c).setCellValue(amount.doubleValue());
                    }
                    c++;
                    x.createCell(c++).setCellValue(nullToEmpty(rs.getString("flags")));
                    x.createCell(c).setCellValue(nullToEmpty(rs.getString("relation_note")));
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int figuresBlock(Sheet sheet, int r, CellStyle header, String title, List<CampaignFigures.Figures> lines) {
        sheet.createRow(r++).createCell(0).setCellValue(title);
        List<String> headers = List.of("分组 Group", "名单 Leads", "已联系 Contacted", "已触达 Reached", "有意向 Interested",
                "申请 Applications", "批准 Approved", "放款笔数 Disbursed", "放款金额 Amount (CNY)", "覆盖率 Coverage",
                "触达率 Reach", "转化率 Conversion", "积分 Points");
        Row head = sheet.createRow(r++);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
            head.getCell(i).setCellStyle(header);
        }
        for (CampaignFigures.Figures f : lines) {
            Row x = sheet.createRow(r++);
            x.createCell(0).setCellValue(f.group());
            x.createCell(1).setCellValue(f.leads());
            x.createCell(2).setCellValue(f.contacted());
            x.createCell(3).setCellValue(f.reached());
            x.createCell(4).setCellValue(f.interested());
            x.createCell(5).setCellValue(f.applications());
            x.createCell(6).setCellValue(f.approved());
            x.createCell(7).setCellValue(f.disbursed());
            x.createCell(8).setCellValue(f.disbursedAmount().doubleValue());
            x.createCell(9).setCellValue(f.coverage().doubleValue());
            x.createCell(10).setCellValue(f.reach().doubleValue());
            x.createCell(11).setCellValue(f.conversion().doubleValue());
            x.createCell(12).setCellValue(f.points());
        }
        return r;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

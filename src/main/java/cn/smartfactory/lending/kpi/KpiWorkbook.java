package cn.smartfactory.lending.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.smartfactory.lending.marketing.CampaignFigures;

/**
 * The KPIs as an Excel workbook: the same tables {@code GET /api/kpis} answers, one sheet each, labels
 * in Chinese then English, rates as percentages and money with two decimals. A figure without a case
 * (a rate over nothing) is an empty cell, not 0.
 */
public class KpiWorkbook {

    /** A column: its label and how a row gives its value. */
    record Column<T>(String label, Function<T, Object> value) {
    }

    private CellStyle header;
    private CellStyle money;
    private CellStyle percent;

    public byte[] write(KpiService.Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));

            overview(wb.createSheet("概览 Overview"), r);
            table(wb.createSheet("岗位时效 Stations"), r.stations(), List.of(
                    col("流程 Process", KpiService.StationTimes::processKey), col("岗位 Station", KpiService.StationTimes::station),
                    col("名称 Name", KpiService.StationTimes::name), col("完成数 Completed", KpiService.StationTimes::completed),
                    col("平均等待(小时) Waiting mean (h)", KpiService.StationTimes::waitingHoursMean),
                    col("等待中位数(小时) Waiting median (h)", KpiService.StationTimes::waitingHoursMedian),
                    col("平均处理(小时) Working mean (h)", KpiService.StationTimes::workingHoursMean),
                    col("处理中位数(小时) Working median (h)", KpiService.StationTimes::workingHoursMedian),
                    col("平均合计(小时) Total mean (h)", KpiService.StationTimes::totalHoursMean),
                    col("有时限 With a due date", KpiService.StationTimes::withDueDate),
                    col("按时 On time", KpiService.StationTimes::onTime),
                    pct("按时率 On-time rate", KpiService.StationTimes::onTimeRate),
                    col("当前待办 Open now", KpiService.StationTimes::openNow),
                    col("当前超时 Overdue now", KpiService.StationTimes::overdueNow)));
            table(wb.createSheet("拒绝 Declines"), r.decisions().declinesByStage(), List.of(
                    col("阶段 Stage", KpiService.DeclineLine::stage), col("原因代码 Reason code", KpiService.DeclineLine::reasonCode),
                    col("笔数 Count", KpiService.DeclineLine::count)));
            table(wb.createSheet("月度 Months"), r.months(), List.of(
                    col("月份 Month", KpiService.Month::month), col("受理 Applications", KpiService.Month::applications),
                    col("放款笔数 Disbursed", KpiService.Month::disbursed),
                    col("放款金额 Disbursed amount", KpiService.Month::disbursedAmount),
                    col("上会笔数 Committee cases", KpiService.Month::committeeCases)));
            table(wb.createSheet("人员 Officers"), r.officers(), List.of(
                    col("人员 Officer", KpiService.OfficerLine::officer), col("完成任务 Tasks", KpiService.OfficerLine::tasksCompleted),
                    col("平均处理(小时) Working mean (h)", KpiService.OfficerLine::workingHoursMean),
                    col("有时限 With a due date", KpiService.OfficerLine::withDueDate), col("按时 On time", KpiService.OfficerLine::onTime),
                    pct("按时率 On-time rate", KpiService.OfficerLine::onTimeRate),
                    col("受理申请 Applications", KpiService.OfficerLine::applications),
                    col("放款笔数 Disbursed", KpiService.OfficerLine::disbursed),
                    col("放款金额 Disbursed amount", KpiService.OfficerLine::disbursedAmount)));
            table(wb.createSheet("资产质量 Portfolio"), r.portfolio().byOfficer(), List.of(
                    col("角色 Role", KpiService.OfficerPortfolio::role), col("人员 Officer", KpiService.OfficerPortfolio::officer),
                    col("贷款笔数 Loans", KpiService.OfficerPortfolio::loans),
                    col("余额 Outstanding", KpiService.OfficerPortfolio::outstanding),
                    col("逾期余额 Overdue balance", KpiService.OfficerPortfolio::overdueBalance),
                    pct("逾期率 Overdue rate", KpiService.OfficerPortfolio::overdueRate),
                    col("不良余额 NPL balance", KpiService.OfficerPortfolio::nonPerformingBalance),
                    pct("不良率 NPL rate", KpiService.OfficerPortfolio::nplRate)));
            List<CampaignFigures.Figures> campaigns = r.marketing().getOrDefault("campaigns", List.of());
            List<CampaignFigures.Figures> managers = r.marketing().getOrDefault("accountManagers", List.of());
            table(wb.createSheet("营销活动 Campaigns"), campaigns, marketingColumns("活动 Campaign"));
            table(wb.createSheet("营销-客户经理 Marketing by AM"), managers, marketingColumns("客户经理 Account manager"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void overview(Sheet sheet, KpiService.Report r) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"期间 Period", r.from() + " ~ " + r.to()});
        rows.add(new Object[] {"产品 Product", r.product() == null ? "全部 All" : r.product()});
        rows.add(new Object[] {"岗位 Station", r.station() == null ? "全部 All" : r.station()});
        rows.add(new Object[] {"人员 Officer", r.officer() == null ? "全部 All" : r.officer()});
        rows.add(new Object[] {"计算时间 Computed at", r.computedAt()});
        rows.add(new Object[] {"放款笔数 Loans disbursed", r.turnaround().disbursed()});
        rows.add(new Object[] {"申请至放款天数(中位数) Days to disbursement, median", r.turnaround().medianDays()});
        rows.add(new Object[] {"申请至放款天数(P90) Days to disbursement, p90", r.turnaround().p90Days()});
        rows.add(new Object[] {"申请至放款天数(平均) Days to disbursement, mean", r.turnaround().meanDays()});
        rows.add(new Object[] {"瓶颈岗位 Bottleneck station", r.bottleneck() == null ? null
                : r.bottleneck().name() + " (" + r.bottleneck().totalHoursMean() + " h)"});
        rows.add(new Object[] {"办结申请 Applications ended", r.decisions().ended()});
        rows.add(new Object[] {"拒绝率 Rejection rate", rate(r.decisions().rejectionRate())});
        rows.add(new Object[] {"审批通过率 Approval rate", rate(r.decisions().approvalRate())});
        rows.add(new Object[] {"退件率 Rework rate", rate(r.decisions().reworkRate())});
        rows.add(new Object[] {"月均上会笔数 Committee cases per month", r.committeeCasesPerMonth()});
        rows.add(new Object[] {"新增客户 New customers", r.growth().newCustomers()});
        rows.add(new Object[] {"新增客户目标 New-customer target", r.growth().newCustomersTarget()});
        rows.add(new Object[] {"放款金额 Disbursed amount", r.growth().disbursedAmount()});
        rows.add(new Object[] {"放款金额目标 Disbursed-amount target", r.growth().disbursedAmountTarget()});
        rows.add(new Object[] {"在贷余额 Outstanding (now)", r.portfolio().outstanding()});
        rows.add(new Object[] {"逾期率 Overdue rate (now)", rate(r.portfolio().overdueRate())});
        rows.add(new Object[] {"不良率 NPL rate (now)", rate(r.portfolio().nplRate())});
        rows.add(new Object[] {"贷后检查按时率 Monitoring checks on time", rate(r.monitoring().onTimeRate())});
        Row head = sheet.createRow(0);
        cell(head, 0, "指标 KPI").setCellStyle(header);
        cell(head, 1, "数值 Value").setCellStyle(header);
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i + 1);
            cell(row, 0, rows.get(i)[0]);
            cell(row, 1, rows.get(i)[1]);
        }
        sheet.setColumnWidth(0, 60 * 256);
        sheet.setColumnWidth(1, 30 * 256);
    }

    private static List<Column<CampaignFigures.Figures>> marketingColumns(String group) {
        return List.of(col(group, CampaignFigures.Figures::group), col("名单 Leads", CampaignFigures.Figures::leads),
                col("已联系 Contacted", CampaignFigures.Figures::contacted), col("已触达 Reached", CampaignFigures.Figures::reached),
                col("有意向 Interested", CampaignFigures.Figures::interested),
                col("申请 Applications", CampaignFigures.Figures::applications), col("获批 Approved", CampaignFigures.Figures::approved),
                col("放款 Disbursed", CampaignFigures.Figures::disbursed),
                col("放款金额 Disbursed amount", CampaignFigures.Figures::disbursedAmount),
                pct("覆盖率 Coverage", CampaignFigures.Figures::coverage), pct("触达率 Reach", CampaignFigures.Figures::reach),
                pct("转化率 Conversion", CampaignFigures.Figures::conversion), col("积分 Points", CampaignFigures.Figures::points));
    }

    private <T> void table(Sheet sheet, List<T> rows, List<Column<T>> columns) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            cell(head, c, columns.get(c).label()).setCellStyle(header);
            sheet.setColumnWidth(c, Math.max(12, columns.get(c).label().length() + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                cell(row, c, columns.get(c).value().apply(rows.get(r)));
            }
        }
    }

    private Cell cell(Row row, int column, Object value) {
        Cell cell = row.createCell(column);
        if (value instanceof Rate rate) {
            cell.setCellValue(rate.value().doubleValue());
            cell.setCellStyle(percent);
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(money);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
        return cell;
    }

    /** A rate, shown as a percentage. */
    private record Rate(BigDecimal value) {
    }

    private static Object rate(BigDecimal value) {
        return value == null ? null : new Rate(value);
    }

    private static <T> Column<T> col(String label, Function<T, Object> value) {
        return new Column<>(label, value);
    }

    private static <T> Column<T> pct(String label, Function<T, BigDecimal> value) {
        return new Column<>(label, row -> rate(value.apply(row)));
    }
}

package cn.smartfactory.lending.report;

import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import cn.smartfactory.lending.industry.Band;
import cn.smartfactory.lending.industry.BenchmarkMetric;
import cn.smartfactory.lending.scoring.BenchmarkComparison;
import cn.smartfactory.lending.scoring.RiskAssessment;

/**
 * Sheet 3: the borrower's ratios against the industry bands. Values are live formulas over the
 * named statement cells; status is a formula too and is coloured by conditional formatting, so a
 * reviewer who corrects a statement figure sees the comparison follow.
 */
final class IndustrySheet {

    /** First data row (0-based) of the ratio table, used by the charts. */
    static final int FIRST_RATIO_ROW = 3;

    private IndustrySheet() {
    }

    /** @return the 0-based row below which the charts go, or -1 when there is nothing to chart */
    static int write(SheetWriter w, CreditReportRequest request) {
        RiskAssessment a = request.assessment();
        w.title("行业指标对比 Indicators against the industry" + (a == null ? "" : ": " + a.industryNameZh() + " "
                + a.industryNameEn()));
        w.header("指标 Indicator", "公式 Formula", "借款人 Borrower", "行业下限 Band low", "行业中位 Median",
                "行业上限 Band high", "状态 Status");
        if (a == null) {
            w.row().text("评估未完成 Not available: the investigation is incomplete (see Summary)", w.styles().warning);
            w.finish(true, 34, 44, 14, 14, 14, 14, 18);
            return -1;
        }
        var s = w.styles();
        banded(w, a, BenchmarkMetric.GROSS_MARGIN, "GrossProfit/Sales", "GrossProfit/Sales", true);
        banded(w, a, BenchmarkMetric.NET_MARGIN, "NetProfit/Sales", "NetProfit/Sales", true);
        banded(w, a, BenchmarkMetric.INVENTORY_DAYS, "Inventory*30/CostOfGoods",
                "IF(CostOfGoods=0,\"n/a\",Inventory*30/CostOfGoods)", false);
        banded(w, a, BenchmarkMetric.RECEIVABLE_DAYS, "Receivables*30/Sales", "Receivables*30/Sales", false);
        w.row().text("资产负债率 Debt to assets").text("TotalLiabilities/TotalAssets")
                .formula("TotalLiabilities/TotalAssets", s.percent);
        w.row().text("流动比率 Current ratio").text("CurrentAssets/CurrentLiabilities")
                .formula("IF(CurrentLiabilities=0,\"n/a\",CurrentAssets/CurrentLiabilities)", s.number);
        w.row().text("偿债率(含本笔) Debt-service ratio incl. this loan").text("(ExistingInstalments+ImputedInstalment+NewInstalment)/DisposableIncome")
                .formula("IF(DisposableIncome<=0,\"n/a\",(ExistingInstalments+ImputedInstalment+NewInstalment)/DisposableIncome)",
                        s.percent)
                .skip().skip().percent(a.creditLimit().dsrCap()).text("上限 cap (grade " + a.grade() + ")");
        w.row().text("申请额/年核实销售 Requested / annual verified sales").text("RequestedAmount/(Sales*12)")
                .formula("RequestedAmount/(Sales*12)", s.percent);
        int lastRow = w.nextRowIndex();
        colourStatus(w.sheet(), FIRST_RATIO_ROW, FIRST_RATIO_ROW + 3);
        w.blank();
        w.row().text("状态为公式;颜色:绿=区间内,橙=区间外。 Status is a formula; green = within band, amber = outside.");
        w.finish(true, 34, 44, 14, 14, 14, 14, 18);
        return lastRow + 3;
    }

    /** Charts read the cells' cached values, so they are added after the formulas are evaluated. */
    static void addCharts(XSSFSheet sheet, int anchorRow) {
        chart(sheet, "毛利率与净利率 Margins", FIRST_RATIO_ROW, FIRST_RATIO_ROW + 1, anchorRow, 0);
        chart(sheet, "周转天数 Days", FIRST_RATIO_ROW + 2, FIRST_RATIO_ROW + 3, anchorRow, 4);
    }

    private static void banded(SheetWriter w, RiskAssessment a, BenchmarkMetric metric, String shown, String formula,
                               boolean ratio) {
        BenchmarkComparison c = a.benchmarks().stream().filter(b -> b.metric() == metric).findFirst().orElseThrow();
        Band band = c.band();
        var style = ratio ? w.styles().percent : w.styles().number;
        var row = w.row().text(metric.nameZh() + " " + metric.nameEn()).text(shown).formula(formula, style)
                .number(band.low(), style).number(band.median(), style).number(band.high(), style);
        String value = row.ref(2).replace("$", "");
        String low = row.ref(3).replace("$", "");
        String high = row.ref(5).replace("$", "");
        row.formula("IF(ISNUMBER(" + value + "),IF(" + value + "<" + low + ",\"BELOW 低于\",IF(" + value + ">" + high
                + ",\"ABOVE 高于\",\"WITHIN 区间内\")),\"n/a\")", w.styles().bold);
    }

    private static void colourStatus(XSSFSheet sheet, int firstRow, int lastRow) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule within = formatting.createConditionalFormattingRule(
                "LEFT($G" + (firstRow + 1) + ",6)=\"WITHIN\"");
        within.createPatternFormatting().setFillBackgroundColor(IndexedColors.LIGHT_GREEN.getIndex());
        within.getPatternFormatting().setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        ConditionalFormattingRule outside = formatting.createConditionalFormattingRule(
                "OR(LEFT($G" + (firstRow + 1) + ",5)=\"BELOW\",LEFT($G" + (firstRow + 1) + ",5)=\"ABOVE\")");
        outside.createPatternFormatting().setFillBackgroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
        outside.getPatternFormatting().setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        formatting.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, 0, 6)},
                within, outside);
    }

    /** A clustered bar chart of the borrower's value against the band's low and high edges. */
    private static void chart(XSSFSheet sheet, String title, int firstRow, int lastRow, int anchorRow, int anchorCol) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, anchorCol, anchorRow, anchorCol + 4, anchorRow + 18);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        String[] seriesNames = {"借款人 Borrower", "行业下限 Band low", "行业上限 Band high"};
        int[] columns = {2, 3, 5};
        // Explicit fills: without them LibreOffice draws the bars invisible.
        PresetColor[] colours = {PresetColor.DARK_BLUE, PresetColor.LIGHT_GRAY, PresetColor.GRAY};
        for (int i = 0; i < columns.length; i++) {
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstRow, lastRow, columns[i], columns[i]));
            XDDFChartData.Series series = data.addSeries(names, numbers);
            series.setTitle(seriesNames[i], null);
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours[i])));
        }
        data.setVaryColors(false);
        chart.plot(data);
    }
}

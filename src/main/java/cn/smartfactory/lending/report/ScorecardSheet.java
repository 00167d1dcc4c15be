package cn.smartfactory.lending.report;

import java.util.ArrayList;
import java.util.List;

import cn.smartfactory.lending.scoring.Dimension;
import cn.smartfactory.lending.scoring.DimensionScore;
import cn.smartfactory.lending.scoring.IndicatorScore;
import cn.smartfactory.lending.scoring.RiskAssessment;

/** Sheet 4: all 22 indicators with dimension, value, bin, points and weight; subtotals are formulas. */
final class ScorecardSheet {

    private ScorecardSheet() {
    }

    static void write(SheetWriter w, CreditReportRequest request) {
        w.title("评分卡 Scorecard: 5 dimensions, 22 indicators, 100 points");
        w.header("维度 Dimension", "指标 Indicator", "数值 Value", "区间 Bin", "得分 Points", "权重 Weight");
        RiskAssessment a = request.assessment();
        if (a == null) {
            w.row().text("评估未完成 Not available: the investigation is incomplete (see Summary)", w.styles().warning);
            w.finish(true, 26, 40, 46, 26, 10, 10);
            return;
        }
        var s = w.styles();
        List<String> subtotalRows = new ArrayList<>();
        for (DimensionScore d : a.dimensions()) {
            Dimension dimension = d.dimension();
            int first = w.nextRowIndex() + 1;
            for (IndicatorScore i : a.indicators()) {
                if (i.dimension() != dimension) {
                    continue;
                }
                w.row().text(dimension.nameZh() + " " + dimension.nameEn()).text(i.indicator().nameZh() + " "
                        + i.indicator().nameEn()).text(i.displayValue()).text(i.bin()).integer(i.points())
                        .integer(i.weight());
            }
            int last = w.nextRowIndex();
            var subtotal = w.row().text(dimension.nameZh() + " 小计 subtotal", s.bold).skip().skip().skip()
                    .formula("SUM(E" + first + ":E" + last + ")", s.bold).formula("SUM(F" + first + ":F" + last + ")", s.bold);
            subtotalRows.add(String.valueOf(subtotal.poiRow().getRowNum() + 1));
        }
        w.row().text("总分 Total score", s.highlight).skip().skip().skip()
                .formula(String.join("+", subtotalRows.stream().map(r -> "E" + r).toList()), s.highlight)
                .formula(String.join("+", subtotalRows.stream().map(r -> "F" + r).toList()), s.highlight);
        w.row().text("评级 Grade", s.highlight).text(a.grade(), s.highlight);
        w.row().text("决策建议 Suggestion", s.bold).text(a.suggestion().textZh() + " / " + a.suggestion().textEn());
        w.finish(true, 26, 40, 46, 26, 10, 10);
    }
}

package cn.smartfactory.lending.origination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.limit.LimitConstraint;
import cn.smartfactory.lending.scoring.DimensionScore;
import cn.smartfactory.lending.scoring.Flag;
import cn.smartfactory.lending.scoring.Knockout;
import cn.smartfactory.lending.scoring.RiskAssessment;

/**
 * What the approver and the committee read at a glance, as the approval forms lay it out: the score
 * and grade, each dimension's points against its weight, each flag and knockout with its reason and
 * evidence, each limit constraint with the binding one marked, the route and why. Written once by
 * the scoring step as a JSON variable ({@code assessment}) whose lists the forms show as tables;
 * every text is 中文 first, then English, and amounts are formatted as the bank writes them.
 */
public final class ApprovalBrief {

    /** The process variable the approval and vote forms read. */
    public static final String VARIABLE = "assessment";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApprovalBrief() {
    }

    /** The brief as the forms read it. */
    public static Map<String, Object> of(RiskAssessment a) {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("score", a.totalScore());
        brief.put("grade", a.grade());
        brief.put("suggestion", a.suggestion().textZh() + " " + a.suggestion().textEn());
        brief.put("suggestedLimit", Decimals.formatMoney(a.creditLimit().suggested()));
        brief.put("binding", a.creditLimit().binding().nameZh() + " " + a.creditLimit().binding().nameEn());
        brief.put("rate", a.pricing().describe());
        brief.put("stress", a.stress().describe());
        var offer = a.counterOffer();
        brief.put("counterOffer", offer == null ? "" : "CNY " + Decimals.formatMoney(offer.amount()) + " — " + offer.reasonZh()
                + " / " + offer.reasonEn() + ";月供 instalment " + Decimals.formatMoney(offer.instalment())
                + (offer.debtServiceRatio() == null ? "" : ",偿债率 DSR " + Decimals.formatPercent(offer.debtServiceRatio())));
        brief.put("requested", Decimals.formatMoney(a.requestedAmount()));
        brief.put("termMonths", a.termMonths());
        brief.put("route", a.approvalRoute().nameZh() + " " + a.approvalRoute().nameEn());
        brief.put("routeReason", a.approvalRoute().reasonZh() + " " + a.approvalRoute().reasonEn());
        List<Map<String, Object>> dimensions = new ArrayList<>();
        for (DimensionScore d : a.dimensions()) {
            dimensions.add(row("dimension", d.dimension().nameZh() + " " + d.dimension().nameEn(),
                    "points", d.points(), "weight", d.weight(), "share", percent(d.points(), d.weight())));
        }
        dimensions.add(row("dimension", "合计 Total", "points", a.totalScore(), "weight",
                a.dimensions().stream().mapToInt(DimensionScore::weight).sum(), "share", ""));
        brief.put("dimensions", dimensions);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Knockout k : a.knockouts()) {
            findings.add(row("kind", "否决 Knockout", "code", k.code(), "reason", k.reasonZh() + " / " + k.reasonEn(),
                    "evidence", k.evidence() == null ? "" : k.evidence()));
        }
        for (Flag f : a.flags()) {
            findings.add(row("kind", f.severity() == Flag.Severity.HARD ? "硬预警 Hard flag" : "软预警 Soft flag", "code", f.code(),
                    "reason", f.reasonZh() + " / " + f.reasonEn(), "evidence", f.evidence() == null ? "" : f.evidence()));
        }
        brief.put("findings", findings);
        brief.put("hasFindings", !findings.isEmpty());
        List<Map<String, Object>> constraints = new ArrayList<>();
        for (LimitConstraint c : a.creditLimit().constraints()) {
            boolean binding = c.kind() == a.creditLimit().binding();
            constraints.add(row("constraint", (binding ? "★ " : "") + c.kind().nameZh() + " " + c.kind().nameEn(),
                    "amount", Decimals.formatMoney(c.amount()), "basis", c.basisZh() + " / " + c.basisEn(),
                    "binding", binding ? "约束额度 Binding" : ""));
        }
        brief.put("constraints", constraints);
        return brief;
    }

    /** The brief as a JSON variable: Tasklist hands its lists to the forms' tables. */
    public static JsonValue variable(RiskAssessment a) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(of(a))).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The approval brief cannot be written as JSON", e);
        }
    }

    private static String percent(int points, int weight) {
        return weight == 0 ? "" : Math.round(100.0 * points / weight) + "%";
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}

package cn.smartfactory.lending.accountability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.decision.DecisionRules;

/**
 * The preliminary finding by rule: each officer's facts in each role through the {@code due-diligence-standards}
 * table (hit policy COLLECT), one finding per standard the role is held to.
 */
public class DueDiligenceStandards {

    public static final String TABLE = "due-diligence-standards";

    private final DecisionRules rules;

    public DueDiligenceStandards(DecisionRules rules) {
        this.rules = rules;
    }

    public List<Finding> findings(List<OfficerFacts> officers) {
        List<Finding> findings = new ArrayList<>();
        for (OfficerFacts f : officers) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("role", f.role());
            inputs.put("salesEstimates", f.salesEstimates());
            inputs.put("hardFlagsUnanswered", f.hardFlagsUnanswered());
            inputs.put("aboveAuthority", f.aboveAuthority());
            inputs.put("conditionsUnfulfilled", f.conditionsUnfulfilled());
            inputs.put("checksNotOnTime", f.checksNotOnTime());
            inputs.put("warningsLate", f.warningsLate());
            for (Map<String, Object> row : rules.evaluate(TABLE, inputs)) {
                findings.add(new Finding(f.officer(), f.role(), (String) row.get("standard"), (String) row.get("standardName"),
                        Boolean.TRUE.equals(row.get("met")), f.evidence()));
            }
        }
        return findings;
    }

    /** The officers with at least one standard not met, in the order they were found. */
    public static List<String> notMet(List<Finding> findings) {
        return findings.stream().filter(f -> !f.met()).map(Finding::officer).distinct().toList();
    }
}

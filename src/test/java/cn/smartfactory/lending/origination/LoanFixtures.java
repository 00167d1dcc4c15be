package cn.smartfactory.lending.origination;

import java.util.HashMap;
import java.util.Map;

import cn.smartfactory.lending.scoring.WorkedCases;

/** A worked borrower as the three forms would submit it: start form, bureau task, checklist. */
public final class LoanFixtures {

    private LoanFixtures() {
    }

    public static Map<String, Object> startForm(String workedCase) {
        return new HashMap<>(InvestigationVariables.startFormValues(WorkedCases.load(workedCase), "11010119800101123X",
                "WALK_IN"));
    }

    public static Map<String, Object> bureauForm(String workedCase) {
        return new HashMap<>(InvestigationVariables.bureauFormValues(WorkedCases.load(workedCase)));
    }

    public static Map<String, Object> checklist(String workedCase) {
        return new HashMap<>(InvestigationVariables.checklistValues(WorkedCases.load(workedCase)));
    }
}

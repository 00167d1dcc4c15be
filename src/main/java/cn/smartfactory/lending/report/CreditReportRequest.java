package cn.smartfactory.lending.report;

import java.util.List;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.scoring.RiskAssessment;

/**
 * What a report is generated from.
 *
 * @param investigation the record as far as it was filled in; may be incomplete
 * @param assessment    the risk engine's result, or null when the record could not be assessed
 * @param missing       why it could not be assessed: every missing or invalid field
 * @param trail         the process history, empty when generated outside the process
 */
public record CreditReportRequest(InvestigationRecord investigation, RiskAssessment assessment,
                                  List<Violation> missing, List<ProcessStep> trail) {

    public CreditReportRequest {
        missing = missing == null ? List.of() : List.copyOf(missing);
        trail = trail == null ? List.of() : List.copyOf(trail);
    }

    public boolean complete() {
        return assessment != null;
    }

    public String applicationId() {
        if (assessment != null) {
            return assessment.applicationId();
        }
        return investigation == null ? null : investigation.applicationId();
    }
}

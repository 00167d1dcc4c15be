package cn.smartfactory.lending.report;

import java.util.List;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.scoring.RiskEngine;

/**
 * Assesses an investigation and writes its report; an investigation that cannot be assessed yet
 * still gets a report that lists what is missing.
 */
public class CreditReportService {

    private final RiskEngine riskEngine;
    private final CreditReportGenerator generator;

    public CreditReportService(RiskEngine riskEngine, CreditReportGenerator generator) {
        this.riskEngine = riskEngine;
        this.generator = generator;
    }

    public CreditReport report(InvestigationRecord investigation, List<ProcessStep> trail) {
        List<Violation> missing = riskEngine.validator().validate(investigation);
        CreditReportRequest request = missing.isEmpty()
                ? new CreditReportRequest(investigation, riskEngine.assess(investigation), List.of(), trail)
                : new CreditReportRequest(investigation, null, missing, trail);
        return generator.generate(request);
    }
}

package cn.smartfactory.lending.scoring;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.smartfactory.lending.investigation.InvestigationRecord;

/**
 * Scores an investigation record on request, so the risk engine can be tried and integrated
 * before the loan process drives it. Stateless: nothing is stored.
 */
@RestController
@RequestMapping("/api/risk-assessments")
class RiskAssessmentController {

    private final RiskEngine riskEngine;

    RiskAssessmentController(RiskEngine riskEngine) {
        this.riskEngine = riskEngine;
    }

    @PostMapping
    RiskAssessment assess(@RequestBody InvestigationRecord investigation) {
        return riskEngine.assess(investigation);
    }
}

package cn.smartfactory.lending.scoring;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonMappingException;

import cn.smartfactory.lending.investigation.InvalidInvestigationException;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.Violation;

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

    @ExceptionHandler(InvalidInvestigationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, Object> invalid(InvalidInvestigationException e) {
        return Map.of("error", "INVALID_INVESTIGATION", "violations", e.violations());
    }

    /** A value of the wrong type ("amount": "abc") is named by its JSON path, like any other violation. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, Object> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? jme.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "body";
        Violation violation = new Violation(field, "UNREADABLE", field + " has a value of the wrong type or format",
                field + " 的值类型或格式不正确");
        return Map.of("error", "INVALID_INVESTIGATION", "violations", List.of(violation));
    }
}

package cn.smartfactory.lending.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.JsonMappingException;

import cn.smartfactory.lending.investigation.InvalidInvestigationException;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.monitoring.LoanEventRefused;

/**
 * Bad input to the platform's own API, answered the same way everywhere: an error code and every
 * field with the rule it breaks.
 */
@RestControllerAdvice
class ApiErrors {

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
        Violation violation = new Violation(field, "UNREADABLE", "has a value of the wrong type or format",
                "的值类型或格式不正确");
        return Map.of("error", "UNREADABLE_REQUEST", "violations", List.of(violation));
    }

    /** What the caller's role may not do in the engine: 403 with the engine's or the platform's reason. */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<Map<String, Object>> forbidden(org.camunda.bpm.engine.AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "FORBIDDEN", "message", e.getMessage()));
    }

    /** A conflict or another status the engine boundary decided (e.g. 409 when two people acted at once). */
    @ExceptionHandler(org.camunda.bpm.engine.rest.exception.RestException.class)
    ResponseEntity<Map<String, Object>> rest(org.camunda.bpm.engine.rest.exception.RestException e) {
        int status = e.getStatus() == null ? 500 : e.getStatus().getStatusCode();
        return ResponseEntity.status(status).body(Map.of("error", status == 409 ? "CONFLICT" : "ERROR", "message", e.getMessage()));
    }

    /** A loan event that changes nothing: 400 bad input, 404 unknown loan, 409 closed loan or reused event id. */
    @ExceptionHandler(LoanEventRefused.class)
    ResponseEntity<Map<String, Object>> loanEventRefused(LoanEventRefused e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.code(), "violations", e.violations()));
    }
}

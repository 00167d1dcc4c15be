package cn.smartfactory.lending.monitoring;

import java.util.List;

import cn.smartfactory.lending.investigation.Violation;

/**
 * A loan event that changes nothing, with the HTTP status that says why: 400 bad input (each field
 * and rule named), 404 unknown loan, 409 a closed loan or an event id reused for another event.
 */
public class LoanEventRefused extends RuntimeException {

    private final int status;
    private final String code;
    private final transient List<Violation> violations;

    public LoanEventRefused(int status, String code, List<Violation> violations) {
        super(code + ": " + violations.stream().map(Violation::message).reduce((a, b) -> a + "; " + b).orElse(""));
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    static LoanEventRefused of(int status, String code, String field, String rule, String en, String zh) {
        return new LoanEventRefused(status, code, List.of(new Violation(field, rule, en, zh)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}

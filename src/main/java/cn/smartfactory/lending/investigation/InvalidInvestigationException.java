package cn.smartfactory.lending.investigation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an investigation cannot be assessed; carries every violation, not just the first. */
public class InvalidInvestigationException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInvestigationException(List<Violation> violations) {
        super("Investigation is invalid: " + violations.stream()
                .map(Violation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

package cn.smartfactory.lending.controls;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

import cn.smartfactory.lending.investigation.Violation;

/** A submission with fields its form does not accept: 400, naming each field and rule; nothing is written. */
public class SubmissionRefused extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    SubmissionRefused(List<Violation> violations) {
        super(Violation.refusal("提交未被接受", "Submission not accepted", violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

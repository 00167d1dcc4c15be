package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A member of staff tried something the platform's controls reserve to others: answered 403 on every
 * REST surface (Camunda maps authorization exceptions so), with the rule in Chinese and English.
 */
public class ControlRefused extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public ControlRefused(String rule, String zh, String en) {
        super("控制规则 Control " + rule + ": " + zh + " / " + en);
        this.rule = rule;
    }

    /** Stable code of the broken rule, e.g. {@code ADMIN_ONLY}. */
    public String rule() {
        return rule;
    }
}

package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A member of staff tried something the platform's controls reserve to others: answered 403 on every
 * REST surface (Camunda maps authorization exceptions so): one short message, the Chinese sentence, the
 * English one, and the rule's code in brackets for the help desk.
 */
public class ControlRefused extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public ControlRefused(String rule, String zh, String en) {
        super(cn.smartfactory.lending.investigation.Violation.inert(sentence(zh, "。")
                + sentence(Character.toUpperCase(en.charAt(0)) + en.substring(1), ".") + " [" + rule + "]"));
        this.rule = rule;
    }

    /** The text with its closing stop, unless it already ends in one. */
    private static String sentence(String text, String stop) {
        return text.endsWith("。") || text.endsWith(".") || text.endsWith("?") || text.endsWith("\uFF1F") ? text : text + stop;
    }

    /** Stable code of the broken rule, e.g. {@code ADMIN_ONLY}. */
    public String rule() {
        return rule;
    }
}

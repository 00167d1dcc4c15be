package cn.smartfactory.lending.scoring;

/** The decision suggestion for the approver (决策建议). */
public record Suggestion(String code, String textZh, String textEn) {

    public static final String APPROVE = "APPROVE";
    /** Approve at the suggested limit, below the request: a counter-offer. */
    public static final String APPROVE_WITH_CHANGES = "APPROVE_WITH_CHANGES";
    public static final String APPROVE_WITH_CONDITIONS = "APPROVE_WITH_CONDITIONS";
    public static final String REFER_TO_COMMITTEE = "REFER_TO_COMMITTEE";
    public static final String DECLINE = "DECLINE";
}

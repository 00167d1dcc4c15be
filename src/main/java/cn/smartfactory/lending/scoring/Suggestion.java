package cn.smartfactory.lending.scoring;

/** The decision suggestion for the approver (决策建议). */
public record Suggestion(String code, String textZh, String textEn) {

    public static final String APPROVE = "APPROVE";
    public static final String APPROVE_WITH_CONDITIONS = "APPROVE_WITH_CONDITIONS";
    public static final String REFER_TO_COMMITTEE = "REFER_TO_COMMITTEE";
    public static final String DECLINE = "DECLINE";
}

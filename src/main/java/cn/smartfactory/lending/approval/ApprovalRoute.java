package cn.smartfactory.lending.approval;

/** Where a loan goes for approval, and why. */
public record ApprovalRoute(Route route, String nameZh, String nameEn, String reasonZh, String reasonEn) {

    public enum Route { SINGLE_APPROVER, DUAL_SIGNATURE, CREDIT_COMMITTEE }
}

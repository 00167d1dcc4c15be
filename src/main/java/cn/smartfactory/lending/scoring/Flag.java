package cn.smartfactory.lending.scoring;

/**
 * A red flag from cross-validation. A HARD flag forbids delegated approval; a SOFT one is for the
 * approver's attention.
 *
 * @param evidence the figures behind the flag, e.g. "declared 150,000 vs verified 96,000: 56.25%"
 */
public record Flag(String code, Severity severity, String reasonZh, String reasonEn, String evidence) {

    public enum Severity { SOFT, HARD }
}

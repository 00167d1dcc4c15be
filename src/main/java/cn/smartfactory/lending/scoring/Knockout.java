package cn.smartfactory.lending.scoring;

/** A knockout (否决项): overrides the score and declines, with its reason and the figures behind it. */
public record Knockout(String code, String reasonZh, String reasonEn, String evidence) {
}

package cn.smartfactory.lending.investigation;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One broken rule in submitted data.
 *
 * <p>A violation names its field twice: by the machine name an API client sent ({@code field}, a
 * form key or a record path such as {@code topSuppliers[0].share}) and, where a person entered it on
 * a form, by the form's label ("供应商1占比% Supplier 1 share %"). The rule is kept without the field,
 * so the same violation reads as {@code topSuppliers[0].share is required} in an API answer and as
 * “供应商1占比%”为必填项 / "Supplier 1 share %" is required on a screen.
 *
 * @param field    the field as the API names it, e.g. {@code loan.termMonths} or {@code bankInflows[2].amount}
 * @param rule     stable rule code, e.g. {@code RANGE}, for clients that map errors to form fields
 * @param detail   the rule broken, in English, without the field: "is required"
 * @param detailZh the same in Chinese: "为必填项"
 * @param label    the field's form label ("中文 English"), or null where no form shows it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String rule, @JsonIgnore String detail, @JsonIgnore String detailZh,
                        String label) {

    /** How many problems a refusal lists before it only counts the rest: a person reads a short message. */
    static final int LISTED = 8;

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    public Violation(String field, String rule, String detail, String detailZh) {
        this(field, rule, detail, detailZh, null);
    }

    /** The same violation, named on a screen by the form's label. */
    public Violation labelled(String formLabel) {
        return new Violation(field, rule, detail, detailZh, formLabel);
    }

    /** English, naming the field as the API does: {@code topSuppliers[0].share is required}. */
    @JsonProperty("message")
    public String message() {
        return field + " " + detail;
    }

    /** Chinese, naming the field as the API does: {@code topSuppliers[0].share 为必填项}. */
    @JsonProperty("messageZh")
    public String messageZh() {
        return field + " " + detailZh;
    }

    /** Chinese for a person: “供应商1占比%”为必填项 (the label's Chinese part, else the field). */
    public String readableZh() {
        return "“" + chinesePart(label == null ? field : label) + "”" + detailZh;
    }

    /** English for a person: "Supplier 1 share %" is required (the label's English part, else the field). */
    public String readable() {
        return "\"" + englishPart(label == null ? field : label) + "\" " + detail;
    }

    /**
     * One short refusal a person reads: the Chinese sentence, then the English one, each naming
     * every field by its label and the rule broken — at most {@value #LISTED} problems, then a count.
     */
    public static String refusal(String headingZh, String headingEn, List<Violation> violations) {
        List<Violation> listed = violations.stream().limit(LISTED).toList();
        int more = violations.size() - listed.size();
        StringBuilder zh = new StringBuilder(headingZh).append(":");
        StringBuilder en = new StringBuilder(headingEn).append(": ");
        for (int i = 0; i < listed.size(); i++) {
            zh.append(i == 0 ? "" : ";").append(listed.get(i).readableZh());
            en.append(i == 0 ? "" : "; ").append(listed.get(i).readable());
        }
        if (more > 0) {
            zh.append(";另有 ").append(more).append(" 项");
            en.append("; and ").append(more).append(" more");
        }
        return inert(zh.append("。").append(en).append(".").toString());
    }

    /**
     * A refusal may repeat what was submitted ("was '…'"), and Tasklist shows refusals as HTML: angle
     * brackets become their full-width forms, so a submitted value cannot become markup on the screen.
     */
    public static String inert(String text) {
        return text.replace('<', '\uFF1C').replace('>', '\uFF1E');
    }

    /**
     * A refusal of one rule about one field, whose texts already say what is wrong:
     * “批准金额”:批准金额不得超过申请金额。"Approved amount": the approved amount may not exceed the requested amount.
     */
    public static String oneRule(String label, String ruleZh, String ruleEn) {
        return inert("“" + chinesePart(label) + "”:" + ruleZh + "。\"" + englishPart(label) + "\": " + ruleEn + ".");
    }

    /**
     * The Chinese part of a bilingual label "客户1占比% Customer 1 share %": what comes before the
     * first space after which no Chinese follows; the whole label when it is not bilingual.
     */
    public static String chinesePart(String label) {
        int split = split(label);
        return split < 0 ? label : label.substring(0, split);
    }

    /** The English part of a bilingual label; the whole label when it is not bilingual. */
    public static String englishPart(String label) {
        int split = split(label);
        return split < 0 ? label : label.substring(split + 1);
    }

    private static int split(String label) {
        for (int i = label.indexOf(' '); i > 0; i = label.indexOf(' ', i + 1)) {
            if (HAN.matcher(label.substring(0, i)).find() && !HAN.matcher(label.substring(i + 1)).find()
                    && !label.substring(i + 1).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}

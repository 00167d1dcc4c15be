package cn.smartfactory.lending.marketing;

import java.util.Map;

/**
 * One name for a campaign, as read from an uploaded list or generated from the bank's own data.
 *
 * @param number   the row number in the file (the header is row 1), or a running number for a generated list
 * @param values   by column key (name, phone, idNumber, industry, region, businessType, address, note)
 * @param relation for generated lists: how the bank knows this person (the borrower they supply, the loan to renew)
 * @param servedBy for the bank's own customers: the account manager who serves them, who keeps them
 *                 when still active; their file holds the contact details, so no phone or address is required
 */
public record ListRow(int number, Map<String, String> values, String relation, String servedBy) {

    public ListRow(int number, Map<String, String> values, String relation) {
        this(number, values, relation, null);
    }

    public String value(String column) {
        String v = values.get(column);
        return v == null ? "" : v.trim();
    }
}

package cn.smartfactory.lending.investigation;

/**
 * One broken rule in submitted data.
 *
 * @param field     path of the field, e.g. {@code loan.termMonths} or {@code bankInflows[2].amount}
 * @param rule      stable rule code, e.g. {@code RANGE}, for clients that map errors to form fields
 * @param message   English message naming the field and the rule
 * @param messageZh the same in Chinese, for bank staff
 */
public record Violation(String field, String rule, String message, String messageZh) {
}

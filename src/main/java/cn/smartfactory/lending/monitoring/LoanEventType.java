package cn.smartfactory.lending.monitoring;

import java.util.Arrays;
import java.util.List;

/**
 * What core banking or an officer can report about a loan: the warning signals, the credit events that move
 * the classification by judgement (bankruptcy, fraud or evasion of debt, restructuring, extension — the
 * {@code loan-classification-by-event} table), and repayment in full.
 */
public enum LoanEventType {
    OVERDUE_PAYMENT, NEW_BUREAU_OVERDUE, SALES_DROP, LITIGATION, OWNER_CHANGE, COLLATERAL_LOSS, BANKRUPTCY, FRAUD,
    RESTRUCTURING, EXTENSION, REPAID_IN_FULL;

    public boolean isWarning() {
        return this != REPAID_IN_FULL;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}

package cn.smartfactory.lending.crosscheck;

import java.math.BigDecimal;

/**
 * Expected equity (opening + accumulated profit − private withdrawals) against the equity of the
 * reconstructed balance sheet; a large gap points to hidden debt or undeclared assets.
 *
 * @param deviation |actual − expected| / |expected|; when expected is 0 it is 0 if actual is 0 too,
 *                  otherwise 1 (100%)
 */
public record EquityReconciliation(BigDecimal openingEquity, BigDecimal accumulatedProfit,
                                   BigDecimal privateWithdrawals, BigDecimal expectedEquity,
                                   BigDecimal balanceSheetEquity, BigDecimal deviation) {
}

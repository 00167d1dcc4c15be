package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;

/**
 * The borrower's reconstructed financials on verified sales, and the ratios derived from them.
 * Amounts are CNY per month unless named otherwise; ratios are fractions rounded to 4 decimals.
 * A ratio is null where its denominator is zero (no current liabilities, no cost of goods, no
 * disposable income, no prior-year sales); the scorecard bins say how null scores. The debt service counts the
 * declared instalments, the instalment imputed for undeclared debt (see {@code DebtCrossCheck}) and this loan's;
 * {@code debtServiceRatio} includes this loan at the requested amount (shown for context);
 * {@code existingDebtServiceRatio} is the debt service before this loan, which the scorecard and the knockout use, so
 * that the grade sees the amount asked only through the request-to-sales indicator. {@code householdExpenses} is the higher of the declared expenses and the region's norm ({@code HouseholdCheck}).
 */
public record FinancialProfile(
        // monthly P&L on verified sales (月度损益)
        BigDecimal monthlySales, BigDecimal grossMargin, BigDecimal costOfGoodsSold, BigDecimal grossProfit,
        BigDecimal operatingExpenses, BigDecimal netProfit, BigDecimal netMargin,
        // household cash flow (家庭现金流)
        BigDecimal otherHouseholdIncome, BigDecimal householdExpenses, BigDecimal disposableIncome,
        BigDecimal existingInstalments, BigDecimal imputedInstalment, BigDecimal newInstalment,
        BigDecimal debtServiceRatio, BigDecimal existingDebtServiceRatio,
        // balance sheet (资产负债)
        BigDecimal currentAssets, BigDecimal totalAssets, BigDecimal currentLiabilities, BigDecimal totalLiabilities,
        BigDecimal equity, BigDecimal existingDebtOutstanding,
        // ratios
        BigDecimal debtToAssets, BigDecimal currentRatio, BigDecimal inventoryDays, BigDecimal receivableDays,
        BigDecimal inflowCoverage, BigDecimal amountToAnnualSales, BigDecimal salesGrowth,
        BigDecimal topCustomerShare, BigDecimal topSupplierShare) {
}

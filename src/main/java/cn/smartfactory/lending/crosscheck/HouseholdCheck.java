package cn.smartfactory.lending.crosscheck;

import java.math.BigDecimal;

/**
 * Declared household spending per person against the region's norm (家庭支出标准): the higher of the declaration and
 * norm × members is what the household spends at least, and that enters disposable income.
 *
 * @param region            the region code of the norm
 * @param normPerPerson     the region's norm per person and month
 * @param normTotal         norm × members
 * @param expensesUsed      the higher of the declared expenses and the norm total
 */
public record HouseholdCheck(int members, BigDecimal monthlyExpenses, BigDecimal expensePerPerson, String region,
                             String regionNameZh, String regionNameEn, BigDecimal normPerPerson, BigDecimal normTotal,
                             BigDecimal expensesUsed) {

    /** The declaration was below the norm, so the norm was used. */
    public boolean normApplied() {
        return expensesUsed.compareTo(monthlyExpenses) > 0;
    }
}

package cn.smartfactory.lending.crosscheck;

import java.math.BigDecimal;

/** Declared household spending per person, checked against the floor in the flags table. */
public record HouseholdCheck(int members, BigDecimal monthlyExpenses, BigDecimal expensePerPerson) {
}

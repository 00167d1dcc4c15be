package cn.smartfactory.lending.industry;

import java.math.BigDecimal;

/**
 * The household expenses per person and month the bank assumes at least for a kind of place (家庭支出标准): when the
 * applicant declares less, the norm enters disposable income instead, and the flag stays.
 *
 * @param code              the region code an investigator picks on the checklist, e.g. {@code VILLAGE}
 * @param perPersonMonthly  CNY per household member and month
 */
public record ExpenseNorm(String code, String nameZh, String nameEn, BigDecimal perPersonMonthly) {

    ExpenseNorm validated() {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]*") || nameZh == null || nameEn == null
                || perPersonMonthly == null || perPersonMonthly.signum() <= 0) {
            throw new IllegalArgumentException("reference data: each householdExpenseNorms entry needs an UPPER_SNAKE_CASE "
                    + "code, nameZh, nameEn and perPersonMonthly > 0, got " + this);
        }
        return this;
    }
}

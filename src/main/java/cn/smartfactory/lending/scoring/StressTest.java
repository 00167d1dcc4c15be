package cn.smartfactory.lending.scoring;

import java.math.BigDecimal;

import cn.smartfactory.lending.common.Decimals;

/**
 * The loan under the industry's stress (压力测试), at the amount offered (the suggested limit, or the request when
 * there is none): disposable income and the DSR when verified sales fall by the sales drop, and when the gross margin
 * falls by the margin drop, operating expenses and household spending unchanged.
 *
 * @param amount             the amount tested
 * @param instalment         its monthly equal instalment at the priced rate
 * @param salesDrop          e.g. 0.15
 * @param salesDisposable    disposable income with sales lower by the drop
 * @param salesDsr           (existing + imputed + instalment) / that income; null when the income is not positive
 * @param marginDrop         e.g. 0.03 (percentage points)
 * @param marginDisposable   disposable income with the margin lower by the drop
 * @param marginDsr          (existing + imputed + instalment) / that income; null when the income is not positive
 * @param worstDsr           the higher of the two, null when either income is not positive (the worst case)
 */
public record StressTest(BigDecimal amount, BigDecimal instalment, BigDecimal salesDrop, BigDecimal salesDisposable,
                         BigDecimal salesDsr, BigDecimal marginDrop, BigDecimal marginDisposable, BigDecimal marginDsr,
                         BigDecimal worstDsr) {

    /** Both scenarios in one line, 中文 then English, as the approval forms and the credit report show them. */
    public String describe() {
        return "按 " + Decimals.formatMoney(amount) + " 元(月供 " + Decimals.formatMoney(instalment) + "):销售下降 "
                + Decimals.formatPercent(salesDrop) + " 时偿债率 " + dsr(salesDsr) + ",毛利率下降 "
                + Decimals.formatPercent(marginDrop) + " 时偿债率 " + dsr(marginDsr) + " / at " + Decimals.formatMoney(amount)
                + " (instalment " + Decimals.formatMoney(instalment) + "): sales −" + Decimals.formatPercent(salesDrop)
                + " DSR " + dsr(salesDsr) + ", gross margin −" + Decimals.formatPercent(marginDrop) + " DSR " + dsr(marginDsr);
    }

    private static String dsr(BigDecimal ratio) {
        return ratio == null ? "无可支配收入 no disposable income" : Decimals.formatPercent(ratio);
    }
}

package cn.smartfactory.lending.crosscheck;

import java.math.BigDecimal;

/**
 * Debts as declared against what the other sources show (负债交叉检验): the credit bureau's lenders and outstanding
 * balance, the balance sheet's bank debt (short- and long-term borrowing) and the liens on the collateral offered.
 * The largest amount any source shows is the debt the borrower has at least; what exceeds the declared debts by
 * more than the tolerance is undeclared and is imputed into the debt service as an equal instalment on the
 * reference data's assumptions ({@code debtCrossCheck}).
 *
 * @param declaredOutstanding  sum of the declared debts' outstanding
 * @param declaredLenders      number of declared debts
 * @param bureauOutstanding    outstanding balance on the bureau report
 * @param bureauLenders        lenders with an outstanding loan on the bureau report
 * @param balanceSheetDebt     short-term + long-term borrowing on the balance sheet
 * @param collateralLiens      existing liens on the collateral (0 without collateral)
 * @param evidencedDebt        the largest of bureau, balance sheet and liens
 * @param evidencedBy          which source that is
 * @param gap                  evidenced − declared, never negative
 * @param undeclaredDebt       the gap when above the tolerance, else 0: the debt imputed
 * @param imputedInstalment    monthly equal instalment of the undeclared debt on the assumptions
 */
public record DebtCrossCheck(BigDecimal declaredOutstanding, int declaredLenders, BigDecimal bureauOutstanding,
                             int bureauLenders, BigDecimal balanceSheetDebt, BigDecimal collateralLiens,
                             BigDecimal evidencedDebt, Source evidencedBy, BigDecimal gap, BigDecimal toleranceCny,
                             BigDecimal undeclaredDebt, BigDecimal imputedAnnualRate, int imputedTermMonths,
                             BigDecimal imputedInstalment) {

    /** Where a debt figure comes from. */
    public enum Source {
        DECLARED("申报负债", "declared debts"),
        BUREAU("征信报告", "credit bureau"),
        BALANCE_SHEET("资产负债表借款", "balance-sheet borrowing"),
        COLLATERAL_LIENS("抵押物已有抵押", "liens on the collateral");

        private final String nameZh;
        private final String nameEn;

        Source(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }

    public boolean undeclared() {
        return undeclaredDebt.signum() > 0;
    }

    /** Lenders on the bureau report without a declared debt (0 when the declaration lists as many or more). */
    public int undeclaredLenders() {
        return Math.max(0, bureauLenders - declaredLenders);
    }
}

package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The property a loan is secured on, as booked at hand-over, with its latest revaluation during monitoring.
 *
 * @param propertyType   RESIDENTIAL, COMMERCIAL or INDUSTRIAL
 * @param soleResidence  whether the dwelling is the family's only home
 * @param appraisedValue the value the loan was approved on
 * @param existingLiens  what other lenders hold on it ahead of the bank
 * @param revaluedValue  the value found at the latest check (null until a check revalues it)
 */
public record LoanCollateral(String loanNumber, String product, String propertyType, boolean soleResidence,
                             BigDecimal appraisedValue, BigDecimal existingLiens, String appraisalSource,
                             BigDecimal revaluedValue, LocalDate revaluedOn) {
}

package cn.smartfactory.lending.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A disbursed loan in the register, with the officers who marketed, investigated and approved it
 * (for attributing overdue and NPL rates to each role later).
 *
 * @param investigators comma-separated user ids; several when a case was sent back
 * @param approvers     comma-separated user ids of approvers and committee voters
 */
public record LoanRecord(String loanNumber, String applicationId, String processInstanceId, String customerName,
                         String industry, String product, String guaranteeType, String grade, int score,
                         BigDecimal approvedAmount, BigDecimal disbursedAmount, int termMonths, LocalDate disbursedOn,
                         LocalDate maturityDate, BigDecimal outstandingBalance, int daysOverdue, String classification,
                         String tier, String accountManager, String investigators, String approvers, String status) {
}

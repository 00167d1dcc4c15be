package cn.smartfactory.lending.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One account manager's evaluation for a month, as computed (one version of it); the determinations are the
 * accountability reviews' final determinations of the officer confirmed in the month (null in months computed
 * before reviews existed).
 */
public record Evaluation(YearMonth month, String officer, int version, int newCustomers, Integer newCustomersTarget,
                         BigDecimal newBalance, BigDecimal newBalanceTarget, BigDecimal newBalanceAttainment,
                         BigDecimal outstanding, BigDecimal overdueRate, BigDecimal nplRate, BigDecimal overdueCustomerShare,
                         BigDecimal meanDaysToDisbursement, int committeeCases, BigDecimal reworkRate, int marketingPoints,
                         String level, String levelName, Instant computedAt, String computedBy, Integer exemptDeterminations,
                         Integer responsibleDeterminations) {
}

package cn.smartfactory.lending.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** One approver's evaluation for a month, as computed (one version of it): the live loans they signed. */
public record ApproverEvaluation(YearMonth month, String approver, int version, int loans, BigDecimal outstanding,
                                 BigDecimal overdueRate, BigDecimal nplRate, BigDecimal overdueLoanShare, String level,
                                 String levelName, Instant computedAt, String computedBy, Integer exemptDeterminations,
                                 Integer responsibleDeterminations) {
}

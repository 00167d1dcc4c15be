package cn.smartfactory.lending.monitoring;

import static cn.smartfactory.lending.monitoring.MonitoringVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.transaction.annotation.Transactional;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.platform.BankClock;

/**
 * Post-loan monitoring's entry points: the hand-over from origination, loan events (warnings and
 * repayment in full) and repayment-status updates. Each call changes the register and the loan's
 * monitoring process together, in one transaction, or changes nothing.
 *
 * <p>Tiers and classifications only move towards more risk here; moving a loan back down takes an
 * officer's completed check (the {@code check-outcome-tier} table) or a credit decision. The classification
 * is the worst of the loan's current one, the floor its days overdue require ({@code loan-classification-floor})
 * and the floor the event requires by judgement ({@code loan-classification-by-event}: a bankrupt borrower
 * 0 days overdue is not 正常).
 */
public class LoanMonitoring {

    public static final String CLASSIFICATION_FLOOR = "loan-classification-floor";
    public static final String CLASSIFICATION_BY_EVENT = "loan-classification-by-event";
    public static final String WARNING_ROUTING = "warning-routing";
    static final List<String> SEVERITY = List.of("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");
    static final List<String> TIERS = List.of("T1", "T2", "T3");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** What an event did. */
    public record EventOutcome(String eventId, String loanNumber, String type, boolean duplicate, String tierBefore,
                               String tierAfter) {
    }

    private final LoanRegister register;
    private final DecisionRules rules;
    private final MonitoringTier tiers;
    private final IndustryCatalog industries;
    private final MonitoringProcess process;
    private final BadLoans badLoans;

    public LoanMonitoring(LoanRegister register, DecisionRules rules, MonitoringTier tiers, IndustryCatalog industries,
                          MonitoringProcess process) {
        this(register, rules, tiers, industries, process, BadLoans.NONE);
    }

    public LoanMonitoring(LoanRegister register, DecisionRules rules, MonitoringTier tiers, IndustryCatalog industries,
                          MonitoringProcess process, BadLoans badLoans) {
        this.register = register;
        this.rules = rules;
        this.tiers = tiers;
        this.industries = industries;
        this.process = process;
        this.badLoans = badLoans;
    }

    /** The first tier of a loan from its features alone. */
    public String initialTier(String grade, String product, String guaranteeType, String industry) {
        return tiers.tier(grade, product, guaranteeType, industries.get(industry).monitoringRisk(), null, 0);
    }

    /** Registers a disbursed loan and starts its monitoring; both are idempotent, so a retried hand-over is harmless. */
    @Transactional
    public boolean handOver(LoanRecord loan) {
        return handOver(loan, List.of());
    }

    /** Registers a disbursed loan with its repayment schedule and starts its monitoring, all idempotent. */
    @Transactional
    public boolean handOver(LoanRecord loan, List<ScheduledRepayment> schedule) {
        return handOver(loan, schedule, null);
    }

    /**
     * Registers a disbursed loan with its repayment schedule and, for a secured loan, its collateral, and starts its
     * monitoring, all idempotent.
     */
    @Transactional
    public boolean handOver(LoanRecord loan, List<ScheduledRepayment> schedule, LoanCollateral collateral) {
        boolean added = register.register(loan);
        register.saveSchedule(schedule);
        if (collateral != null) {
            register.saveCollateral(collateral);
        }
        LoanRecord registered = register.find(loan.loanNumber()).orElseThrow();
        process.startIfAbsent(registered.loanNumber(), startVariables(registered));
        return added;
    }

    Map<String, Object> startVariables(LoanRecord l) {
        Map<String, Object> v = new HashMap<>();
        v.put(LOAN_NUMBER, l.loanNumber());
        v.put(APPLICATION_ID, l.applicationId());
        v.put(CUSTOMER_NAME, l.customerName());
        v.put(INDUSTRY, l.industry());
        v.put(INDUSTRY_RISK, industries.get(l.industry()).monitoringRisk());
        v.put(PRODUCT, l.product());
        v.put(GUARANTEE_TYPE, l.guaranteeType());
        v.put(GRADE, l.grade());
        v.put(TOTAL_SCORE, l.score());
        v.put(APPROVED_AMOUNT, l.approvedAmount().doubleValue());
        v.put(DISBURSED_AMOUNT, l.disbursedAmount().doubleValue());
        v.put(TERM_MONTHS, l.termMonths());
        v.put(DISBURSED_ON, l.disbursedOn().toString());
        v.put(MATURITY_DATE, l.maturityDate().toString());
        v.put(ACCOUNT_MANAGER, l.accountManager());
        v.put(INVESTIGATORS, l.investigators());
        v.put(APPROVERS, l.approvers());
        v.put(DAYS_OVERDUE, l.daysOverdue());
        v.put(CLASSIFICATION, l.classification());
        v.put(OUTSTANDING_BALANCE, l.outstandingBalance().doubleValue());
        v.put(MONITORING_TIER, l.tier());
        v.put(TIER_REASON, "移交时分级 Tier at hand-over");
        v.put(CHECKS_IN_TIER, 0);
        return v;
    }

    /** A loan's repayment schedule as it was booked at hand-over. */
    public List<ScheduledRepayment> schedule(String loanNumber) {
        register.find(loanNumber).orElseThrow(() -> unknownLoan(loanNumber));
        return register.schedule(loanNumber);
    }

    /**
     * Handles a loan event once: a warning re-tiers the loan at once and raises a warning task for
     * the role the {@code warning-routing} table names; repayment in full ends monitoring. The same
     * event id again is answered as a duplicate and changes nothing.
     *
     * @throws LoanEventRefused for bad input (400), an unknown loan (404), a closed loan or a reused event id (409)
     */
    @Transactional
    public EventOutcome raise(LoanEvent e) {
        List<Violation> violations = validate(e);
        if (!violations.isEmpty()) {
            throw new LoanEventRefused(400, "INVALID_EVENT", violations);
        }
        LoanRecord loan = register.find(e.loanNumber()).orElseThrow(() -> unknownLoan(e.loanNumber()));
        Optional<RecordedEvent> seen = register.findEvent(e.eventId());
        if (seen.isPresent()) {
            RecordedEvent earlier = seen.get();
            if (!earlier.event().sameAs(e)) {
                throw LoanEventRefused.of(409, "EVENT_ID_CONFLICT", "eventId", "UNIQUE",
                        e.eventId() + " was already used for " + earlier.event().type() + " of loan "
                                + earlier.event().loanNumber() + " on " + earlier.event().occurredOn(),
                        e.eventId() + " 已用于其他事件");
            }
            return new EventOutcome(e.eventId(), e.loanNumber(), e.type(), true, earlier.tierBefore(), earlier.tierAfter());
        }
        requireActive(loan);
        LoanEventType type = LoanEventType.valueOf(e.type());
        if (type == LoanEventType.REPAID_IN_FULL) {
            register.recordEvent(new RecordedEvent(e, loan.tier(), loan.tier()));
            process.repaid(loan.loanNumber());
            return new EventOutcome(e.eventId(), e.loanNumber(), e.type(), false, loan.tier(), loan.tier());
        }
        int days = type == LoanEventType.OVERDUE_PAYMENT ? e.daysOverdue() : loan.daysOverdue();
        BigDecimal outstanding = e.outstandingBalance() != null ? e.outstandingBalance() : loan.outstandingBalance();
        Map<String, Object> judged = rules.evaluateSingle(CLASSIFICATION_BY_EVENT, Map.of("eventType", type.name()));
        String classification = worse(SEVERITY, worse(SEVERITY, loan.classification(), floor(days)),
                (String) judged.get("classification"));
        String tier = worse(TIERS, loan.tier(), tierFor(loan, type.name(), days));
        register.recordEvent(new RecordedEvent(e, loan.tier(), tier));
        register.updateStatus(loan.loanNumber(), days, outstanding, classification, tier);

        Map<String, Object> routing = rules.evaluateSingle(WARNING_ROUTING, Map.of("eventType", type.name()));
        Map<String, Object> v = statusVariables(days, outstanding, classification, tier,
                "预警 Warning: " + routing.get("nameZh") + " " + routing.get("nameEn"));
        v.put(WARNING_EVENT_ID, e.eventId());
        v.put(WARNING_TYPE, type.name());
        v.put(WARNING_TYPE_NAME, routing.get("nameZh") + " " + routing.get("nameEn"));
        v.put(WARNING_OCCURRED_ON, e.occurredOn().toString());
        v.put(WARNING_SOURCE, e.source());
        v.put(WARNING_DESCRIPTION, e.description() == null ? "" : e.description());
        v.put(WARNING_GROUP, routing.get("candidateGroup"));
        v.put(WARNING_ASSIGNEE, Boolean.TRUE.equals(routing.get("assignToAccountManager")) ? loan.accountManager() : null);
        v.put(WARNING_DUE, BankClock.startOf(today().plusDays(((Number) routing.get("dueInDays")).longValue())));
        process.warn(loan.loanNumber(), v);
        if (BadLoans.isBad(classification)) {
            badLoans.loanIsBad(loan.loanNumber(), classification);
        }
        return new EventOutcome(e.eventId(), e.loanNumber(), e.type(), false, loan.tier(), tier);
    }

    /**
     * Records the latest days overdue and balance of a loan (overdue list or core banking): the
     * classification moves down to the floor its days overdue require and the tier up to what they
     * require; the process starts collection above 30 days and resumes routine checks at 0.
     *
     * @return the loan as it is now
     */
    @Transactional
    public LoanRecord reportOverdue(String loanNumber, int days, BigDecimal outstanding) {
        LoanRecord loan = register.find(loanNumber).orElseThrow(() -> unknownLoan(loanNumber));
        requireActive(loan);
        String classification = worse(SEVERITY, loan.classification(), floor(days));
        String tier = worse(TIERS, loan.tier(), tierFor(loan, null, days));
        register.updateStatus(loanNumber, days, outstanding, classification, tier);
        process.update(loanNumber, statusVariables(days, outstanding, classification, tier,
                tier.equals(loan.tier()) ? null : "逾期 Overdue: " + days + " 天 days"));
        if (BadLoans.isBad(classification)) {
            badLoans.loanIsBad(loanNumber, classification);
        }
        return register.find(loanNumber).orElseThrow();
    }

    /**
     * Moves a loan's classification up after an officer's proposal a risk manager confirmed
     * ({@code classification-upgrade}); the eligibility was checked by the caller against the
     * {@code classification-upgrade} table. Days overdue, balance and tier stay as they are.
     */
    @Transactional
    public LoanRecord upgrade(String loanNumber, String classification) {
        LoanRecord loan = register.find(loanNumber).orElseThrow(() -> unknownLoan(loanNumber));
        requireActive(loan);
        if (SEVERITY.indexOf(classification) >= SEVERITY.indexOf(loan.classification())) {
            throw new IllegalArgumentException("an upgrade must improve " + loan.classification() + " (was " + classification + ")");
        }
        register.updateStatus(loanNumber, loan.daysOverdue(), loan.outstandingBalance(), classification, loan.tier());
        process.update(loanNumber, Map.of(CLASSIFICATION, classification));
        return register.find(loanNumber).orElseThrow();
    }

    /** The five classes, from normal to loss. */
    public static List<String> classes() {
        return SEVERITY;
    }

    private Map<String, Object> statusVariables(int days, BigDecimal outstanding, String classification, String tier,
                                                String tierReason) {
        Map<String, Object> v = new HashMap<>();
        v.put(DAYS_OVERDUE, days);
        v.put(OUTSTANDING_BALANCE, outstanding.doubleValue());
        v.put(CLASSIFICATION, classification);
        v.put(MONITORING_TIER, tier);
        if (tierReason != null) {
            v.put(TIER_REASON, tierReason);
        }
        return v;
    }

    private String tierFor(LoanRecord loan, String event, int days) {
        return tiers.tier(loan.grade(), loan.product(), loan.guaranteeType(),
                industries.get(loan.industry()).monitoringRisk(), event, days);
    }

    private String floor(int days) {
        return (String) rules.evaluateSingle(CLASSIFICATION_FLOOR, Map.of("daysOverdue", days)).get("classification");
    }

    private static String worse(List<String> scale, String current, String candidate) {
        return scale.indexOf(candidate) > scale.indexOf(current) ? candidate : current;
    }

    private static void requireActive(LoanRecord loan) {
        if ("CLOSING".equals(loan.status())) {
            throw LoanEventRefused.of(409, "LOAN_CLOSING", "loanNumber", "ACTIVE",
                    loan.loanNumber() + " is being closed: central operations are confirming its balance",
                    loan.loanNumber() + " 正在销户核对中");
        }
        if (!"ACTIVE".equals(loan.status())) {
            throw LoanEventRefused.of(409, "LOAN_CLOSED", "loanNumber", "ACTIVE",
                    loan.loanNumber() + " is closed (" + loan.status() + ")",
                    loan.loanNumber() + " 已结束(" + loan.status() + ")");
        }
    }

    private static LoanEventRefused unknownLoan(String loanNumber) {
        return LoanEventRefused.of(404, "UNKNOWN_LOAN", "loanNumber", "REGISTERED",
                loanNumber + " is not a registered loan", loanNumber + " 不存在");
    }

    static LocalDate today() {
        return BankClock.today();
    }

    static List<Violation> validate(LoanEvent e) {
        List<Violation> v = new ArrayList<>();
        if (blank(e.eventId())) {
            v.add(new Violation("eventId", "REQUIRED", "is required", "为必填项"));
        } else if (!EVENT_ID.matcher(e.eventId()).matches()) {
            v.add(new Violation("eventId", "PATTERN", "must be 1–64 letters, digits or . _ : -",
                    "须为1–64位字母、数字或 . _ : -"));
        }
        if (blank(e.loanNumber())) {
            v.add(new Violation("loanNumber", "REQUIRED", "is required", "为必填项"));
        }
        LoanEventType type = null;
        if (blank(e.type())) {
            v.add(new Violation("type", "REQUIRED", "is required", "为必填项"));
        } else if (!LoanEventType.names().contains(e.type())) {
            v.add(new Violation("type", "NOT_AN_OPTION", "must be one of " + LoanEventType.names() + " (was '"
                    + e.type() + "')", "须为 " + LoanEventType.names() + " 之一(当前为 '" + e.type() + "')"));
        } else {
            type = LoanEventType.valueOf(e.type());
        }
        if (e.occurredOn() == null) {
            v.add(new Violation("occurredOn", "REQUIRED", "is required (YYYY-MM-DD)", "为必填项(YYYY-MM-DD)"));
        } else if (e.occurredOn().isAfter(today())) {
            v.add(new Violation("occurredOn", "NOT_IN_FUTURE", "must not be after today (was " + e.occurredOn()
                    + ")", "不能晚于今天"));
        }
        if (type == LoanEventType.OVERDUE_PAYMENT && (e.daysOverdue() == null || e.daysOverdue() < 1)) {
            v.add(new Violation("daysOverdue", "MIN", "must be at least 1 for OVERDUE_PAYMENT (was "
                    + e.daysOverdue() + ")", "在逾期还款事件 OVERDUE_PAYMENT 中至少为 1"));
        }
        if (e.daysOverdue() != null && e.daysOverdue() < 0) {
            v.add(new Violation("daysOverdue", "MIN", "must not be negative", "不能为负"));
        }
        if (type == LoanEventType.SALES_DROP && (e.salesChangePercent() == null
                || e.salesChangePercent().compareTo(BigDecimal.valueOf(-30)) >= 0)) {
            v.add(new Violation("salesChangePercent", "MAX", "must be below -30 for SALES_DROP (was "
                    + e.salesChangePercent() + ")", "在销售下降事件 SALES_DROP 中须低于 -30"));
        }
        if (e.outstandingBalance() != null && e.outstandingBalance().signum() < 0) {
            v.add(new Violation("outstandingBalance", "MIN", "must not be negative",
                    "不能为负"));
        }
        if (e.description() != null && e.description().length() > 2000) {
            v.add(new Violation("description", "MAX_LENGTH", "allows at most 2000 characters",
                    "最多 2000 个字符"));
        }
        if (blank(e.source())) {
            v.add(new Violation("source", "REQUIRED", "is required", "为必填项"));
        } else if (e.source().length() > 64) {
            v.add(new Violation("source", "MAX_LENGTH", "allows at most 64 characters", "最多 64 个字符"));
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package cn.smartfactory.lending.monitoring;

import java.util.List;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The loan register for process tests that run without a database of the platform's own. */
public class InMemoryLoanRegister implements LoanRegister {

    private final Map<String, LoanRecord> loans = new ConcurrentHashMap<>();
    private final Map<String, RecordedEvent> events = new ConcurrentHashMap<>();
    private final Map<String, java.time.LocalDate> lastOverdue = new ConcurrentHashMap<>();

    @Override
    public boolean register(LoanRecord loan) {
        return loans.putIfAbsent(loan.loanNumber(), loan) == null;
    }

    @Override
    public boolean updateStatus(String loanNumber, int daysOverdue, java.math.BigDecimal outstandingBalance,
                                String classification, String tier) {
        if (daysOverdue > 0 && loans.containsKey(loanNumber)) {
            lastOverdue.put(loanNumber, cn.smartfactory.lending.platform.BankClock.today());
        }
        return loans.computeIfPresent(loanNumber, (n, l) -> new LoanRecord(l.loanNumber(), l.applicationId(),
                l.processInstanceId(), l.customerName(), l.industry(), l.product(), l.guaranteeType(), l.grade(), l.score(),
                l.approvedAmount(), l.disbursedAmount(), l.termMonths(), l.disbursedOn(), l.maturityDate(), outstandingBalance,
                daysOverdue, classification, tier, l.accountManager(), l.investigators(), l.approvers(), l.status())) != null;
    }

    @Override
    public boolean updateTier(String loanNumber, String tier) {
        return loans.computeIfPresent(loanNumber, (n, l) -> with(l, l.status(),
                l.outstandingBalance(), tier)) != null;
    }

    @Override
    public boolean markStatus(String loanNumber, String status) {
        return loans.computeIfPresent(loanNumber, (n, l) -> List.of("ACTIVE", "CLOSING").contains(l.status())
                ? with(l, status, l.outstandingBalance(), l.tier()) : l) != null;
    }

    @Override
    public boolean close(String loanNumber, String status, java.time.LocalDate closedOn) {
        return loans.computeIfPresent(loanNumber, (n, l) -> with(l, status,
                "REPAID".equals(status) ? java.math.BigDecimal.ZERO : l.outstandingBalance(), l.tier())) != null;
    }

    @Override
    public void recordEvent(RecordedEvent event) {
        if (events.putIfAbsent(event.event().eventId(), event) != null) {
            throw new org.springframework.dao.DuplicateKeyException("event " + event.event().eventId());
        }
    }

    @Override
    public Optional<RecordedEvent> findEvent(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    public java.util.Collection<RecordedEvent> events() {
        return events.values();
    }

    @Override
    public java.util.List<RecordedEvent> events(String loanNumber) {
        return events.values().stream().filter(e -> e.event().loanNumber().equals(loanNumber))
                .sorted(java.util.Comparator.comparing(e -> e.event().occurredOn())).toList();
    }

    @Override
    public Optional<java.time.LocalDate> lastOverdueOn(String loanNumber) {
        return Optional.ofNullable(lastOverdue.get(loanNumber));
    }

    /** Sets the last overdue day, as a history built by hand needs. */
    public void overdueLastOn(String loanNumber, java.time.LocalDate day) {
        lastOverdue.put(loanNumber, day);
    }

    private static LoanRecord with(LoanRecord l, String status, java.math.BigDecimal outstanding, String tier) {
        return new LoanRecord(l.loanNumber(), l.applicationId(), l.processInstanceId(), l.customerName(), l.industry(),
                l.product(), l.guaranteeType(), l.grade(), l.score(), l.approvedAmount(), l.disbursedAmount(),
                l.termMonths(), l.disbursedOn(), l.maturityDate(), outstanding, l.daysOverdue(), l.classification(), tier,
                l.accountManager(), l.investigators(), l.approvers(), status);
    }

    @Override
    public void forEach(java.util.function.Consumer<LoanRecord> action) {
        new java.util.TreeMap<>(loans).values().forEach(action);
    }

    @Override
    public Optional<LoanRecord> find(String loanNumber) {
        return Optional.ofNullable(loans.get(loanNumber));
    }

    private final Map<String, java.util.List<ScheduledRepayment>> schedules = new ConcurrentHashMap<>();

    @Override
    public void saveSchedule(java.util.List<ScheduledRepayment> schedule) {
        if (!schedule.isEmpty()) {
            schedules.putIfAbsent(schedule.get(0).loanNumber(), java.util.List.copyOf(schedule));
        }
    }

    @Override
    public java.util.List<ScheduledRepayment> schedule(String loanNumber) {
        return schedules.getOrDefault(loanNumber, java.util.List.of());
    }

    private final Map<String, LoanCollateral> collaterals = new ConcurrentHashMap<>();

    @Override
    public void saveCollateral(LoanCollateral collateral) {
        collaterals.putIfAbsent(collateral.loanNumber(), collateral);
    }

    @Override
    public Optional<LoanCollateral> collateral(String loanNumber) {
        return Optional.ofNullable(collaterals.get(loanNumber));
    }

    @Override
    public boolean revalueCollateral(String loanNumber, java.math.BigDecimal value, java.time.LocalDate on) {
        return collaterals.computeIfPresent(loanNumber, (n, c) -> new LoanCollateral(n, c.product(), c.propertyType(),
                c.soleResidence(), c.appraisedValue(), c.existingLiens(), c.appraisalSource(), value, on)) != null;
    }
}

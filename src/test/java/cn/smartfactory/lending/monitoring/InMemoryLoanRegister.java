package cn.smartfactory.lending.monitoring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The loan register for process tests that run without a database of the platform's own. */
public class InMemoryLoanRegister implements LoanRegister {

    private final Map<String, LoanRecord> loans = new ConcurrentHashMap<>();

    @Override
    public boolean register(LoanRecord loan) {
        return loans.putIfAbsent(loan.loanNumber(), loan) == null;
    }

    @Override
    public boolean updateStatus(String loanNumber, int daysOverdue, java.math.BigDecimal outstandingBalance,
                                String classification, String tier) {
        return loans.computeIfPresent(loanNumber, (n, l) -> new LoanRecord(l.loanNumber(), l.applicationId(),
                l.processInstanceId(), l.customerName(), l.industry(), l.product(), l.guaranteeType(), l.grade(), l.score(),
                l.approvedAmount(), l.disbursedAmount(), l.termMonths(), l.disbursedOn(), l.maturityDate(), outstandingBalance,
                daysOverdue, classification, tier, l.accountManager(), l.investigators(), l.approvers(), l.status())) != null;
    }

    @Override
    public void forEach(java.util.function.Consumer<LoanRecord> action) {
        new java.util.TreeMap<>(loans).values().forEach(action);
    }

    @Override
    public Optional<LoanRecord> find(String loanNumber) {
        return Optional.ofNullable(loans.get(loanNumber));
    }
}

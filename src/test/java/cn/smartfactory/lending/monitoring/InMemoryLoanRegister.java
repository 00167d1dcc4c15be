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
    public Optional<LoanRecord> find(String loanNumber) {
        return Optional.ofNullable(loans.get(loanNumber));
    }
}

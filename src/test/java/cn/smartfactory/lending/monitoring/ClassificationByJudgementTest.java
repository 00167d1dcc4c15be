package cn.smartfactory.lending.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.decision.DecisionRules;
import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.industry.IndustryCatalog;

/**
 * Classification by judgement as well as days: a bankrupt borrower 0 days overdue is no longer 正常; fraud and a
 * lost collateral make a loan bad (and say so to whoever reviews bad loans); restructuring and extension leave
 * it at least 关注; a judgement never improves a loan already worse.
 */
class ClassificationByJudgementTest {

    private static final DecisionRules RULES = StandaloneDecisionRules.fromClasspath(List.of("processes/post-loan-monitoring-rules.dmn"));

    private InMemoryLoanRegister register;
    private LoanMonitoring monitoring;
    private final List<String> bad = new ArrayList<>();

    @BeforeEach
    void loans() {
        register = new InMemoryLoanRegister();
        for (String n : List.of("LN-B", "LN-F", "LN-R", "LN-E", "LN-C", "LN-L")) {
            register.register(OverdueImportTest.loan(n, "A", "NORMAL"));
        }
        register.register(OverdueImportTest.loan("LN-D", "B", "DOUBTFUL"));
        monitoring = new LoanMonitoring(register, RULES, new MonitoringTier(RULES), IndustryCatalog.fromClasspath(),
                new RecordingMonitoringProcess(), (loan, trigger) -> bad.add(loan + ":" + trigger));
    }

    @Test
    void eventsSetAFloorTheDaysAloneWouldNot() {
        raise("LN-B", "BANKRUPTCY");
        raise("LN-F", "FRAUD");
        raise("LN-R", "RESTRUCTURING");
        raise("LN-E", "EXTENSION");
        raise("LN-C", "COLLATERAL_LOSS");
        raise("LN-L", "LITIGATION");
        raise("LN-D", "RESTRUCTURING");
        assertThat(classification("LN-B")).as("bankrupt, 0 days overdue").isEqualTo("DOUBTFUL");
        assertThat(classification("LN-F")).isEqualTo("SUBSTANDARD");
        assertThat(classification("LN-R")).isEqualTo("SPECIAL_MENTION");
        assertThat(classification("LN-E")).isEqualTo("SPECIAL_MENTION");
        assertThat(classification("LN-C")).isEqualTo("SUBSTANDARD");
        assertThat(classification("LN-L")).isEqualTo("SPECIAL_MENTION");
        assertThat(classification("LN-D")).as("a restructuring does not improve a doubtful loan").isEqualTo("DOUBTFUL");
        assertThat(register.find("LN-B").orElseThrow().daysOverdue()).isZero();
        assertThat(bad).containsExactly("LN-B:DOUBTFUL", "LN-F:SUBSTANDARD", "LN-C:SUBSTANDARD", "LN-D:DOUBTFUL");
    }

    private void raise(String loan, String type) {
        monitoring.raise(new LoanEvent("ev-" + loan + "-" + type, loan, type, LocalDate.of(2026, 11, 20), null, null, null,
                "事件 event", "core"));
    }

    private String classification(String loan) {
        return register.find(loan).orElseThrow().classification();
    }
}

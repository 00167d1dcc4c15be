package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.ANNUAL_RATE;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_TERM_MONTHS;
import static cn.smartfactory.lending.origination.LoanVariables.INDUSTRY;
import static cn.smartfactory.lending.origination.LoanVariables.REPAYMENT_STRUCTURE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.smartfactory.lending.industry.Industry;
import cn.smartfactory.lending.industry.IndustryCatalog;
import cn.smartfactory.lending.limit.RepaymentSchedule;
import cn.smartfactory.lending.monitoring.ScheduledRepayment;
import cn.smartfactory.lending.product.RepaymentStructure;

/**
 * The approved loan's repayment schedule from its process variables: the structure the customer applied for, the rate
 * it was priced at, the approved term, and for a seasonal schedule the industry's peak months. Every value is required;
 * a missing one is named, never taken as 0.
 */
@Component
public class RepaymentPlans {

    private final IndustryCatalog industries;

    public RepaymentPlans(IndustryCatalog industries) {
        this.industries = industries;
    }

    /** The schedule of {@code amount} paid out in {@code drawdown}: the first repayment falls in the following month. */
    public RepaymentSchedule schedule(Map<String, Object> variables, BigDecimal amount, YearMonth drawdown) {
        RepaymentStructure structure = RepaymentStructure.valueOf(required(variables, REPAYMENT_STRUCTURE).toString());
        Set<Integer> peaks = structure == RepaymentStructure.SEASONAL ? peakMonths(variables) : null;
        BigDecimal rate = new BigDecimal(required(variables, ANNUAL_RATE).toString());
        int term = new BigDecimal(required(variables, APPROVED_TERM_MONTHS).toString()).intValueExact();
        return new RepaymentSchedule.Plan(structure, drawdown.plusMonths(1), peaks).schedule(amount, rate, term);
    }

    /**
     * A seasonal loan's peak months as it was assessed (set at scoring); where scoring predates that, the industry's cycle
     * as the reference data has it now — and without a cycle there, a clear error rather than a guessed schedule.
     */
    private Set<Integer> peakMonths(Map<String, Object> variables) {
        Object assessed = variables.get(LoanVariables.PEAK_MONTHS);
        if (assessed != null && !assessed.toString().isBlank()) {
            return java.util.Arrays.stream(assessed.toString().split(",")).map(String::trim).map(Integer::valueOf)
                    .collect(java.util.stream.Collectors.toSet());
        }
        Industry industry = industries.get(required(variables, INDUSTRY).toString());
        if (industry.cycle() == null) {
            throw new IllegalStateException("旺季还本需要行业“" + industry.nameZh() + "”的经营周期,参考数据中没有 / A seasonal "
                    + "schedule needs the business cycle of " + industry.nameEn() + ", which the reference data lacks");
        }
        return Set.copyOf(industry.cycle().peakMonths());
    }

    /** The schedule as the loan register keeps it: due on the day of the month the money was paid out. */
    public static List<ScheduledRepayment> booked(String loanNumber, RepaymentSchedule schedule, LocalDate disbursedOn) {
        return schedule.instalments().stream().map(i -> new ScheduledRepayment(loanNumber, i.number(),
                i.month().atDay(Math.min(disbursedOn.getDayOfMonth(), i.month().lengthOfMonth())), i.payment(), i.interest(),
                i.principal(), i.balance(), schedule.structure().name())).toList();
    }

    private static Object required(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("还款计划缺少流程变量“" + name + "” / The repayment schedule needs the process "
                    + "variable '" + name + "', which is missing");
        }
        return value;
    }
}

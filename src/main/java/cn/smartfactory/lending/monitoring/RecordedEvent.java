package cn.smartfactory.lending.monitoring;

/** A handled loan event with the tier before and after it, as the register keeps it. */
public record RecordedEvent(LoanEvent event, String tierBefore, String tierAfter) {
}

package cn.smartfactory.lending.report;

import java.time.Instant;

/**
 * One step of the loan's history for the report's process trail: who did what, when, with which
 * outcome. Filled from the engine's history inside the process; empty outside it.
 *
 * @param completed null while the step is still open
 */
public record ProcessStep(String step, String performedBy, Instant started, Instant completed, String outcome) {
}

package cn.smartfactory.lending.operations;

import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import cn.smartfactory.lending.controls.ControlRefused;
import cn.smartfactory.lending.controls.SubmissionRefused;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every refusal the engine answers, whichever surface the call came through (Tasklist, the
 * engine's REST API, the platform's own API, a delegate): {@code lending_refusals_total{rule}} with the
 * control's rule code, {@code FORM_RULES} for a refused submission, {@code AUTHORIZATION} for a missing
 * permission, {@code BAD_REQUEST} for other bad input. Only the outermost command counts, so a refusal
 * passing through nested commands counts once.
 */
final class RefusalCounter extends CommandInterceptor {

    private final Supplier<MeterRegistry> registry;

    RefusalCounter(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public <T> T execute(Command<T> command) {
        boolean outermost = Context.getCommandContext() == null;
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            if (outermost) {
                String rule = rule(e);
                if (rule != null) {
                    registry.get().counter("lending.refusals", "rule", rule).increment();
                }
            }
            throw e;
        }
    }

    static String rule(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ControlRefused refused) {
                return refused.rule();
            }
            if (t instanceof SubmissionRefused) {
                return "FORM_RULES";
            }
            if (t instanceof AuthorizationException) {
                return "AUTHORIZATION";
            }
            if (t instanceof BadUserRequestException) {
                return "BAD_REQUEST";
            }
        }
        return null;
    }
}

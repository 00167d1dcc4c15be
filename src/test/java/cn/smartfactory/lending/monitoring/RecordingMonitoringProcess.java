package cn.smartfactory.lending.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records what the platform asked of the monitoring process, for tests that run without it. */
public class RecordingMonitoringProcess implements MonitoringProcess {

    /** One request: start, update, warn or repaid, for a loan, with its variables. */
    public record Call(String kind, String loanNumber, Map<String, Object> variables) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public void startIfAbsent(String loanNumber, Map<String, Object> variables) {
        if (calls.stream().noneMatch(c -> c.kind().equals("start") && c.loanNumber().equals(loanNumber))) {
            calls.add(new Call("start", loanNumber, Map.copyOf(variables)));
        }
    }

    @Override
    public void update(String loanNumber, Map<String, Object> variables) {
        calls.add(new Call("update", loanNumber, Map.copyOf(variables)));
    }

    @Override
    public void warn(String loanNumber, Map<String, Object> variables) {
        calls.add(new Call("warn", loanNumber, new java.util.HashMap<>(variables)));
    }

    @Override
    public void repaid(String loanNumber) {
        calls.add(new Call("repaid", loanNumber, Map.of()));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}

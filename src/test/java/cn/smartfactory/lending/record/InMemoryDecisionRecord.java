package cn.smartfactory.lending.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The decision record of the plain process tests (no database of the platform's own). */
public class InMemoryDecisionRecord implements DecisionRecord {

    private final List<RecordEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(RecordEntry entry) {
        entries.add(entry.appended(entries.size() + 1L, Instant.now()));
    }

    @Override
    public synchronized List<RecordEntry> entries(String applicationId) {
        return entries.stream().filter(e -> e.applicationId().equals(applicationId)).toList();
    }

    public synchronized List<RecordEntry> all() {
        return List.copyOf(entries);
    }
}

package cn.smartfactory.lending.record;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The append-only decision record: add a row, read a loan's rows. There is no update and no delete. */
public interface DecisionRecord {

    /** Appends the entry in the caller's transaction. */
    void append(RecordEntry entry);

    /** The application's entries in the order they were appended. */
    List<RecordEntry> entries(String applicationId);

    /** Everyone who performed the duty on the application. */
    default Set<String> actors(String applicationId, RecordEntry.Duty duty) {
        return entries(applicationId).stream().filter(e -> e.duty() == duty).map(RecordEntry::actor)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}

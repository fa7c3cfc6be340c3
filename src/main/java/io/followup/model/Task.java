package io.followup.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One distinct task as the store knows it: merged over all its source lines, with the owner resolved.
 * {@code writebackPending} is true when a change made in chat has not reached the note yet.
 */
public record Task(
        String id,
        String description,
        String owner,
        String ownerRaw,
        OwnerKind ownerKind,
        TaskStatus status,
        String statusSymbol,
        LocalDate due,
        LocalDate scheduled,
        LocalDate start,
        LocalDate created,
        LocalDate done,
        LocalDate cancelled,
        Priority priority,
        String recurrence,
        List<String> tags,
        String blockId,
        MeetingRef meeting,
        List<SourceRef> sources,
        boolean writebackPending) {

    public Task {
        tags = List.copyOf(tags);
        sources = List.copyOf(sources);
    }

    public boolean isOpen() {
        return !status.isClosed();
    }
}

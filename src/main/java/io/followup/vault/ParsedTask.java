package io.followup.vault;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A task line as read from a note, before owners are resolved or duplicates merged.
 * {@code line} is 1-based; {@code rawLine} is the repaired text of the whole line;
 * {@code ownerRaw} is the last @mention, else the heading's default owner, else null.
 */
public record ParsedTask(
        int line,
        String rawLine,
        String statusSymbol,
        TaskStatus status,
        String description,
        String ownerRaw,
        boolean ownerFromHeading,
        LocalDate due,
        LocalDate scheduled,
        LocalDate start,
        LocalDate created,
        LocalDate done,
        LocalDate cancelled,
        Priority priority,
        String recurrence,
        List<String> tags,
        String blockId) {

    public ParsedTask {
        tags = List.copyOf(tags);
    }
}

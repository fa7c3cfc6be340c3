package io.followup.vault.writeback;

import io.followup.model.OwnerKind;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;

/** Changed copies of a task, as TaskActions makes them. */
final class Tasks {

    private Tasks() {
    }

    static Task status(Task t, TaskStatus s, LocalDate done, LocalDate cancelled) {
        return new Task(t.id(), t.description(), t.owner(), t.ownerRaw(), t.ownerKind(), s, s.symbol(), t.due(),
                t.scheduled(), t.start(), t.created(), done, cancelled, t.priority(), t.recurrence(), t.tags(),
                t.blockId(), t.meeting(), t.sources(), t.writebackPending());
    }

    static Task done(Task t) {
        return status(t, TaskStatus.DONE, LocalDate.of(2025, 11, 2), null);
    }

    static Task due(Task t, LocalDate due) {
        return new Task(t.id(), t.description(), t.owner(), t.ownerRaw(), t.ownerKind(), t.status(), t.statusSymbol(),
                due, t.scheduled(), t.start(), t.created(), t.done(), t.cancelled(), t.priority(), t.recurrence(),
                t.tags(), t.blockId(), t.meeting(), t.sources(), t.writebackPending());
    }

    static Task owner(Task t, String owner) {
        return new Task(t.id(), t.description(), owner, owner, OwnerKind.PERSON, t.status(), t.statusSymbol(),
                t.due(), t.scheduled(), t.start(), t.created(), t.done(), t.cancelled(), t.priority(), t.recurrence(),
                t.tags(), t.blockId(), t.meeting(), t.sources(), t.writebackPending());
    }
}

package io.followup.tasks;

import io.followup.model.OwnerKind;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;

/** Copies of a task with one thing changed (records have no withers). */
final class TaskEdits {

    private TaskEdits() {
    }

    static Task status(Task t, TaskStatus status, LocalDate done, LocalDate cancelled) {
        return new Task(t.id(), t.description(), t.owner(), t.ownerRaw(), t.ownerKind(), status, status.symbol(),
                t.due(), t.scheduled(), t.start(), t.created(), done, cancelled, t.priority(), t.recurrence(), t.tags(),
                t.blockId(), t.meeting(), t.sources(), t.writebackPending());
    }

    static Task due(Task t, LocalDate due) {
        return new Task(t.id(), t.description(), t.owner(), t.ownerRaw(), t.ownerKind(), t.status(), t.statusSymbol(),
                due, t.scheduled(), t.start(), t.created(), t.done(), t.cancelled(), t.priority(), t.recurrence(), t.tags(),
                t.blockId(), t.meeting(), t.sources(), t.writebackPending());
    }

    static Task owner(Task t, String owner) {
        return new Task(t.id(), t.description(), owner, owner, OwnerKind.PERSON, t.status(), t.statusSymbol(),
                t.due(), t.scheduled(), t.start(), t.created(), t.done(), t.cancelled(), t.priority(), t.recurrence(), t.tags(),
                t.blockId(), t.meeting(), t.sources(), t.writebackPending());
    }

    static Task pending(Task t, boolean pending) {
        return new Task(t.id(), t.description(), t.owner(), t.ownerRaw(), t.ownerKind(), t.status(), t.statusSymbol(),
                t.due(), t.scheduled(), t.start(), t.created(), t.done(), t.cancelled(), t.priority(), t.recurrence(), t.tags(),
                t.blockId(), t.meeting(), t.sources(), pending);
    }
}

package io.followup.digest;

import io.followup.model.MeetingRef;
import io.followup.model.OwnerKind;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.List;

/** Small task fixtures for digest and schedule tests (fictional people). */
public final class TestTasks {

    public static final MeetingRef WEEKLY = new MeetingRef("m-weekly", "Weekly sync", LocalDate.of(2026, 3, 2));

    private TestTasks() {
    }

    public static Task task(String id, String description, String owner, TaskStatus status, LocalDate due) {
        return task(id, description, owner, owner == null ? null : OwnerKind.PERSON, status, due);
    }

    public static Task task(String id, String description, String owner, OwnerKind kind, TaskStatus status, LocalDate due) {
        return new Task(id, description, owner, owner, kind, status, status.symbol(), due, null, null, null,
                status == TaskStatus.DONE ? due : null, status == TaskStatus.CANCELLED ? due : null,
                null, null, List.of("task"), null, WEEKLY, List.of(new SourceRef("Meetings/2026-03-02 Weekly.md", 10)), false);
    }

    public static Task open(String id, String description, String owner, LocalDate due) {
        return task(id, description, owner, TaskStatus.OPEN, due);
    }
}

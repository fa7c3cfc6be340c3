package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedTask;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLinesTest {

    @Test
    void task_lines_read_back_exactly_as_written() {
        List<ParsedTask> tasks = List.of(
                new ParsedTask(3, "- [x] Ship the Zoë deck 📅 2026-03-05 ✅ 2026-03-04 #a #b ^blk", "x", TaskStatus.DONE,
                        "Ship the Zoë deck", "Zoë Ångström", true, LocalDate.of(2026, 3, 5), LocalDate.of(1969, 12, 31),
                        LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2026, 3, 4), null, Priority.HIGHEST,
                        "every week", List.of("#a", "#b"), "blk"),
                new ParsedTask(70000, "", " ", TaskStatus.OPEN, "", null, false, null, null, null, null, null, null, null, null,
                        List.of(), null),
                new ParsedTask(5, "x".repeat(100_000), "-", TaskStatus.CANCELLED, "\u0000\u001f", "", false, null, null, null,
                        null, null, LocalDate.of(2025, 1, 1), Priority.LOW, "", List.of(""), ""));
        assertEquals(tasks, TaskLines.decode(TaskLines.encode(tasks)));
        assertEquals(List.of(), TaskLines.decode(TaskLines.encode(List.of())));
    }
}

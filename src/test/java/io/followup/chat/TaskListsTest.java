package io.followup.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.followup.model.OwnerKind;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskListsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-04");

    static Task task(String id, TaskStatus status, String due, Priority p, String owner) {
        return new Task(id, "task " + id, owner, owner, OwnerKind.PERSON, status, status.symbol(), due == null ? null : LocalDate.parse(due),
                null, null, null, null, null, p, null, List.of(), null, null, List.of(new SourceRef("a.md", 1)), false);
    }

    @Test
    void personal_groups_in_order_overdue_today_upcoming_proposed_undated() {
        List<Task> tasks = List.of(
                task("nodate01", TaskStatus.OPEN, null, null, "A"),
                task("propos01", TaskStatus.PROPOSED, "2026-03-01", null, "A"),
                task("upcome01", TaskStatus.OPEN, "2026-03-10", null, "A"),
                task("today001", TaskStatus.IN_PROGRESS, "2026-03-04", null, "A"),
                task("overdu02", TaskStatus.OPEN, "2026-03-02", Priority.LOW, "A"),
                task("overdu01", TaskStatus.OPEN, "2026-03-02", Priority.HIGH, "A"),
                task("closed01", TaskStatus.DONE, "2026-03-01", null, "A"));
        List<TaskLists.Group> groups = TaskLists.personal(tasks, TODAY);
        assertEquals(List.of("Overdue", "Due today", "Upcoming", "Proposed (accept or decline)", "No due date"),
                groups.stream().map(TaskLists.Group::heading).toList());
        assertEquals(List.of("overdu01", "overdu02"), groups.get(0).tasks().stream().map(Task::id).toList());
    }

    @Test
    void pages_repeat_the_heading_and_end_with_more() {
        List<Task> tasks = java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> task(String.format("t%07d", i), TaskStatus.OPEN, null, null, "A")).toList();
        List<TaskLists.Group> groups = TaskLists.byOwner(tasks);
        List<Reply.Part> page2 = TaskLists.page(groups, 10, 10, TODAY);
        assertInstanceOf(Reply.Heading.class, page2.get(0));
        assertEquals(new Reply.More(20, 5), page2.get(page2.size() - 1));
        List<Reply.Part> page3 = TaskLists.page(groups, 20, 10, TODAY);
        assertEquals(6, page3.size());
    }

    @Test
    void a_page_redrawn_after_its_last_tasks_went_shows_the_last_page_not_nothing() {
        List<Task> tasks = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> task(String.format("t%07d", i), TaskStatus.OPEN, null, null, "A")).toList();
        List<TaskLists.Group> groups = TaskLists.byOwner(tasks);
        // page 3 (offset 20) held one task, now done: 20 remain, so pages 1 and 2
        List<Reply.Part> redrawn = TaskLists.page(groups, 20, 10, TODAY);
        assertEquals(11, redrawn.size());
        assertEquals("t0000010", ((Reply.TaskItem) redrawn.get(1)).task().id());
        assertEquals(0, TaskLists.page(List.of(), 20, 10, TODAY).size());
    }

    @Test
    void due_labels() {
        assertEquals("3 days overdue", DueLabels.of(task("x", TaskStatus.OPEN, "2026-03-01", null, "A"), TODAY));
        assertEquals("1 day overdue", DueLabels.of(task("x", TaskStatus.OPEN, "2026-03-03", null, "A"), TODAY));
        assertEquals("due today", DueLabels.of(task("x", TaskStatus.OPEN, "2026-03-04", null, "A"), TODAY));
        assertEquals("due tomorrow", DueLabels.of(task("x", TaskStatus.OPEN, "2026-03-05", null, "A"), TODAY));
        assertEquals("due in 5 days (2026-03-09)", DueLabels.of(task("x", TaskStatus.OPEN, "2026-03-09", null, "A"), TODAY));
        assertEquals("no due date", DueLabels.of(task("x", TaskStatus.OPEN, null, null, "A"), TODAY));
    }
}

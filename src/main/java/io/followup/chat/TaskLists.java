package io.followup.chat;

import io.followup.model.Priority;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Pure: groups and orders tasks for a reply, and cuts a page out of the groups. */
public final class TaskLists {

    /** A titled group of tasks. */
    public record Group(String heading, List<Task> tasks) {
        public Group {
            tasks = List.copyOf(tasks);
        }
    }

    /** Earliest due first, then highest priority (no priority counts as between medium and low), then vault order. */
    public static final Comparator<Task> ORDER = Comparator
            .comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(TaskLists::priorityRank)
            .thenComparing((Task t) -> t.sources().isEmpty() ? "" : t.sources().get(0).path())
            .thenComparingInt(t -> t.sources().isEmpty() ? 0 : t.sources().get(0).line())
            .thenComparing(Task::id);

    private TaskLists() {
    }

    /** The headings of {@link #personal}'s groups, in its order. */
    public static final List<String> PERSONAL_HEADINGS = List.of("Overdue", "Due today", "Upcoming", "Proposed (accept or decline)", "No due date");

    /** One person's tasks: overdue, due today, upcoming, proposed, without a date. */
    public static List<Group> personal(List<Task> tasks, LocalDate today) {
        Map<String, Predicate<Task>> buckets = new LinkedHashMap<>();
        buckets.put(PERSONAL_HEADINGS.get(0), t -> t.status() != TaskStatus.PROPOSED && t.due() != null && t.due().isBefore(today));
        buckets.put(PERSONAL_HEADINGS.get(1), t -> t.status() != TaskStatus.PROPOSED && today.equals(t.due()));
        buckets.put(PERSONAL_HEADINGS.get(2), t -> t.status() != TaskStatus.PROPOSED && t.due() != null && t.due().isAfter(today));
        buckets.put(PERSONAL_HEADINGS.get(3), t -> t.status() == TaskStatus.PROPOSED);
        buckets.put(PERSONAL_HEADINGS.get(4), t -> t.status() != TaskStatus.PROPOSED && t.due() == null);
        List<Group> groups = new ArrayList<>();
        buckets.forEach((heading, test) -> {
            List<Task> in = tasks.stream().filter(Task::isOpen).filter(test).sorted(ORDER).toList();
            if (!in.isEmpty()) {
                groups.add(new Group(heading, in));
            }
        });
        return groups;
    }

    /** The team's tasks grouped by owner (alphabetical, tasks without an owner last). */
    public static List<Group> byOwner(List<Task> tasks) {
        Map<String, List<Task>> byOwner = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Task> nobody = new ArrayList<>();
        for (Task t : tasks) {
            if (t.owner() == null) {
                nobody.add(t);
            } else {
                byOwner.computeIfAbsent(t.owner(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Group> groups = new ArrayList<>();
        byOwner.forEach((owner, list) -> groups.add(new Group(owner, list.stream().sorted(ORDER).toList())));
        if (!nobody.isEmpty()) {
            groups.add(new Group("No owner", nobody.stream().sorted(ORDER).toList()));
        }
        return groups;
    }

    /** A group known by its size only; its tasks are fetched a page at a time. */
    public record Sized(String heading, int size) {
    }

    /** Reads {@code limit} tasks of group {@code group} from {@code offset} within it. */
    public interface PageReader {
        List<Task> read(int group, int offset, int limit);
    }

    /**
     * The same parts as {@link #page} for groups held elsewhere (e.g. counted and paged in SQL): only the
     * tasks of the page are read.
     */
    public static List<Reply.Part> page(List<Sized> groups, PageReader reader, int offset, int pageSize, LocalDate today) {
        List<Reply.Part> parts = new ArrayList<>();
        int total = groups.stream().mapToInt(Sized::size).sum();
        offset = lastPageStartAtMost(offset, total, pageSize);
        int start = 0;
        int shown = 0;
        for (int g = 0; g < groups.size() && shown < pageSize; g++) {
            Sized group = groups.get(g);
            int from = Math.max(offset, start) - start;
            if (from < group.size()) {
                List<Task> tasks = reader.read(g, from, Math.min(pageSize - shown, group.size() - from));
                if (!tasks.isEmpty()) {
                    parts.add(new Reply.Heading(group.heading() + " (" + group.size() + ")"));
                    for (Task t : tasks) {
                        parts.add(item(t, today));
                    }
                    shown += tasks.size();
                }
            }
            start += group.size();
        }
        int next = offset + shown;
        if (next < total) {
            parts.add(new Reply.More(next, total - next));
        }
        return parts;
    }

    /** The parts of one page: headings (repeated on a new page), task items, and a More part when tasks remain. */
    public static List<Reply.Part> page(List<Group> groups, int offset, int pageSize, LocalDate today) {
        List<Reply.Part> parts = new ArrayList<>();
        int index = 0;
        int shown = 0;
        int total = groups.stream().mapToInt(g -> g.tasks().size()).sum();
        offset = lastPageStartAtMost(offset, total, pageSize);
        for (Group g : groups) {
            boolean headed = false;
            for (Task t : g.tasks()) {
                if (index >= offset && shown < pageSize) {
                    if (!headed) {
                        parts.add(new Reply.Heading(g.heading() + " (" + g.tasks().size() + ")"));
                        headed = true;
                    }
                    parts.add(item(t, today));
                    shown++;
                }
                index++;
            }
        }
        int next = offset + shown;
        if (next < total) {
            parts.add(new Reply.More(next, total - next));
        }
        return parts;
    }

    /**
     * A page redrawn after its last tasks were done (or moved away) would be empty: the list's last page is shown
     * instead.
     */
    static int lastPageStartAtMost(int offset, int total, int pageSize) {
        if (offset < total || total == 0) {
            return offset;
        }
        return (total - 1) / pageSize * pageSize;
    }

    public static Reply.TaskItem item(Task t, LocalDate today) {
        return new Reply.TaskItem(t, DueLabels.of(t, today), actions(t));
    }

    /** Open tasks: done, snooze, reassign (and claim when nobody owns it); proposed: accept, decline; closed: undo. */
    public static List<Reply.Action> actions(Task t) {
        return switch (t.status()) {
            case PROPOSED -> List.of(Reply.Action.ACCEPT, Reply.Action.DECLINE);
            case DONE, CANCELLED -> List.of(Reply.Action.UNDO);
            default -> t.owner() == null
                    ? List.of(Reply.Action.CLAIM, Reply.Action.DONE, Reply.Action.SNOOZE, Reply.Action.REASSIGN)
                    : List.of(Reply.Action.DONE, Reply.Action.SNOOZE, Reply.Action.REASSIGN);
        };
    }

    public static int count(List<Group> groups) {
        return groups.stream().mapToInt(g -> g.tasks().size()).sum();
    }

    static int priorityRank(Task t) {
        Priority p = t.priority();
        if (p == null) {
            return 3;
        }
        return switch (p) {
            case HIGHEST -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            case LOW -> 4;
            case LOWEST -> 5;
        };
    }

    static Set<String> owners(Task... tasks) {
        Set<String> s = new java.util.HashSet<>();
        for (Task t : tasks) {
            if (t != null && t.owner() != null) {
                s.add(t.owner());
            }
        }
        return s;
    }
}

package io.followup.chat;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.store.MeetingStore;
import io.followup.store.TaskEvent;
import io.followup.store.TaskStore;
import io.followup.tasks.Names;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The read-only /tasks answers: lists of tasks grouped and paged, a task's history, and name resolution. */
final class TaskQueries {

    private static final int SEARCH_LIMIT = 200;

    private final TaskStore tasks;
    private final MeetingStore meetings;
    private final Directory directory;
    /** When changes happened, in the configured zone (FOLLOWUP_TZ), as dates and "overdue" are. */
    private final DateTimeFormatter when;

    TaskQueries(TaskStore tasks, MeetingStore meetings, Directory directory, java.time.ZoneId zone) {
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
        this.tasks = tasks;
        this.meetings = meetings;
        this.directory = directory;
    }

    /** One person's open tasks, grouped as {@link TaskLists#personal}; counted and paged in SQL, never loaded whole. */
    Reply mine(String person, Reply.View view, int pageSize, LocalDate today) {
        Map<TaskStore.OpenGroup, Integer> counts = tasks.openByOwnerCounts(person, today);
        List<TaskStore.OpenGroup> order = List.of(TaskStore.OpenGroup.values());
        List<TaskLists.Sized> groups = new ArrayList<>();
        List<TaskStore.OpenGroup> present = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int n = counts.getOrDefault(order.get(i), 0);
            if (n > 0) {
                groups.add(new TaskLists.Sized(TaskLists.PERSONAL_HEADINGS.get(i), n));
                present.add(order.get(i));
            }
        }
        String title = "Open tasks of " + person;
        return list(title, groups, (g, offset, limit) -> tasks.openByOwnerPage(person, present.get(g), today, offset, limit),
                view, pageSize, today, "Nothing open for " + person + ". 🎉");
    }

    Reply overdue(String person, Reply.View view, int pageSize, LocalDate today) {
        return team("Overdue", person, t -> t.due() != null && t.due().isBefore(today), view, pageSize, today);
    }

    Reply due(Command.Window window, String person, Reply.View view, int pageSize, LocalDate today) {
        return switch (window) {
            case TODAY -> team("Due today", person, t -> today.equals(t.due()), view, pageSize, today);
            case TOMORROW -> team("Due tomorrow", person, t -> today.plusDays(1).equals(t.due()), view, pageSize, today);
            case WEEK -> team("Due in the next 7 days", person,
                    t -> t.due() != null && !t.due().isBefore(today) && !t.due().isAfter(today.plusDays(6)), view, pageSize, today);
        };
    }

    Reply owner(PersonRef who, Reply.View view, int pageSize, LocalDate today) {
        Optional<String> person = resolve(who);
        if (person.isEmpty()) {
            return Reply.notice("<@" + who.userId() + "> isn't linked to a person yet. An admin can run /tasks link @user Full Name.");
        }
        return mine(person.get(), view, pageSize, today);
    }

    Reply meeting(String words, Reply.View view, int pageSize, LocalDate today) {
        Optional<Meeting> m = meetings.byId(words.strip().toLowerCase(java.util.Locale.ROOT));
        List<Meeting> others = List.of();
        if (m.isEmpty()) {
            List<Meeting> found = meetings.search(words, 5);
            m = found.stream().findFirst();
            others = found.size() > 1 ? found.subList(1, found.size()) : List.of();
        }
        if (m.isEmpty()) {
            return Reply.notice("No meeting matches \"" + shorten(words) + "\". Try /meetings recent.");
        }
        Meeting meeting = m.get();
        List<Task> all = tasks.byMeeting(meeting.id()).stream().sorted(TaskLists.ORDER).toList();
        String title = meeting.title() + (meeting.date() == null ? "" : " (" + meeting.date() + ")");
        Reply reply = list("Action items of " + title, List.of(new TaskLists.Group(title, all)), view, pageSize, today,
                "The meeting " + title + " has no action items.");
        if (others.isEmpty() || view.offset() > 0) {
            return reply;
        }
        // the best match may not be the meeting meant: say which others matched, so a second try is one id away
        String also = "Also matching: " + String.join(" · ", others.stream().map(o -> shorten(o.title())
                + (o.date() == null ? "" : " (" + o.date() + ")") + " " + o.id()).toList()) + " — /tasks meeting <id>";
        List<Reply.Part> parts = new ArrayList<>(reply.parts());
        parts.add(1, new Reply.Text(also));
        return new Reply(reply.title(), parts, reply.view(), reply.notice(), reply.changedOwners());
    }

    Reply search(String words, Reply.View view, int pageSize, LocalDate today) {
        List<Long> found = tasks.searchRows(words, SEARCH_LIMIT);
        String heading = "Matching \"" + shorten(words) + "\"";
        return list("Tasks matching \"" + shorten(words) + "\"", List.of(new TaskLists.Sized(heading, found.size())),
                (g, offset, limit) -> tasks.bySearchRows(found.subList(offset, Math.min(found.size(), offset + limit))),
                view, pageSize, today, "No task matches \"" + shorten(words) + "\".");
    }

    Reply history(String id, List<TaskEvent> events) {
        Optional<Task> task = tasks.byId(id);
        if (task.isEmpty()) {
            return Reply.notice("No task has the id " + id + ".");
        }
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading("History of " + task.get().id() + ": " + task.get().description()));
        if (events.isEmpty()) {
            parts.add(new Reply.Text("No changes recorded since it was read from the notes."));
        }
        for (TaskEvent e : events) {
            String who = "vault".equals(e.actor()) ? "edited in the note (vault)"
                    : directory.personOf(e.actor()).map(p -> p + " (" + e.actor() + ")").orElse(e.actor());
            parts.add(new Reply.Text(when.format(e.at()) + " · " + who + " · " + e.action()
                    + (e.detail() == null ? "" : " · " + e.detail()) + (e.origin() == null ? "" : " · from " + e.origin())));
        }
        return new Reply("History of " + id, parts, null, true, Set.of());
    }

    /** The person a mention or a typed name means: linked chat user, else the known owner of that name. */
    Optional<String> resolve(PersonRef who) {
        if (who.userId() != null) {
            return directory.personOf(who.userId());
        }
        return Optional.of(canonicalName(who.name()));
    }

    /**
     * Who a task may be given to: a linked chat user, or a typed name that is someone's — a task owner's, or a
     * person's with a chat user (people file, link, workspace directory). A typo must not create a new owner.
     */
    Optional<String> assignee(PersonRef who) {
        if (who.userId() != null) {
            return directory.personOf(who.userId());
        }
        String name = canonicalName(who.name());
        String key = Names.key(name);
        boolean owner = tasks.knownOwners().stream().anyMatch(o -> Names.key(o).equals(key));
        return owner || directory.userOf(name).isPresent() ? Optional.of(name) : Optional.empty();
    }

    /** A known owner's spelling of the name (accents/case ignored, a unique first name or prefix), else the name. */
    String canonicalName(String name) {
        String key = Names.key(name);
        List<String> owners = tasks.knownOwners();
        for (String o : owners) {
            if (Names.key(o).equals(key)) {
                return o;
            }
        }
        List<String> partial = owners.stream().filter(o -> {
            String k = Names.key(o);
            return k.startsWith(key + " ") || List.of(k.split(" ")).contains(key);
        }).toList();
        return partial.size() == 1 ? partial.get(0) : name.strip();
    }

    private Reply team(String title, String person, Predicate<Task> test, Reply.View view, int pageSize, LocalDate today) {
        List<Task> open = person == null ? tasks.open() : tasks.openByOwner(person);
        List<Task> picked = open.stream().filter(Task::isOpen).filter(test).toList();
        String scope = person == null ? "" : " for " + person;
        return list(title + scope, TaskLists.byOwner(picked), view, pageSize, today, "Nothing " + title.toLowerCase(java.util.Locale.ROOT) + scope + ".");
    }

    private static Reply list(String title, List<TaskLists.Group> groups, Reply.View view, int pageSize, LocalDate today, String empty) {
        List<Reply.Part> parts = new ArrayList<>();
        int total = TaskLists.count(groups);
        parts.add(new Reply.Heading(title + " — " + total + (total == 1 ? " task" : " tasks")));
        if (total == 0) {
            parts.add(new Reply.Text(empty));
        } else {
            parts.addAll(TaskLists.page(groups, view.offset(), pageSize, today));
        }
        return new Reply(title, parts, view, false, Set.of());
    }

    private static Reply list(String title, List<TaskLists.Sized> groups, TaskLists.PageReader reader, Reply.View view, int pageSize,
                              LocalDate today, String empty) {
        List<Reply.Part> parts = new ArrayList<>();
        int total = groups.stream().mapToInt(TaskLists.Sized::size).sum();
        parts.add(new Reply.Heading(title + " — " + total + (total == 1 ? " task" : " tasks")));
        if (total == 0) {
            parts.add(new Reply.Text(empty));
        } else {
            parts.addAll(TaskLists.page(groups, reader, view.offset(), pageSize, today));
        }
        return new Reply(title, parts, view, false, Set.of());
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

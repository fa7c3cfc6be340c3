package io.followup.chat;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Reply} as plain text: the chat fallback text and what {@code followup ask} prints. */
public final class TextRenderer {

    private static final List<String> SECTION_ORDER = List.of("summary", "decisions", "key_facts", "outcomes", "risks", "open_questions");

    public String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Heading h) {
                out.append('\n').append(h.text()).append('\n');
            } else if (part instanceof Reply.Text t) {
                out.append(t.text()).append('\n');
            } else if (part instanceof Reply.TaskItem t) {
                out.append("  ").append(taskLine(t.task(), t.dueLabel())).append('\n');
            } else if (part instanceof Reply.MeetingItem m) {
                out.append(meeting(m)).append('\n');
            } else if (part instanceof Reply.More m) {
                out.append("… ").append(m.remaining()).append(" more (show more: offset ").append(m.nextOffset()).append(")\n");
            }
        }
        return out.toString().strip();
    }

    /** Shown with a task whose chat change has not reached its note yet. */
    public static final String NOT_IN_NOTE = "⚠ changed in chat, not yet in the note";

    /** One line per task: box, id, description, owner, due, priority, meeting (and the not-yet-in-the-note mark). */
    public static String taskLine(Task t, String dueLabel) {
        StringBuilder s = new StringBuilder();
        s.append(box(t.status())).append(" [").append(t.id()).append("] ").append(t.description());
        s.append(" — ").append(t.owner() == null ? "no owner" : t.owner());
        s.append(" · ").append(dueLabel);
        if (t.priority() != null) {
            s.append(" · ").append(t.priority().jsonName()).append(" priority");
        }
        if (t.meeting() != null) {
            s.append(" · ").append(t.meeting().title());
            if (t.meeting().date() != null) {
                s.append(" (").append(t.meeting().date()).append(')');
            }
        }
        if (t.writebackPending()) {
            s.append(" · ").append(NOT_IN_NOTE);
        }
        return s.toString();
    }

    public static String box(TaskStatus status) {
        return switch (status) {
            case DONE -> "[x]";
            case CANCELLED -> "[-]";
            case IN_PROGRESS -> "[/]";
            case PROPOSED -> "[?]";
            case OPEN -> "[ ]";
        };
    }

    private static String meeting(Reply.MeetingItem item) {
        Meeting m = item.meeting();
        StringBuilder s = new StringBuilder();
        s.append("# ").append(m.title()).append(m.date() == null ? "" : " (" + m.date() + ")").append(" [").append(m.id()).append("]\n");
        if (!item.full()) {
            long open = item.tasks().stream().filter(Task::isOpen).count();
            s.append("  ").append(count(m.participants().size(), "attendee")).append(" · ").append(count(item.tasks().size(), "action item"))
                    .append(", ").append(open).append(" open\n");
            return s.toString();
        }
        if (!m.participants().isEmpty()) {
            s.append("Attendees: ").append(String.join(", ", m.participants())).append('\n');
        }
        for (Map.Entry<String, String> e : sections(m)) {
            s.append(title(e.getKey())).append(":\n").append(e.getValue().strip()).append('\n');
        }
        if (!item.tasks().isEmpty()) {
            s.append("Action items:\n");
            s.append(item.tasks().stream().map(t -> "  " + box(t.status()) + " [" + t.id() + "] " + t.description()
                    + (t.owner() == null ? "" : " — " + t.owner())).collect(Collectors.joining("\n"))).append('\n');
        }
        return s.toString();
    }

    /** The meeting's readable sections in a fixed order (transcript left out). */
    public static List<Map.Entry<String, String>> sections(Meeting m) {
        return SECTION_ORDER.stream().filter(k -> m.sections().get(k) != null && !m.sections().get(k).isBlank())
                .map(k -> Map.entry(k, m.sections().get(k))).toList();
    }

    /** "1 attendee", "3 attendees". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public static String title(String sectionKey) {
        String s = sectionKey.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

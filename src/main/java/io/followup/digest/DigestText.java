package io.followup.digest;

import io.followup.digest.Digest.Group;
import io.followup.digest.Digest.Item;
import io.followup.digest.Digest.Section;
import io.followup.digest.Digest.SectionKind;
import io.followup.model.MeetingRef;
import io.followup.model.OwnerKind;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pure: the digest and reminders as plain text (dry runs, the terminal demo), and the phrases every renderer shares. */
public final class DigestText {

    private DigestText() {
    }

    public static String headline(Digest digest) {
        int n = digest.count();
        return "Followup digest for " + day(digest.today()) + ": "
                + (n == 0 ? "nothing due, nothing waiting" : plural(n, "task") + " to look at");
    }

    public static String sectionTitle(SectionKind kind, int lookaheadDays) {
        return switch (kind) {
            case OVERDUE -> "Overdue";
            case DUE_TODAY -> "Due today";
            case UPCOMING -> lookaheadDays == 1 ? "Due tomorrow" : "Due in the next " + lookaheadDays + " days";
            case PROPOSED -> "Proposed, waiting for the owner to accept";
            case UNASSIGNED -> "Unassigned: anyone can claim these";
        };
    }

    public static String groupTitle(Group group) {
        String who = group.owner() == null ? "No owner" : group.owner() + (group.ownerKind() == OwnerKind.TEAM ? " (team)" : "");
        return who + " (" + group.count() + ")";
    }

    /** When it is due and where it came from, e.g. "3 days late · Weekly sync, 2026-03-02". */
    public static String detail(Item item) {
        List<String> parts = new ArrayList<>();
        Integer d = item.daysFromToday();
        if (d != null) {
            if (d < 0) {
                parts.add(plural(-d, "day") + " late (due " + item.task().due() + ")");
            } else if (d == 0) {
                parts.add("due today");
            } else if (d == 1) {
                parts.add("due tomorrow");
            } else {
                parts.add("due " + day(item.task().due()));
            }
        }
        MeetingRef meeting = item.task().meeting();
        if (meeting != null) {
            parts.add("from " + meeting.title() + (meeting.date() == null ? "" : ", " + meeting.date()));
        }
        return String.join(" · ", parts);
    }

    /** One task as a line: description, id (what users type in commands), then the detail. */
    public static String line(Item item) {
        String detail = detail(item);
        return item.task().description() + " [" + item.task().id() + "]" + (detail.isEmpty() ? "" : " — " + detail);
    }

    public static String reminderHeadline(Reminder reminder, LocalDate today) {
        return (reminder.isTeam() ? reminder.owner() + ": " : "Your ") + "tasks for " + day(today) + ": "
                + String.join(", ", counts(reminder));
    }

    public static String channel(Digest digest) {
        StringBuilder out = new StringBuilder(headline(digest)).append('\n');
        for (Section section : digest.sections()) {
            out.append('\n').append(sectionTitle(section.kind(), digest.lookaheadDays())).append(" (").append(section.count()).append(")\n");
            for (Group group : section.groups()) {
                out.append("  ").append(groupTitle(group)).append('\n');
                for (Item item : group.items()) {
                    out.append("    • ").append(line(item)).append('\n');
                }
            }
        }
        return out.toString();
    }

    public static String reminder(Reminder reminder, LocalDate today) {
        StringBuilder out = new StringBuilder(reminderHeadline(reminder, today)).append('\n');
        appendList(out, "Overdue", reminder.overdue());
        appendList(out, "Due today", reminder.dueToday());
        appendList(out, "Due tomorrow", reminder.dueTomorrow());
        return out.toString();
    }

    private static void appendList(StringBuilder out, String title, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append(title).append(":\n");
        for (Item item : items) {
            out.append("  • ").append(line(item)).append('\n');
        }
    }

    private static List<String> counts(Reminder r) {
        List<String> c = new ArrayList<>();
        if (!r.overdue().isEmpty()) {
            c.add(r.overdue().size() + " overdue");
        }
        if (!r.dueToday().isEmpty()) {
            c.add(r.dueToday().size() + " due today");
        }
        if (!r.dueTomorrow().isEmpty()) {
            c.add(r.dueTomorrow().size() + " due tomorrow");
        }
        return c;
    }

    public static String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
    }

    public static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

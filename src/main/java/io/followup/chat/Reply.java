package io.followup.chat;

import io.followup.model.Meeting;
import io.followup.model.Task;
import java.util.List;
import java.util.Set;

/**
 * A platform-neutral answer: a title, parts to show in order, and the view (command + offset) that
 * produced it, so a chat adapter can redraw it after a button click. {@code notice} answers (refusals,
 * errors, confirmations) are shown only to the asker and never replace the message they came from.
 * {@code changedOwners} are the people whose tasks changed (their home views need a redraw).
 */
public record Reply(String title, List<Part> parts, View view, boolean notice, Set<String> changedOwners) {

    public Reply {
        parts = List.copyOf(parts);
        changedOwners = Set.copyOf(changedOwners);
    }

    /** The command text and paging offset that produced a list; HOME is the caller's home view. */
    public record View(String command, int offset) {
        public static final String HOME = "\u0000home";

        public boolean home() {
            return HOME.equals(command);
        }
    }

    /** What a button does to a task (CLAIM: the presser takes a task nobody owns). */
    public enum Action { DONE, SNOOZE, REASSIGN, ACCEPT, DECLINE, UNDO, CLAIM }

    /** The dates offered by a snooze menu: label and the input DateInput reads. */
    public record SnoozeChoice(String label, String input) {
        public static final List<SnoozeChoice> ALL = List.of(
                new SnoozeChoice("Tomorrow", "tomorrow"),
                new SnoozeChoice("Next Monday", "monday"),
                new SnoozeChoice("In a week", "+7d"));
    }

    /** One piece of a reply. */
    public sealed interface Part {
    }

    public record Heading(String text) implements Part {
    }

    public record Text(String text) implements Part {
    }

    /** A task with its due label ("3 days overdue") and the buttons it offers. */
    public record TaskItem(Task task, String dueLabel, List<Action> actions) implements Part {
        public TaskItem {
            actions = List.copyOf(actions);
        }
    }

    /** A meeting; {@code full} shows summary, decisions and action items, else one line. */
    public record MeetingItem(Meeting meeting, List<Task> tasks, boolean full) implements Part {
        public MeetingItem {
            tasks = List.copyOf(tasks);
        }
    }

    /** More items follow: the next page starts at {@code nextOffset}. */
    public record More(int nextOffset, int remaining) implements Part {
    }

    public static Reply notice(String text) {
        return new Reply(text, List.of(new Text(text)), null, true, Set.of());
    }

    public Reply withChangedOwners(Set<String> owners) {
        return new Reply(title, parts, view, notice, owners);
    }

    public Reply prepend(String text) {
        List<Part> all = new java.util.ArrayList<>();
        all.add(new Text(text));
        all.addAll(parts);
        return new Reply(title, all, view, notice, changedOwners);
    }
}

package io.followup.chat;

import java.util.List;

/** A parsed /tasks or /meetings command. Parsing never fails: anything unknown becomes {@link Help}. */
public sealed interface Command {

    /** Windows of {@code due ...}: today, tomorrow, the next seven days. */
    enum Window { TODAY, TOMORROW, WEEK }

    record MyTasks() implements Command { }

    record Overdue(boolean mine) implements Command { }

    record Due(Window window, boolean mine) implements Command { }

    record OwnerTasks(PersonRef who) implements Command { }

    record MeetingTasks(String words) implements Command { }

    record Search(String words) implements Command { }

    record Done(List<String> ids) implements Command {
        public Done {
            ids = List.copyOf(ids);
        }
    }

    record Undo(String id) implements Command { }

    record Snooze(String id, String when) implements Command { }

    record Assign(String id, PersonRef who) implements Command { }

    record Accept(String id) implements Command { }

    record Decline(String id) implements Command { }

    record WhoAmI() implements Command { }

    record History(String id) implements Command { }

    record Link(PersonRef user, String name) implements Command { }

    /** The caller's daily reminder settings: "off", "on", "at 08:30" or nothing (show them). */
    record Reminders(String args) implements Command { }

    /** Admins: what the daily digest and reminders delivered, and what failed. */
    record Digest() implements Command { }

    /** Help, with the reason it is shown (null when asked for). */
    record Help(String problem) implements Command { }

    /** /meetings: recent (query empty or "recent"), an id, or words to search. */
    record Meetings(String query) implements Command { }

    /** True for commands that change tasks. */
    default boolean changes() {
        return this instanceof Done || this instanceof Undo || this instanceof Snooze || this instanceof Assign
                || this instanceof Accept || this instanceof Decline;
    }
}

package io.followup.chat;

import java.util.List;

/** A parsed /tasks or /meetings command. Parsing never fails: anything unknown becomes {@link Help}. */
public sealed interface Command {

    /**
     * A command that may change something (tasks, links, reminder settings): a chat adapter makes sure a repeated
     * delivery of it is not applied twice. The others only read.
     */
    sealed interface Change extends Command { }

    /** Windows of {@code due ...}: today, tomorrow, the next seven days. */
    enum Window { TODAY, TOMORROW, WEEK }

    record MyTasks() implements Command { }

    record Overdue(boolean mine) implements Command { }

    record Due(Window window, boolean mine) implements Command { }

    record OwnerTasks(PersonRef who) implements Command { }

    record MeetingTasks(String words) implements Command { }

    record Search(String words) implements Command { }

    record Done(List<String> ids) implements Change {
        public Done {
            ids = List.copyOf(ids);
        }
    }

    record Undo(String id) implements Change { }

    record Snooze(String id, String when) implements Change { }

    record Assign(String id, PersonRef who) implements Change { }

    record Accept(String id) implements Change { }

    record Decline(String id) implements Change { }

    record WhoAmI() implements Command { }

    record History(String id) implements Command { }

    record Link(PersonRef user, String name) implements Change { }

    /** The caller's daily reminder settings: "off", "on", "at 08:30" or nothing (show them). */
    record Reminders(String args) implements Change { }

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

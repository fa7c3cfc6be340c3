package io.followup.chat;

import io.followup.tasks.Actor;

/** The help text and the answers about who the caller is. */
final class Help {

    private Help() {
    }

    static String text() {
        return """
                Followup — your meeting action items.
                /tasks — your open tasks (overdue first, then today, upcoming, proposed, no date)
                /tasks overdue · /tasks due today|tomorrow|week — the team's, by owner (add "mine" for yours)
                /tasks @someone · /tasks owner <name> — someone's open tasks
                /tasks meeting <words> — the action items of a meeting
                /tasks search <words> — find tasks
                /tasks done <id> [<id>…] · /tasks undo <id>
                /tasks snooze <id> <2026-03-05|+3d|tomorrow|monday|next week>
                /tasks assign <id> @someone · /tasks accept <id> · /tasks decline <id>
                /tasks history <id> · /tasks whoami · /tasks link @user Full Name (admins)
                /tasks reminders off|on|at 08:30 — your daily DM of what is due
                /tasks digest — what the daily digest and reminders delivered, and what failed (admins)
                /meetings [recent|<words>|<id>] — meetings with summary, decisions and action items""";
    }

    static String unlinked() {
        return "I don't know which person you are yet, so I can't show \"your\" tasks. "
                + "Ask an admin to run /tasks link @you Your Name (or to add your Slack id or email to the people file). "
                + "Meanwhile /tasks overdue, /tasks due week and /tasks owner <name> work for everyone.";
    }

    static String whoami(Actor actor) {
        String who = actor.linked() ? "You are " + actor.person() + " (chat user " + actor.userId() + ")." : unlinked();
        return who + (actor.admin() ? " You are an admin: you can act on anyone's task." : "");
    }
}

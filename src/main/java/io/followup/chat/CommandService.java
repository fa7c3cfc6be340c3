package io.followup.chat;

import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import io.followup.tasks.ActionResult;
import io.followup.tasks.Actor;
import io.followup.tasks.ReminderPrefs;
import io.followup.tasks.TaskActions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a chat command for a caller and says what to show: the one use-case entry point every chat
 * adapter (Slack, the CLI's {@code ask}) goes through. Never throws for bad input; faults are left to
 * the adapter, which turns them into a short ephemeral message.
 */
public final class CommandService {

    public static final int PAGE = 10;
    public static final int HOME_PAGE = 20;

    private final TaskStore tasks;
    private final TaskActions actions;
    private final Directory directory;
    private final Set<String> admins;
    private final Clock clock;
    private final CommandParser parser = new CommandParser();
    private final TaskQueries queries;
    private final MeetingReplies meetingReplies;
    private final ReminderPrefs reminders;
    private final DeliveryStatus deliveries;

    /** {@code reminders} answers /tasks reminders; {@code deliveries} answers /tasks digest for admins and warns them on their home. */
    public CommandService(TaskStore tasks, MeetingStore meetings, TaskActions actions, Directory directory,
                          Set<String> admins, Clock clock, ReminderPrefs reminders, DeliveryStatus deliveries) {
        this.reminders = reminders;
        this.deliveries = deliveries;
        this.tasks = tasks;
        this.actions = actions;
        this.directory = directory;
        this.admins = Set.copyOf(admins);
        this.clock = clock;
        this.queries = new TaskQueries(tasks, meetings, directory, clock.getZone());
        this.meetingReplies = new MeetingReplies(meetings, tasks);
    }

    /** /tasks with the given text, first page. */
    public Reply tasks(String userId, String text, String origin) {
        return tasks(userId, text, 0, origin);
    }

    /** /tasks with the given text, from {@code offset} (the "Show more" button). */
    public Reply tasks(String userId, String text, int offset, String origin) {
        Actor actor = actor(userId);
        String command = text == null ? "" : text.strip();
        Command c = parser.parseTasks(command);
        return run(actor, c, new Reply.View(command, Math.max(0, offset)), origin);
    }

    /**
     * The answer to /tasks text when it needs neither the store nor the directory (help, or text that does not
     * parse): chat adapters answer it at once, in the acknowledgement. Empty for every other command.
     */
    public Optional<Reply> immediate(String text) {
        Command c = parser.parseTasks(text == null ? "" : text.strip());
        if (c instanceof Command.Help h) {
            return Optional.of(help(h));
        }
        return Optional.empty();
    }

    /** Whether /tasks with this text is a {@link Command.Change}. */
    public boolean changes(String text) {
        return parser.parseTasks(text == null ? "" : text.strip()) instanceof Command.Change;
    }

    private static Reply help(Command.Help h) {
        return Reply.notice((h.problem() == null ? "" : h.problem() + "\n\n") + Help.text());
    }

    /** /meetings [recent|words|id]. */
    public Reply meetings(String userId, String text) {
        Command.Meetings m = (Command.Meetings) parser.parseMeetings(text);
        return meetingReplies.answer(m.query(), today());
    }

    /** The caller's home view: their tasks grouped as in /tasks, with the same buttons. */
    public Reply home(String userId, int offset) {
        Actor actor = actor(userId);
        Reply.View view = new Reply.View(Reply.View.HOME, Math.max(0, offset));
        Reply home = actor.linked() ? queries.mine(actor.person(), view, HOME_PAGE, today())
                : new Reply("Followup", List.of(new Reply.Heading("Your tasks"), new Reply.Text(Help.unlinked())), view, false, Set.of());
        return actor.admin() ? withDeliveryWarning(home) : home;
    }

    /** An admin's home says when today's digest or reminders could not be delivered. */
    private Reply withDeliveryWarning(Reply home) {
        int failed = deliveries.failedToday();
        return failed == 0 ? home : home.prepend("⚠️ " + failed + (failed == 1 ? " digest message" : " digest messages")
                + " could not be delivered today. /tasks digest shows which, why, and what to do.");
    }

    /** A button pressed on a task shown in {@code view}: do it, then redraw the view with what happened on top. */
    public Reply press(String userId, Reply.Action action, String taskId, String argument, Reply.View view, String origin) {
        Actor actor = actor(userId);
        ActionResult result = act(actor, action, taskId, argument, origin);
        if (result.kind() != ActionResult.Kind.CHANGED && result.kind() != ActionResult.Kind.UNCHANGED) {
            return Reply.notice(result.message());
        }
        Reply.View redraw = view == null ? new Reply.View("", 0) : view;
        Reply again = redraw.home() ? home(userId, redraw.offset()) : run(actor, parser.parseTasks(redraw.command()), redraw, origin);
        return again.prepend(mark(result) + result.message()).withChangedOwners(changedOwners(List.of(result)));
    }

    /**
     * A button pressed on a message that belongs to everyone (the channel digest, a reminder): do it and answer
     * the presser alone with what happened and the task as it is now; the message itself is not redrawn.
     */
    public Reply pressOnly(String userId, Reply.Action action, String taskId, String argument, String origin) {
        return actionReply(List.of(act(actor(userId), action, taskId, argument, origin)));
    }

    private ActionResult act(Actor actor, Reply.Action action, String taskId, String argument, String origin) {
        return switch (action) {
            case DONE -> actions.complete(actor, taskId, origin);
            case UNDO -> actions.reopen(actor, taskId, origin);
            case ACCEPT -> actions.accept(actor, taskId, origin);
            case DECLINE -> actions.decline(actor, taskId, origin);
            case CLAIM -> actions.claim(actor, taskId, origin);
            case SNOOZE -> snooze(actor, taskId, argument, origin);
            case REASSIGN -> reassign(actor, taskId, PersonRef.user(argument, null), origin);
        };
    }

    /** Who the chat user is: linked person (or null) and admin flag. */
    public Actor actor(String userId) {
        return new Actor(userId, directory.personOf(userId).orElse(null), userId != null && admins.contains(userId));
    }

    private Reply run(Actor actor, Command c, Reply.View view, String origin) {
        LocalDate today = today();
        if (c instanceof Command.MyTasks) {
            return actor.linked() ? queries.mine(actor.person(), view, PAGE, today) : Reply.notice(Help.unlinked());
        } else if (c instanceof Command.Overdue o) {
            return mineNeedsLink(actor, o.mine()).orElseGet(() -> queries.overdue(o.mine() ? actor.person() : null, view, PAGE, today));
        } else if (c instanceof Command.Due d) {
            return mineNeedsLink(actor, d.mine()).orElseGet(() -> queries.due(d.window(), d.mine() ? actor.person() : null, view, PAGE, today));
        } else if (c instanceof Command.OwnerTasks o) {
            return queries.owner(o.who(), view, PAGE, today);
        } else if (c instanceof Command.MeetingTasks m) {
            return queries.meeting(m.words(), view, PAGE, today);
        } else if (c instanceof Command.Search s) {
            return queries.search(s.words(), view, PAGE, today);
        } else if (c instanceof Command.Done d) {
            List<ActionResult> results = d.ids().stream().limit(20).map(id -> actions.complete(actor, id, origin)).toList();
            return actionReply(results);
        } else if (c instanceof Command.Undo u) {
            return actionReply(List.of(actions.reopen(actor, u.id(), origin)));
        } else if (c instanceof Command.Accept a) {
            return actionReply(List.of(actions.accept(actor, a.id(), origin)));
        } else if (c instanceof Command.Decline d) {
            return actionReply(List.of(actions.decline(actor, d.id(), origin)));
        } else if (c instanceof Command.Snooze s) {
            return actionReply(List.of(snooze(actor, s.id(), s.when(), origin)));
        } else if (c instanceof Command.Assign a) {
            return actionReply(List.of(reassign(actor, a.id(), a.who(), origin)));
        } else if (c instanceof Command.History h) {
            return queries.history(h.id(), actions.history(h.id()));
        } else if (c instanceof Command.WhoAmI) {
            return Reply.notice(Help.whoami(actor));
        } else if (c instanceof Command.Link l) {
            return link(actor, l);
        } else if (c instanceof Command.Reminders r) {
            String answer = reminders.handle(actor.userId(), r.args());
            return Reply.notice(actor.linked() ? answer : answer + "\nBut I don't know which person you are yet, so you won't get any"
                    + " until you are linked: ask an admin to run /tasks link @you Your Name.");
        } else if (c instanceof Command.Digest) {
            return digestStatus(actor);
        } else if (c instanceof Command.Meetings m) {
            return meetingReplies.answer(m.query(), today);
        }
        return help((Command.Help) c);
    }

    private Reply digestStatus(Actor actor) {
        if (!actor.admin()) {
            return Reply.notice("Only an admin (FOLLOWUP_ADMINS) can see what the digest delivered. Your own reminders: /tasks reminders.");
        }
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading("Digest delivery"));
        deliveries.summary().forEach(line -> parts.add(new Reply.Text(line)));
        return new Reply("Digest delivery", parts, null, true, Set.of());
    }

    private Optional<Reply> mineNeedsLink(Actor actor, boolean mine) {
        return mine && !actor.linked() ? Optional.of(Reply.notice(Help.unlinked())) : Optional.empty();
    }

    private ActionResult snooze(Actor actor, String taskId, String when, String origin) {
        Optional<LocalDate> date = DateInput.parse(when, today());
        if (date.isEmpty()) {
            return new ActionResult(ActionResult.Kind.INVALID, null, "I can't read \"" + shorten(when)
                    + "\" as a date. Try 2026-03-05, +3d, tomorrow, monday or next week.");
        }
        return actions.snooze(actor, taskId, date.get(), origin);
    }

    private ActionResult reassign(Actor actor, String taskId, PersonRef who, String origin) {
        Optional<String> person = queries.assignee(who);
        if (person.isEmpty() && who.userId() == null) {
            return new ActionResult(ActionResult.Kind.INVALID, null, "I don't know anyone called \"" + shorten(who.name())
                    + "\", so nothing was changed. Mention them (@name), or use a name from the notes; an admin can link someone new"
                    + " with /tasks link @user Full Name.");
        }
        if (person.isEmpty()) {
            return new ActionResult(ActionResult.Kind.INVALID, null, "<@" + who.userId()
                    + "> isn't linked to a person yet, so I can't give them tasks. An admin can run /tasks link @user Full Name.");
        }
        return actions.reassign(actor, taskId, person.get(), origin);
    }

    private Reply link(Actor actor, Command.Link l) {
        if (!actor.admin()) {
            return Reply.notice("Only an admin (FOLLOWUP_ADMINS) can link users to people.");
        }
        String name = queries.canonicalName(l.name());
        directory.link(l.user().userId(), name, actor.userId());
        return Reply.notice("Linked <@" + l.user().userId() + "> to " + name + ".");
    }

    private Reply actionReply(List<ActionResult> results) {
        List<Reply.Part> parts = new ArrayList<>();
        boolean anyShown = false;
        for (ActionResult r : results) {
            parts.add(new Reply.Text(mark(r) + r.message()));
            if (r.task() != null && (r.kind() == ActionResult.Kind.CHANGED || r.kind() == ActionResult.Kind.UNCHANGED)) {
                parts.add(TaskLists.item(r.task(), today()));
                anyShown = true;
            }
        }
        boolean allFailed = !anyShown;
        return new Reply(results.get(0).message(), parts, new Reply.View("", 0), allFailed, changedOwners(results));
    }

    private static Set<String> changedOwners(List<ActionResult> results) {
        Set<String> owners = new HashSet<>();
        for (ActionResult r : results) {
            if (r.changed()) {
                if (r.task() != null && r.task().owner() != null) {
                    owners.add(r.task().owner());
                }
                if (r.previousOwner() != null) {
                    owners.add(r.previousOwner());
                }
            }
        }
        return owners;
    }

    private static String mark(ActionResult r) {
        return switch (r.kind()) {
            case CHANGED -> "✅ ";
            case UNCHANGED -> "ℹ️ ";
            default -> "⚠️ ";
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

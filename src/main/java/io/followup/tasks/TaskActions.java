package io.followup.tasks;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskEvent;
import io.followup.store.TaskStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The things a person can do to a task from chat. Each checks who may (the owner or an admin), saves the
 * change with its history in one transaction, then asks the {@link TaskWriter} to carry it to the note.
 * Repeating an action is harmless: completing a done task answers "already done" and changes nothing.
 */
public final class TaskActions {

    private static final Logger LOG = LoggerFactory.getLogger(TaskActions.class);

    private final TaskStore tasks;
    private final TaskChangeStore changes;
    private final TaskWriter writer;
    private final Clock clock;

    public TaskActions(TaskStore tasks, TaskChangeStore changes, TaskWriter writer, Clock clock) {
        this.tasks = tasks;
        this.changes = changes;
        this.writer = writer;
        this.clock = clock;
    }

    /** What a rule decided: a changed task with its history detail, or no change with the reason. */
    private record Decision(Task after, String detail, String message, ActionResult.Kind noChangeKind) {
        static Decision change(Task after, String detail, String message) {
            return new Decision(after, detail, message, null);
        }

        static Decision same(String message) {
            return new Decision(null, null, message, ActionResult.Kind.UNCHANGED);
        }

        static Decision invalid(String message) {
            return new Decision(null, null, message, ActionResult.Kind.INVALID);
        }
    }

    private interface Rule {
        Decision decide(Task before, LocalDate today);
    }

    /** Null when the actor may act on the task, else the refusal to show. */
    private interface Permission {
        String refusal(Actor actor, Task task);
    }

    public ActionResult complete(Actor actor, String taskId, String origin) {
        return run(actor, taskId, "complete", origin, (t, today) -> switch (t.status()) {
            case DONE -> Decision.same("Already done" + (t.done() == null ? "" : " (" + t.done() + ")") + ": " + t.description());
            case CANCELLED -> Decision.invalid("This task was cancelled; undo it first if it should be done: " + t.description());
            default -> Decision.change(TaskEdits.status(t, TaskStatus.DONE, today, null), "done " + today,
                    "Marked done: " + t.description());
        });
    }

    /** Undo: a done or cancelled task is open again (without its done/cancelled date). */
    public ActionResult reopen(Actor actor, String taskId, String origin) {
        return run(actor, taskId, "reopen", origin, (t, today) -> t.status().isClosed()
                ? Decision.change(TaskEdits.status(t, TaskStatus.OPEN, null, null), "was " + t.status().jsonName(),
                "Reopened: " + t.description())
                : Decision.same("Already open: " + t.description()));
    }

    public ActionResult snooze(Actor actor, String taskId, LocalDate newDue, String origin) {
        return run(actor, taskId, "snooze", origin, (t, today) -> {
            if (t.status().isClosed()) {
                return Decision.invalid("This task is " + t.status().jsonName() + "; undo it before snoozing: " + t.description());
            }
            if (newDue.isBefore(today)) {
                return Decision.invalid("Snooze to a date from today on, not " + newDue + ".");
            }
            if (newDue.equals(t.due())) {
                return Decision.same("Already due " + newDue + ": " + t.description());
            }
            return Decision.change(TaskEdits.due(t, newDue), (t.due() == null ? "no date" : t.due().toString()) + " -> " + newDue,
                    "Snoozed to " + newDue + ": " + t.description());
        });
    }

    public ActionResult reassign(Actor actor, String taskId, String newOwner, String origin) {
        return run(actor, taskId, "reassign", origin, (t, today) -> {
            if (newOwner == null || newOwner.isBlank()) {
                return Decision.invalid("Say who should own it, e.g. assign " + t.id() + " @someone.");
            }
            if (Names.same(newOwner, t.owner())) {
                return Decision.same("Already owned by " + t.owner() + ": " + t.description());
            }
            return Decision.change(TaskEdits.owner(t, newOwner), (t.owner() == null ? "nobody" : t.owner()) + " -> " + newOwner,
                    "Reassigned to " + newOwner + ": " + t.description());
        });
    }

    /** A proposed task ([?]) becomes an open one. */
    public ActionResult accept(Actor actor, String taskId, String origin) {
        return run(actor, taskId, "accept", origin, (t, today) -> t.status() == TaskStatus.PROPOSED
                ? Decision.change(TaskEdits.status(t, TaskStatus.OPEN, null, null), "proposed -> open", "Accepted: " + t.description())
                : Decision.same("Not a proposed task (it is " + t.status().jsonName() + "): " + t.description()));
    }

    /** A proposed task ([?]) is cancelled. */
    public ActionResult decline(Actor actor, String taskId, String origin) {
        return run(actor, taskId, "decline", origin, (t, today) -> switch (t.status()) {
            case PROPOSED -> Decision.change(TaskEdits.status(t, TaskStatus.CANCELLED, null, today), "proposed -> cancelled",
                    "Declined: " + t.description());
            case CANCELLED -> Decision.same("Already declined: " + t.description());
            default -> Decision.same("Not a proposed task (it is " + t.status().jsonName() + "): " + t.description());
        });
    }

    /**
     * The presser becomes the owner: anyone linked may claim a task nobody owns; a task someone owns is
     * claimed only by an admin (who must be linked to a person to own it).
     */
    public ActionResult claim(Actor actor, String taskId, String origin) {
        return run(actor, taskId, "claim", origin, TaskActions::claimRefusal, (t, today) -> {
            if (Names.same(actor.person(), t.owner())) {
                return Decision.same("Already yours: " + t.description());
            }
            if (t.status().isClosed()) {
                return Decision.invalid("This task is " + t.status().jsonName() + "; there is nothing to claim: " + t.description());
            }
            return Decision.change(TaskEdits.owner(t, actor.person()), (t.owner() == null ? "nobody" : t.owner()) + " -> " + actor.person(),
                    "Claimed: " + t.description() + " is now " + actor.person() + "'s.");
        });
    }

    private static String claimRefusal(Actor actor, Task task) {
        if (!actor.linked()) {
            return "I don't know which person you are yet, so I can't give you tasks. Ask an admin to run /tasks link @you Your Name.";
        }
        if (task.owner() == null || actor.admin() || Names.same(actor.person(), task.owner())) {
            return null;
        }
        return "Task " + task.id() + " already belongs to " + task.owner() + "; only an admin can claim it. Nothing was changed.";
    }

    public List<TaskEvent> history(String taskId) {
        return changes.history(taskId);
    }

    /** The owner (names compared ignoring accents and case) or an admin. */
    public static boolean mayChange(Actor actor, Task task) {
        return actor.admin() || (actor.person() != null && Names.same(actor.person(), task.owner()));
    }

    private ActionResult run(Actor actor, String taskId, String action, String origin, Rule rule) {
        return run(actor, taskId, action, origin, (a, t) -> mayChange(a, t) ? null : refusal(a, t), rule);
    }

    private ActionResult run(Actor actor, String taskId, String action, String origin, Permission permission, Rule rule) {
        String id = taskId == null ? "" : taskId.strip().toLowerCase(Locale.ROOT);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Task> found = tasks.byId(id);
            if (found.isEmpty()) {
                return ActionResult.notFound(id);
            }
            Task before = found.get();
            String refusal = permission.refusal(actor, before);
            if (refusal != null) {
                return ActionResult.refused(before, refusal);
            }
            LocalDate today = LocalDate.now(clock);
            Decision d = rule.decide(before, today);
            if (d.after() == null) {
                return new ActionResult(d.noChangeKind(), before, d.message());
            }
            TaskEvent event = TaskEvent.of(before.id(), clock.instant(), actor.userId(), action, d.detail(), origin);
            // saved as pending first: an ingest landing before the note is written keeps the chat change
            Task after = TaskEdits.pending(d.after(), true);
            if (changes.apply(before, after, event)) {
                WriteResult written = writeBack(before, after);
                Task now = TaskEdits.pending(after, !written.written());
                return ActionResult.changed(before, now, d.message() + notWritten(written));
            }
            // someone changed the row between our read and write: read again and decide again
        }
        return tasks.byId(id).map(t -> ActionResult.unchanged(t, "The task changed while saving; look again and retry."))
                .orElse(ActionResult.notFound(id));
    }

    private WriteResult writeBack(Task before, Task after) {
        WriteResult result;
        try {
            result = writer.apply(before, after);
        } catch (RuntimeException e) {
            LOG.warn("write-back of task {} failed", after.id(), e);
            result = new WriteResult(WriteResult.Outcome.PENDING, "write-back failed", "the note could not be changed");
        }
        if (result == null) {
            result = new WriteResult(WriteResult.Outcome.PENDING, "no write-back result", null);
        }
        return result; // written: the writer has cleared the task's pending mark, in the transaction that records it
    }

    /** The sentence added to an answer when the note does not say it yet (or has a remark on the write); else empty. */
    static String notWritten(WriteResult r) {
        return switch (r.outcome()) {
            case WRITTEN -> r.remark() == null ? "" : "\n" + r.remark();
            case DISABLED -> "\nSaved in Followup; the note was not written because write-back is off (FOLLOWUP_WRITEBACK=off)"
                    + " — it will be written when write-back is on.";
            case PENDING -> "\nSaved in Followup; the note was not written" + (r.reason() == null ? "" : " (" + r.reason() + ")")
                    + " — it will be written when possible.";
        };
    }

    private static String refusal(Actor actor, Task task) {
        if (!actor.linked()) {
            return "I don't know which person you are yet, so I can't change tasks for you. "
                    + "Ask an admin to run /tasks link @you Your Name.";
        }
        if (task.owner() == null) {
            return "Task " + task.id() + " has no owner, so only an admin can change it.";
        }
        return "Only " + task.owner() + " (the owner) or an admin can change task " + task.id() + ". Nothing was changed.";
    }
}

package io.followup.store;

import io.followup.model.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Changes made to tasks from chat: updates the task row and records the event in one transaction.
 * The update only applies when the row still says what {@code before} says, so two clicks racing on the
 * same task change it once.
 */
public final class TaskChangeStore {

    private final Database db;

    public TaskChangeStore(Database db) {
        this.db = db;
    }

    /** Saves {@code after} over {@code before}; false (and nothing written) when the row changed meanwhile. */
    public boolean apply(Task before, Task after, TaskEvent event) {
        try {
            return db.write(h -> {
                int n = h.createUpdate("""
                        UPDATE tasks SET status = :status, status_symbol = :symbol, due = :due, done = :done,
                               cancelled = :cancelled, owner = :owner, owner_raw = :ownerRaw, owner_kind = :ownerKind,
                               writeback_pending = :pending
                         WHERE id = :id AND status = :bStatus AND due IS :bDue AND owner IS :bOwner
                               AND done IS :bDone AND cancelled IS :bCancelled""")
                        .bind("status", after.status().jsonName())
                        .bind("symbol", after.statusSymbol())
                        .bind("due", iso(after.due()))
                        .bind("done", iso(after.done()))
                        .bind("cancelled", iso(after.cancelled()))
                        .bind("owner", after.owner())
                        .bind("ownerRaw", after.ownerRaw())
                        .bind("ownerKind", after.ownerKind() == null ? null : after.ownerKind().jsonName())
                        .bind("pending", after.writebackPending() ? 1 : 0)
                        .bind("id", before.id())
                        .bind("bStatus", before.status().jsonName())
                        .bind("bDue", iso(before.due()))
                        .bind("bOwner", before.owner())
                        .bind("bDone", iso(before.done()))
                        .bind("bCancelled", iso(before.cancelled()))
                        .execute();
                if (n != 1) {
                    return false; // nothing was written: the row no longer says what before says
                }
                if (!java.util.Objects.equals(before.owner(), after.owner())) {
                    TaskSearchRows.reindex(h, before.id()); // found by the new owner's name at once
                }
                insert(h, event);
                return true;
            });
        } catch (RuntimeException e) {
            throw new Database.StoreException("Cannot save the change to task " + before.id() + ": " + Database.rootMessage(e), e);
        }
    }

    /** Records an event without changing the task (e.g. a write-back outcome). */
    public void record(TaskEvent event) {
        db.useWrite(h -> insert(h, event));
    }

    /** Every recorded change of the task, oldest first. */
    public List<TaskEvent> history(String taskId) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id, task_id, at, actor, action, detail, origin FROM task_events WHERE task_id = :id ORDER BY id")
                .bind("id", taskId)
                .map((rs, ctx) -> new TaskEvent(rs.getLong("id"), rs.getString("task_id"), Instant.parse(rs.getString("at")),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail"), rs.getString("origin")))
                .list());
    }

    private static void insert(Handle h, TaskEvent e) {
        h.createUpdate("INSERT INTO task_events(task_id, at, actor, action, detail, origin) VALUES (:t, :at, :actor, :action, :detail, :origin)")
                .bind("t", e.taskId()).bind("at", e.at().toString()).bind("actor", e.actor()).bind("action", e.action())
                .bind("detail", e.detail()).bind("origin", e.origin())
                .execute();
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}

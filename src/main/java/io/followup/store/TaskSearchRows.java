package io.followup.store;

import org.jdbi.v3.core.Handle;

/**
 * A task's row in the task search index (V9), indexed again from the task row as it is now. The ingest indexes
 * what it writes; this is for changes made from chat, which reach the index no other way: a reassign's new owner
 * would otherwise be searched under the old one's name, since the note rewritten by the write-back is taken into
 * the store without an ingest, and a later ingest finds the task row unchanged.
 */
final class TaskSearchRows {

    /** A task's row: its description (title) and its owner (body, {@link #body}); the rowid (tasks.search_rowid) first. */
    static final String INSERT = "INSERT INTO task_search(rowid, title, body) VALUES (?, ?, ?)";

    private TaskSearchRows() {
    }

    /** What a task is found by besides its description: its owner's name. */
    static String body(String owner) {
        return owner == null ? "" : owner;
    }

    /** Within the caller's write transaction. A fresh rowid moves search_seq on, which retires cached searches. */
    static void reindex(Handle h, String taskId) {
        var row = h.createQuery("SELECT description, owner, search_rowid FROM tasks WHERE id = :id").bind("id", taskId)
                .mapToMap().findOne();
        if (row.isEmpty()) {
            return;
        }
        Object old = row.get().get("search_rowid");
        if (old != null) {
            h.createUpdate("DELETE FROM task_search WHERE rowid = :r").bind("r", ((Number) old).longValue()).execute();
        }
        long next = h.createQuery("SELECT next FROM search_seq WHERE id = 0").mapTo(Long.class).findOne().orElse(1L);
        h.createUpdate("UPDATE search_seq SET next = :n WHERE id = 0").bind("n", next + 1).execute();
        h.createUpdate(INSERT).bind(0, next).bind(1, (String) row.get().get("description"))
                .bind(2, body((String) row.get().get("owner"))).execute();
        h.createUpdate("UPDATE tasks SET search_rowid = :r WHERE id = :id").bind("r", next).bind("id", taskId).execute();
    }
}

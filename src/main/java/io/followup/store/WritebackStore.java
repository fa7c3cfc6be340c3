package io.followup.store;

import io.followup.model.OwnerKind;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * What the vault write-back reads and records: the task lines as last ingested, the pending chat changes
 * not yet in a note (V4 pending_writes), and 'vault' history rows for changes made in a note.
 */
public final class WritebackStore {

    /** The fields of a task that chat can change and a note line shows. */
    public record State(TaskStatus status, String statusSymbol, LocalDate done, LocalDate cancelled, LocalDate due,
                        LocalDate scheduled, LocalDate start, String owner, String ownerRaw, OwnerKind ownerKind) {

        public static State of(Task t) {
            return new State(t.status(), t.statusSymbol(), t.done(), t.cancelled(), t.due(), t.scheduled(), t.start(),
                    t.owner(), t.ownerRaw(), t.ownerKind());
        }
    }

    /** A task line as the last ingest read it: repaired line text and description. */
    public record NoteLine(String path, int line, String rawLine, String description) {
    }

    /** A chat change waiting to reach the note. */
    public record Pending(String taskId, State base, State target, String reason, Instant since, int attempts) {
    }

    private final Database db;

    public WritebackStore(Database db) {
        this.db = db;
    }

    public Optional<NoteLine> noteLine(String path, int line) {
        return new NoteStore(db).taskLine(path, line)
                .map(t -> new NoteLine(path, t.line(), t.rawLine() == null ? "" : t.rawLine(), t.description() == null ? "" : t.description()));
    }

    public List<SourceRef> sources(String taskId) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT path, line FROM task_sources WHERE task_id = :id ORDER BY path, line")
                .bind("id", taskId)
                .map((rs, ctx) -> new SourceRef(rs.getString("path"), rs.getInt("line")))
                .list());
    }

    public Optional<String> description(String taskId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT description FROM tasks WHERE id = :id")
                .bind("id", taskId).mapTo(String.class).findOne());
    }

    public Optional<State> state(String taskId) {
        return db.jdbi().withHandle(h -> h.createQuery(STATE_SELECT + " WHERE id = :id")
                .bind("id", taskId).map((rs, ctx) -> state(rs, "")).findOne());
    }

    /**
     * The state of every task an ingest of {@code paths} may change: the tasks with a source line in those notes or
     * in a note of the same date (an ingest merges a date's notes again together): far fewer than every task when a
     * few notes changed.
     */
    public Map<String, State> statesAround(Collection<String> paths) {
        Map<String, State> out = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(paths))) {
                h.createQuery(STATE_SELECT + " WHERE id IN (SELECT ts.task_id FROM task_sources ts WHERE ts.path IN (<p>)"
                                + " UNION SELECT ts.task_id FROM task_sources ts JOIN notes n ON n.path = ts.path"
                                + " WHERE n.date IN (SELECT date FROM notes WHERE path IN (<p>) AND date IS NOT NULL))")
                        .bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString("id"), state(rs, "")))
                        .forEach(e -> out.put(e.getKey(), e.getValue()));
            }
        });
        return out;
    }

    /**
     * {@code paths} in batches an ingest can take one at a time: the notes of one stored date stay together (an
     * ingest merges a date's notes again as one), and dates are added to a batch until the notes it merges again
     * reach {@code notesPerBatch}; notes the store has no date for (new or undated) come last, each counted as one.
     */
    public List<List<String>> batchesByDate(Collection<String> paths, int notesPerBatch) {
        Set<String> wanted = new LinkedHashSet<>(paths);
        Map<String, LocalDate> dateOf = new HashMap<>();
        Map<LocalDate, Integer> notesOfDate = new HashMap<>();
        db.jdbi().useHandle(h -> {
            for (List<String> chunk : Sql.chunks(wanted)) {
                h.createQuery("SELECT n.path, n.date, (SELECT COUNT(*) FROM notes o WHERE o.date = n.date) FROM notes n"
                                + " WHERE n.path IN (<p>) AND n.date IS NOT NULL")
                        .bindList("p", chunk)
                        .map((rs, ctx) -> {
                            LocalDate date = Sql.date(rs.getString(2));
                            notesOfDate.put(date, rs.getInt(3));
                            return Map.entry(rs.getString(1), date);
                        })
                        .forEach(e -> dateOf.put(e.getKey(), e.getValue()));
            }
        });
        // the units an ingest merges: each date's notes (counting all of that date's notes), then each undated note
        Map<LocalDate, List<String>> byDate = new TreeMap<>();
        List<MergeUnit> units = new ArrayList<>();
        for (String p : wanted) {
            LocalDate d = dateOf.get(p);
            if (d != null) {
                byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(p);
            }
        }
        byDate.forEach((d, notes) -> units.add(new MergeUnit(notes, notesOfDate.get(d))));
        wanted.stream().filter(p -> !dateOf.containsKey(p)).forEach(p -> units.add(new MergeUnit(List.of(p), 1)));

        List<List<String>> out = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int merged = 0;
        for (MergeUnit unit : units) {
            batch.addAll(unit.changed());
            merged += unit.notesRead();
            if (merged >= notesPerBatch) {
                out.add(batch);
                batch = new ArrayList<>();
                merged = 0;
            }
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }

    /** Changed notes an ingest takes together (one date's, or one undated note), and how many notes it reads for them. */
    private record MergeUnit(List<String> changed, int notesRead) {
    }

    /** The states of the tasks with these ids (ids without a task are left out). */
    public Map<String, State> states(Collection<String> ids) {
        Map<String, State> out = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            for (List<String> chunk : Sql.chunks(ids)) {
                h.createQuery(STATE_SELECT + " WHERE id IN (<ids>)").bindList("ids", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString("id"), state(rs, "")))
                        .forEach(e -> out.put(e.getKey(), e.getValue()));
            }
        });
        return out;
    }

    /** Which of these tasks have a recurrence rule. */
    public Set<String> recurring(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        db.jdbi().useHandle(h -> {
            for (List<String> chunk : Sql.chunks(ids)) {
                out.addAll(h.createQuery("SELECT id FROM tasks WHERE recurrence IS NOT NULL AND id IN (<ids>)").bindList("ids", chunk)
                        .mapTo(String.class).list());
            }
        });
        return out;
    }

    private static final String STATE_SELECT = "SELECT id, status, status_symbol, done, cancelled, due, scheduled, start,"
            + " owner, owner_raw, owner_kind FROM tasks";

    /**
     * Records (or updates) a change not yet in the note and flags the task. A second change while one is
     * pending keeps the first one's base, so a later note edit is still told apart from ours.
     */
    public void markPending(String taskId, State base, State target, String reason, Instant at) {
        db.useWrite(h -> {
            Update upsert = h.createUpdate("""
                    INSERT INTO pending_writes (task_id, base_status, base_done, base_cancelled, base_due, base_scheduled,
                        base_start, base_owner, base_owner_raw, status, status_symbol, done, cancelled, due, scheduled,
                        start, owner, owner_raw, owner_kind, reason, since, attempts)
                    VALUES (:id, :b_status, :b_done, :b_cancelled, :b_due, :b_scheduled, :b_start, :b_owner, :b_owner_raw,
                        :status, :status_symbol, :done, :cancelled, :due, :scheduled, :start, :owner, :owner_raw,
                        :owner_kind, :reason, :since, 0)
                    ON CONFLICT(task_id) DO UPDATE SET status = excluded.status, status_symbol = excluded.status_symbol,
                        done = excluded.done, cancelled = excluded.cancelled, due = excluded.due,
                        scheduled = excluded.scheduled, start = excluded.start, owner = excluded.owner,
                        owner_raw = excluded.owner_raw, owner_kind = excluded.owner_kind, reason = excluded.reason
                    """)
                    .bind("id", taskId).bind("reason", reason).bind("since", at.toString());
            bindState(upsert, "b_", base);
            bindState(upsert, "", target);
            upsert.execute();
            setFlag(h, taskId, true);
        });
    }

    public void clearPending(String taskId) {
        clearPending(taskId, List.of());
    }

    /**
     * The change reached its notes: no longer pending, and in the same transaction the notes as the write-back left
     * them, where the store can take them without an ingest (a rewrite whose note the store has read since is skipped:
     * the watcher ingests it).
     */
    public void clearPending(String taskId, List<NoteStore.Rewrite> notes) {
        db.useWrite(h -> {
            h.createUpdate("DELETE FROM pending_writes WHERE task_id = :id").bind("id", taskId).execute();
            setFlag(h, taskId, false);
            for (NoteStore.Rewrite note : notes) {
                NoteStore.rewrite(h, note);
            }
        });
    }

    /** Whether any chat change is waiting to reach its note. */
    public boolean anyPending() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM pending_writes)").mapTo(Boolean.class).one());
    }

    public void countAttempt(String taskId, String reason) {
        db.useWrite(h -> h.createUpdate(
                        "UPDATE pending_writes SET attempts = attempts + 1, reason = :reason WHERE task_id = :id")
                .bind("id", taskId).bind("reason", reason).execute());
    }

    public List<Pending> pending() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM pending_writes ORDER BY since")
                .map((rs, ctx) -> new Pending(rs.getString("task_id"), baseState(rs), state(rs, ""),
                        rs.getString("reason"), Instant.parse(rs.getString("since")), rs.getInt("attempts")))
                .list());
    }

    /**
     * Puts a pending chat change back on the task row after an ingest re-derived the row from a note that
     * does not say it yet, so the change lives on in Followup until it can be written.
     */
    public void reassert(String taskId, State target) {
        db.useWrite(h -> {
            String ownerBefore = h.createQuery("SELECT owner FROM tasks WHERE id = :id").bind("id", taskId).mapTo(String.class)
                    .findOne().orElse(null);
            Update u = h.createUpdate("""
                    UPDATE tasks SET status = :status, status_symbol = :status_symbol, done = :done,
                        cancelled = :cancelled, due = :due, scheduled = :scheduled, start = :start, owner = :owner,
                        owner_raw = :owner_raw, owner_kind = :owner_kind, writeback_pending = 1
                    WHERE id = :id""").bind("id", taskId);
            bindState(u, "", target);
            u.execute();
            if (!java.util.Objects.equals(ownerBefore, target.owner())) {
                TaskSearchRows.reindex(h, taskId); // found by the owner the change gives, not the note's
            }
        });
    }

    /** A change someone made in the note itself: history row with actor 'vault'. */
    public void recordNoteEdit(String taskId, Instant at, String action, String detail) {
        db.useWrite(h -> h.createUpdate("""
                        INSERT INTO task_events (task_id, at, actor, action, detail, origin)
                        VALUES (:id, :at, 'vault', :action, :detail, 'note')""")
                .bind("id", taskId).bind("at", at.toString()).bind("action", action).bind("detail", detail).execute());
    }

    private static void setFlag(Handle h, String taskId, boolean pending) {
        h.createUpdate("UPDATE tasks SET writeback_pending = :p WHERE id = :id")
                .bind("p", pending ? 1 : 0).bind("id", taskId).execute();
    }

    private static void bindState(SqlStatement<?> s, String prefix, State st) {
        s.bind(prefix + "status", st.status().jsonName())
                .bind(prefix + "done", iso(st.done())).bind(prefix + "cancelled", iso(st.cancelled()))
                .bind(prefix + "due", iso(st.due())).bind(prefix + "scheduled", iso(st.scheduled()))
                .bind(prefix + "start", iso(st.start())).bind(prefix + "owner", st.owner())
                .bind(prefix + "owner_raw", st.ownerRaw());
        if (prefix.isEmpty()) {
            s.bind("status_symbol", st.statusSymbol() == null ? st.status().symbol() : st.statusSymbol())
                    .bind("owner_kind", st.ownerKind() == null ? null : st.ownerKind().jsonName());
        }
    }

    private static State state(ResultSet rs, String prefix) throws SQLException {
        return new State(TaskStatus.fromJsonName(rs.getString(prefix + "status")), rs.getString("status_symbol"),
                date(rs, prefix + "done"), date(rs, prefix + "cancelled"), date(rs, prefix + "due"),
                date(rs, prefix + "scheduled"), date(rs, prefix + "start"), rs.getString(prefix + "owner"),
                rs.getString(prefix + "owner_raw"), OwnerKind.fromJsonName(rs.getString("owner_kind")));
    }

    private static State baseState(ResultSet rs) throws SQLException {
        TaskStatus status = TaskStatus.fromJsonName(rs.getString("base_status"));
        return new State(status, status.symbol(), date(rs, "base_done"), date(rs, "base_cancelled"),
                date(rs, "base_due"), date(rs, "base_scheduled"), date(rs, "base_start"), rs.getString("base_owner"),
                rs.getString("base_owner_raw"), null);
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : LocalDate.parse(v);
    }
}

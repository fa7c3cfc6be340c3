package io.followup.store;

import io.followup.model.Meeting;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Writes an ingest: one transaction replaces the notes that changed and every task and meeting
 * sourced from the re-merged notes, keeping the search index in step. task_events is never touched.
 * The work happens in a {@link Session}, so an ingest can stream notes in and merge group by group
 * without holding the whole vault in memory.
 */
public final class IngestStore {

    private static final boolean TIMING = System.getProperty("followup.ingest.timing") != null;
    private final Database db;
    private final Consumer<String> checkpoint;

    public IngestStore(Database db) {
        this(db, stage -> { });
    }

    /** {@code checkpoint} is called inside the transaction after each stage ("notes", "meetings", "tasks"): a test seam. */
    public IngestStore(Database db, Consumer<String> checkpoint) {
        this.db = db;
        this.checkpoint = checkpoint;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or (on any exception) none of it. */
    public <T> T inTransaction(Function<Session, T> work) {
        long[] committing = {0};
        T out = StoreErrors.guard(db, () -> db.write(h -> {
            try (Session s = new Session(h)) {
                T result = work.apply(s);
                s.flush();
                s.restoreIndexes();
                s.saveSearchSeq();
                committing[0] = System.nanoTime();
                return result;
            }
        }));
        db.ingested();
        if (TIMING) {
            System.err.printf("ingest phase: %-40s %6d ms%n", "commit", (System.nanoTime() - committing[0]) / 1_000_000);
        }
        return out;
    }

    /** The text a note is found by: its distinct section texts, by section name. */
    static String searchBody(Map<String, String> sections) {
        Set<String> texts = new LinkedHashSet<>();
        new TreeMap<>(sections).values().stream().filter(v -> v != null && !v.isBlank()).forEach(texts::add);
        return String.join("\n\n", texts);
    }

    /**
     * A note's row as the store writes it, serialised ahead (on the reading threads, so the single
     * writing thread only binds values).
     */
    public record NoteRow(IngestBatch.NoteWrite write, String title, String participantsJson, String sectionsJson,
                          String warningsJson, String searchBody, byte[] tasks) {
    }

    public static NoteRow row(IngestBatch.NoteWrite w) {
        ParsedNote n = w.note();
        return new NoteRow(w, n.title() == null ? n.path() : n.title(), Json.write(n.participants()),
                Json.write(new LinkedHashMap<>(n.sections())), Json.write(n.warnings()), searchBody(n.sections()),
                TaskLines.encode(n.tasks()));
    }

    /** One ingest's transaction. */
    public final class Session implements AutoCloseable {
        private final Handle h;
        private final Connection c;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

        private long nextSearchRow;
        private final long firstSearchRow;
        private final int previousCacheSize;
        private final int previousTempStore;

        Session(Handle h) {
            this.h = h;
            this.c = h.getConnection();
            // a big page cache for the ingest only: the connection goes back to the pool, and eight connections each
            // keeping 32 MB of pages cost serve a quarter GB of memory
            this.previousCacheSize = h.createQuery("PRAGMA cache_size").mapTo(Integer.class).one();
            this.previousTempStore = h.createQuery("PRAGMA temp_store").mapTo(Integer.class).one();
            h.execute("PRAGMA temp_store = MEMORY");
            h.execute("PRAGMA cache_size = -32768");
            this.firstSearchRow = h.createQuery("SELECT next FROM search_seq WHERE id = 0").mapTo(Long.class).findOne().orElse(1L);
            this.nextSearchRow = firstSearchRow;
            deferIndexes();
        }

        /** The secondary indexes of the merged tables, dropped while they are loaded from empty; rebuilt before commit. */
        private final Map<String, String> deferred = new LinkedHashMap<>();

        /**
         * Into empty tasks, task_sources and meeting_notes tables (a first ingest), rows go in faster without their
         * secondary indexes, which are built once at the end, in the same transaction (a rollback restores them).
         */
        private void deferIndexes() {
            boolean empty = h.createQuery("SELECT NOT EXISTS (SELECT 1 FROM tasks) AND NOT EXISTS (SELECT 1 FROM task_sources) "
                    + "AND NOT EXISTS (SELECT 1 FROM meeting_notes)").mapTo(Boolean.class).one();
            if (!empty) {
                return;
            }
            h.createQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                            + "AND tbl_name IN ('tasks', 'task_sources', 'meeting_notes') ORDER BY name")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> deferred.put(e.getKey(), e.getValue()));
            deferred.keySet().forEach(name -> h.execute("DROP INDEX \"" + name.replace("\"", "\"\"") + "\""));
        }

        /** Builds the indexes {@link #deferIndexes()} dropped. */
        void restoreIndexes() {
            long t0 = System.nanoTime();
            deferred.values().forEach(h::execute);
            if (TIMING && !deferred.isEmpty()) {
                System.err.printf("ingest phase: %-40s %6d ms%n", "build deferred indexes", (System.nanoTime() - t0) / 1_000_000);
            }
            deferred.clear();
        }

        /** Saves the next free search row id; part of the transaction. */
        void saveSearchSeq() {
            if (nextSearchRow != firstSearchRow) {
                h.createUpdate("UPDATE search_seq SET next = :n WHERE id = 0").bind("n", nextSearchRow).execute();
            }
        }

        private void deleteSearchRows(String sql, Collection<String> keys) {
            List<Long> rows = new ArrayList<>();
            for (List<String> chunk : Sql.chunks(keys)) {
                h.createQuery(sql).bindList("k", chunk).mapTo(Long.class).forEach(rows::add);
            }
            run(() -> {
                PreparedStatement fts = ps("DELETE FROM search_index WHERE rowid = ?");
                for (Long r : rows) {
                    if (r != null) {
                        fts.setLong(1, r);
                        exec(fts);
                    }
                }
            });
        }

        private PreparedStatement ps(String sql) throws SQLException {
            PreparedStatement p = statements.get(sql);
            if (p == null) {
                p = c.prepareStatement(sql);
                statements.put(sql, p);
                sqlOf.put(p, sql);
            }
            return p;
        }

        private final Map<PreparedStatement, long[]> times = new java.util.IdentityHashMap<>();
        private final Map<PreparedStatement, String> sqlOf = new java.util.IdentityHashMap<>();

        private void exec(PreparedStatement p) throws SQLException {
            if (!TIMING) {
                p.executeUpdate();
                return;
            }
            long t0 = System.nanoTime();
            p.executeUpdate();
            long[] t = times.computeIfAbsent(p, k -> new long[2]);
            t[0] += System.nanoTime() - t0;
            t[1]++;
        }

        /** Statements with rows added but not executed, in the order they must run (parents first). */
        private final Map<PreparedStatement, int[]> pending = new LinkedHashMap<>();
        private int pendingRows;

        private void batch(PreparedStatement p) throws SQLException {
            batch(p, 0);
        }

        /** Text held by batched rows: notes' sections and search text are large, so a few hundred of them are run at once. */
        private long pendingChars;

        private void batch(PreparedStatement p, long chars) throws SQLException {
            p.addBatch();
            pending.computeIfAbsent(p, k -> new int[1])[0]++;
            pendingChars += chars;
            if (++pendingRows >= 2000 || pendingChars >= 4_000_000) {
                flushSql();
            }
        }

        private void flushSql() throws SQLException {
            // In the order the statements were first prepared: a parent table's rows before its children's.
            for (PreparedStatement p : statements.values()) {
                if (!pending.containsKey(p)) {
                    continue;
                }
                long t0 = System.nanoTime();
                p.executeBatch();
                if (TIMING) {
                    long[] t = times.computeIfAbsent(p, k -> new long[2]);
                    t[0] += System.nanoTime() - t0;
                    t[1] += pending.get(p)[0];
                }
            }
            pending.clear();
            // Then the rows sent as JSON, parents first (task_sources references tasks).
            for (JsonRows j : jsonRows) {
                j.run();
            }
            pendingRows = 0;
            pendingChars = 0;
        }

        /**
         * Rows of one INSERT sent to SQLite as one JSON array per run: binding one value instead of a value per
         * column per row (a JNI call each) halves the cost of the thousands of merged rows a first ingest writes.
         */
        private final class JsonRows {
            private final String sql;
            private final StringBuilder sb = new StringBuilder(1 << 16);
            private int rows;
            private boolean first;

            /** {@code sql} reads the row as {@code value->>0, value->>1, ...} FROM json_each(?). */
            JsonRows(String sql) {
                this.sql = sql;
            }

            JsonRows row() {
                sb.append(rows == 0 ? "[[" : ",[");
                first = true;
                return this;
            }

            private void comma() {
                if (!first) {
                    sb.append(',');
                }
                first = false;
            }

            JsonRows num(long n) {
                comma();
                sb.append(n);
                return this;
            }

            JsonRows str(String v) {
                comma();
                if (v == null) {
                    sb.append("null");
                    return this;
                }
                sb.append('"');
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    if (c == '"' || c == '\\') {
                        sb.append('\\').append(c);
                    } else if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('"');
                return this;
            }

            void end() throws SQLException {
                sb.append(']');
                rows++;
                if (++pendingRows >= 2000) {
                    flushSql();
                }
            }

            void run() throws SQLException {
                if (rows == 0) {
                    return;
                }
                sb.append(']');
                PreparedStatement p = ps(sql);
                p.setString(1, sb.toString());
                sb.setLength(0);
                rows = 0;
                exec(p);
            }
        }

        private final JsonRows taskRows = new JsonRows("INSERT INTO tasks(id, description, owner, owner_raw, owner_kind, status, "
                + "status_symbol, due, scheduled, start, created, done, cancelled, priority, recurrence, tags, block_id, meeting_id, "
                + "writeback_pending, search_rowid) SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, "
                + "value->>7, value->>8, value->>9, value->>10, value->>11, value->>12, value->>13, value->>14, value->>15, value->>16, "
                + "value->>17, value->>18, value->>19 FROM json_each(?)");
        private final JsonRows sourceRows = new JsonRows("INSERT OR IGNORE INTO task_sources(task_id, path, line, norm_text, occurrence) "
                + "SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)");
        private final JsonRows taskSearchRows = new JsonRows("INSERT INTO search_index(rowid, kind, ref, title, body) "
                + "SELECT value->>0, 'task', value->>1, value->>2, value->>3 FROM json_each(?)");
        private final List<JsonRows> jsonRows = List.of(taskRows, sourceRows, taskSearchRows);

        /** Runs every batched row: before reading, and before the transaction commits. */
        public void flush() {
            if (pendingRows > 0) {
                run(this::flushSql);
            }
        }

        public void checkpoint(String stage) {
            flush();
            checkpoint.accept(stage);
        }

        // ---- notes ------------------------------------------------------------------------------

        public void deleteNote(String path) {
            flush();
            deleteSearchRows("SELECT search_rowid FROM notes WHERE path IN (<k>)", List.of(path));
            run(() -> {
                PreparedStatement ns = ps("DELETE FROM note_content WHERE path = ?");
                ns.setString(1, path);
                exec(ns);
                PreparedStatement n = ps("DELETE FROM notes WHERE path = ?");
                n.setString(1, path);
                exec(n);
            });
        }

        /** Replaces the note's row, task lines and search entry. */
        public void writeNote(NoteRow row, boolean existed) {
            IngestBatch.NoteWrite w = row.write();
            ParsedNote n = w.note();
            if (existed) {
                deleteNote(n.path());
            }
            run(() -> {
                PreparedStatement p = ps("INSERT INTO notes(path, size, mtime_ms, content_hash, title, date, type, is_meeting, participants, "
                        + "warnings, search_rowid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                long searchRow = nextSearchRow++;
                p.setLong(11, searchRow);
                p.setString(1, n.path());
                p.setLong(2, w.size());
                p.setLong(3, w.mtimeMs());
                p.setString(4, w.hash());
                String title = row.title();
                p.setString(5, title);
                p.setString(6, Sql.iso(n.date()));
                p.setString(7, n.type());
                p.setInt(8, n.meeting() ? 1 : 0);
                p.setString(9, row.participantsJson());
                p.setString(10, row.warningsJson());
                exec(p);
                PreparedStatement ns = ps("INSERT INTO note_content(path, tasks, sections) VALUES (?, ?, ?)");
                ns.setString(1, n.path());
                ns.setBytes(2, row.tasks());
                ns.setString(3, row.sectionsJson());
                batch(ns, row.sectionsJson().length());
                PreparedStatement fts = ps("INSERT INTO search_index(rowid, kind, ref, title, body) VALUES (?, 'note', ?, ?, ?)");
                fts.setLong(1, searchRow);
                fts.setString(2, n.path());
                fts.setString(3, title);
                fts.setString(4, row.searchBody());
                batch(fts, row.searchBody().length());
            });
        }

        public void touch(NoteFingerprint f) {
            flush();
            run(() -> {
                PreparedStatement p = ps("UPDATE notes SET size = ?, mtime_ms = ? WHERE path = ?");
                p.setLong(1, f.size());
                p.setLong(2, f.mtimeMs());
                p.setString(3, f.path());
                exec(p);
            });
        }

        /** Each note's participants. */
        public Map<String, List<String>> participantsByPath() {
            flush();
            Map<String, List<String>> out = new HashMap<>();
            h.createQuery("SELECT path, participants FROM notes").map((rs, ctx) -> Map.entry(rs.getString(1), Json.strings(rs.getString(2))))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }

        /** Every participant named by any note: the names owner mentions may resolve to. */
        public List<String> allParticipants() {
            flush();
            Set<String> names = new LinkedHashSet<>();
            h.createQuery("SELECT DISTINCT participants FROM notes").mapTo(String.class).forEach(j -> names.addAll(Json.strings(j)));
            return new ArrayList<>(names);
        }

        /** The paths of the notes dated on each of {@code dates}. */
        public Map<LocalDate, List<String>> pathsByDate(Collection<LocalDate> dates) {
            flush();
            Map<LocalDate, List<String>> out = new HashMap<>();
            for (List<String> chunk : Sql.chunks(dates.stream().map(Sql::iso).toList())) {
                h.createQuery("SELECT date, path FROM notes WHERE date IN (<d>) ORDER BY path").bindList("d", chunk)
                        .map((rs, ctx) -> Map.entry(Sql.date(rs.getString(1)), rs.getString(2)))
                        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            }
            return out;
        }

        /** The notes at {@code paths} with their task lines, without sections (merging does not need them). */
        public List<ParsedNote> loadWithoutSections(Collection<String> paths) {
            flush();
            List<ParsedNote> out = new ArrayList<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                Map<String, List<ParsedTask>> tasks = new HashMap<>();
                h.createQuery("SELECT path, tasks FROM note_content WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), TaskLines.decode(rs.getBytes(2))))
                        .forEach(e -> tasks.put(e.getKey(), e.getValue()));
                h.createQuery("SELECT path, title, date, type, is_meeting, participants FROM notes WHERE path IN (<p>) ORDER BY path")
                        .bindList("p", chunk)
                        .map((rs, ctx) -> new ParsedNote(rs.getString("path"), rs.getString("title"), Sql.date(rs.getString("date")),
                                rs.getString("type"), rs.getInt("is_meeting") == 1, Json.strings(rs.getString("participants")), Map.of(),
                                tasks.getOrDefault(rs.getString("path"), List.of()), List.of()))
                        .forEach(out::add);
            }
            return out;
        }

        /** Each note's sections, as stored. */
        public Map<String, Map<String, String>> sections(Collection<String> paths) {
            flush();
            Map<String, Map<String, String>> out = new HashMap<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                h.createQuery("SELECT path, sections FROM note_content WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), Json.stringMap(rs.getString(2))))
                        .forEach(e -> out.put(e.getKey(), e.getValue()));
            }
            return out;
        }

        // ---- merged rows ------------------------------------------------------------------------

        /** What the store holds for the tasks and meetings sourced from {@code paths}. */
        public PreviousState previous(Collection<String> paths) {
            flush();
            Map<SourceIdentity, String> idBySource = new HashMap<>();
            Map<String, String> meetingByPath = new HashMap<>();
            Set<String> replacedIds = new HashSet<>();
            Set<String> pendingIds = new HashSet<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                h.createQuery("SELECT ts.path, ts.norm_text, ts.occurrence, ts.task_id, t.writeback_pending FROM task_sources ts "
                                + "JOIN tasks t ON t.id = ts.task_id WHERE ts.path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> new Object[] {new SourceIdentity(rs.getString(1), rs.getString(2), rs.getInt(3)),
                                rs.getString(4), rs.getInt(5) == 1})
                        .forEach(row -> {
                            String id = (String) row[1];
                            idBySource.putIfAbsent((SourceIdentity) row[0], id);
                            replacedIds.add(id);
                            if ((Boolean) row[2]) {
                                pendingIds.add(id);
                            }
                        });
                h.createQuery("SELECT path, meeting_id FROM meeting_notes WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> meetingByPath.put(e.getKey(), e.getValue()));
            }
            Map<String, Task> pending = new HashMap<>();
            TaskStore.byIds(h, pendingIds).forEach(t -> pending.put(t.id(), t));
            return new PreviousState(idBySource, pending, meetingByPath, replacedIds, new HashSet<>(meetingByPath.values()));
        }

        /** Deletes every task and meeting sourced from {@code paths}, with their search entries. */
        public void deleteDerived(Collection<String> paths) {
            flush();
            Set<String> taskIds = new HashSet<>();
            Set<String> meetingIds = new HashSet<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                taskIds.addAll(h.createQuery("SELECT DISTINCT task_id FROM task_sources WHERE path IN (<p>)").bindList("p", chunk)
                        .mapTo(String.class).list());
                meetingIds.addAll(h.createQuery("SELECT DISTINCT meeting_id FROM meeting_notes WHERE path IN (<p>)").bindList("p", chunk)
                        .mapTo(String.class).list());
            }
            deleteSearchRows("SELECT search_rowid FROM tasks WHERE id IN (<k>)", taskIds);
            for (List<String> chunk : Sql.chunks(taskIds)) {
                h.createUpdate("DELETE FROM task_sources WHERE task_id IN (<ids>)").bindList("ids", chunk).execute();
                h.createUpdate("DELETE FROM tasks WHERE id IN (<ids>)").bindList("ids", chunk).execute();
            }
            for (List<String> chunk : Sql.chunks(meetingIds)) {
                h.createUpdate("DELETE FROM meeting_notes WHERE meeting_id IN (<ids>)").bindList("ids", chunk).execute();
                h.createUpdate("DELETE FROM meetings WHERE id IN (<ids>)").bindList("ids", chunk).execute();
            }
        }

        /** Every task id in the store now. */
        public Set<String> taskIds() {
            flush();
            return new HashSet<>(h.createQuery("SELECT id FROM tasks").mapTo(String.class).list());
        }

        public Set<String> meetingIds() {
            flush();
            return new HashSet<>(h.createQuery("SELECT id FROM meetings").mapTo(String.class).list());
        }

        public boolean hasTask(String id) {
            return exists("SELECT 1 FROM tasks WHERE id = ?", id);
        }

        public boolean hasMeeting(String id) {
            return exists("SELECT 1 FROM meetings WHERE id = ?", id);
        }

        private boolean exists(String sql, String id) {
            flush();
            return call(() -> {
                PreparedStatement p = ps(sql);
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            });
        }

        public void insertMeeting(IngestBatch.MeetingWrite w) {
            Meeting m = w.meeting();
            run(() -> {
                // sections NULL: they are its notes' sections, merged by MeetingStore when read.
                PreparedStatement p = ps("INSERT INTO meetings(id, title, date, participants, sections) VALUES (?, ?, ?, ?, NULL)");
                p.setString(1, m.id());
                p.setString(2, m.title());
                p.setString(3, Sql.iso(m.date()));
                p.setString(4, Json.write(m.participants()));
                exec(p);
                PreparedStatement n = ps("INSERT OR IGNORE INTO meeting_notes(meeting_id, path) VALUES (?, ?)");
                for (SourceRef s : m.sources()) {
                    n.setString(1, m.id());
                    n.setString(2, s.path());
                    exec(n);
                }
            });
        }

        public void insertTasks(List<IngestBatch.TaskWrite> writes) {
            if (writes.isEmpty()) {
                return;
            }
            run(() -> {
                for (IngestBatch.TaskWrite w : writes) {
                    Task t = w.task();
                    long searchRow = nextSearchRow++;
                    taskRows.row().str(t.id()).str(t.description()).str(t.owner()).str(t.ownerRaw())
                            .str(t.ownerKind() == null ? null : t.ownerKind().jsonName()).str(t.status().jsonName())
                            .str(t.statusSymbol() == null ? t.status().symbol() : t.statusSymbol())
                            .str(Sql.iso(t.due())).str(Sql.iso(t.scheduled())).str(Sql.iso(t.start())).str(Sql.iso(t.created()))
                            .str(Sql.iso(t.done())).str(Sql.iso(t.cancelled())).str(t.priority() == null ? null : t.priority().jsonName())
                            .str(t.recurrence()).str(Json.write(t.tags())).str(t.blockId()).str(t.meeting() == null ? null : t.meeting().id())
                            .num(t.writebackPending() ? 1 : 0).num(searchRow).end();
                    for (int i = 0; i < t.sources().size(); i++) {
                        SourceRef s = t.sources().get(i);
                        SourceIdentity id = w.identities().get(i);
                        sourceRows.row().str(t.id()).str(s.path()).num(s.line()).str(id.normText()).num(id.occurrence()).end();
                    }
                    taskSearchRows.row().num(searchRow).str(t.id()).str(t.description()).str(t.owner() == null ? "" : t.owner()).end();
                }
            });
        }

        @Override
        public void close() {
            if (TIMING) {
                times.forEach((p, t) -> System.err.printf("ingest sql: %6d ms %7d x %s%n", t[0] / 1_000_000, t[1],
                        sqlOf.get(p).substring(0, Math.min(60, sqlOf.get(p).length()))));
            }
            for (PreparedStatement p : statements.values()) {
                try {
                    p.close();
                } catch (SQLException e) {
                    // closing a statement of a finished transaction: nothing to do
                }
            }
            try {
                h.execute("PRAGMA cache_size = " + previousCacheSize);
                h.execute("PRAGMA temp_store = " + previousTempStore);
            } catch (RuntimeException brokenConnection) {
                // the failure being unwound matters more; the pool drops a broken connection
            }
        }

        private void run(SqlWork work) {
            call(() -> {
                work.run();
                return null;
            });
        }

        private <T> T call(SqlCall<T> work) {
            try {
                return work.call();
            } catch (SQLException e) {
                throw new org.jdbi.v3.core.ConnectionException(e);
            }
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }
}

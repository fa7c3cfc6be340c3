package io.followup.store;

import io.followup.model.Meeting;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.nio.charset.StandardCharsets;
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

    private static final boolean TIMING = IngestTiming.ON;
    /** The full-text index of notes (kind 'note'; V1) and the one of tasks (V9): a task search scores tasks only. */
    private static final String NOTE_INDEX = "search_index";
    private static final String TASK_INDEX = "task_search";
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
        long[] committing = {0, 0};
        T out = StoreErrors.guard(db, () -> db.write(h -> {
            try (Session s = new Session(h)) {
                T result = work.apply(s);
                s.deleteReplacedLeftovers();
                s.flush();
                s.restoreIndexes();
                s.saveSearchSeq();
                committing[0] = System.nanoTime();
                committing[1] = TIMING ? IngestTiming.cpuNs() : 0;
                return result;
            }
        }));
        if (TIMING) {
            System.err.printf("ingest phase: %-40s %6d ms  (writer cpu %5d ms)%n", "commit", (System.nanoTime() - committing[0]) / 1_000_000,
                    (IngestTiming.cpuNs() - committing[1]) / 1_000_000);
        }
        return out;
    }


    /** The text a note is found by: its distinct section texts, by section name. */
    static String searchBody(Map<String, String> sections) {
        // Distinct by equals against the few kept so far, not by a hash set: hashing reads every character of
        // a transcript, while two different texts nearly always differ in length, which equals checks first.
        List<String> texts = new ArrayList<>(sections.size());
        for (String v : new TreeMap<>(sections).values()) {
            if (v != null && !v.isBlank() && !texts.contains(v)) {
                texts.add(v);
            }
        }
        return String.join("\n\n", texts);
    }

    /**
     * A note's row as the store writes it, serialised ahead (on the reading threads, so the single
     * writing thread only binds values). The search text is UTF-8 already: encoding a note's text
     * (a transcript, with emoji) was a quarter of the Java work of the writing thread.
     */
    public record NoteRow(IngestBatch.NoteWrite write, String title, String participantsJson, String sectionsJson,
                          String warningsJson, byte[] searchBodyUtf8, byte[] tasks) {

        /**
         * True when a notes row holding these values says of the note what this row would: its title, date, type,
         * whether it is a meeting, and its participants, all that merging reads of a note besides its task lines.
         */
        public boolean sameHeading(String storedTitle, String storedDate, String storedType, boolean storedMeeting,
                                   String storedParticipantsJson) {
            ParsedNote n = write.note();
            return title.equals(storedTitle) && java.util.Objects.equals(Sql.iso(n.date()), storedDate)
                    && java.util.Objects.equals(n.type(), storedType) && n.meeting() == storedMeeting
                    && participantsJson.equals(storedParticipantsJson);
        }
    }

    public static NoteRow row(IngestBatch.NoteWrite w) {
        ParsedNote n = w.note();
        return new NoteRow(w, n.title() == null ? n.path() : n.title(), Json.write(n.participants()),
                Json.write(shownSections(n.sections())), Json.write(n.warnings()), searchBody(n.sections()).getBytes(StandardCharsets.UTF_8), TaskLines.encode(n.tasks()));
    }

    /** The section that is searched but never shown: most of a note's text, so it is not stored (the note has it). */
    static final String TRANSCRIPT = "transcript";

    /**
     * The sections note_content keeps, for showing a meeting: all but the transcript. The transcript is
     * found through the search index (which has every section) and read nowhere else; storing it was
     * 120 of the 137 MB of section text a 10,000-note vault wrote.
     */
    static Map<String, String> shownSections(Map<String, String> sections) {
        Map<String, String> shown = new LinkedHashMap<>(sections);
        shown.remove(TRANSCRIPT);
        return shown;
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
            long c0 = TIMING ? IngestTiming.cpuNs() : 0;
            deferred.values().forEach(h::execute);
            if (TIMING && !deferred.isEmpty()) {
                System.err.printf("ingest phase: %-40s %6d ms  (writer cpu %5d ms)%n", "build deferred indexes",
                        (System.nanoTime() - t0) / 1_000_000, (IngestTiming.cpuNs() - c0) / 1_000_000);
            }
            deferred.clear();
        }

        /** Saves the next free search row id; part of the transaction. */
        void saveSearchSeq() {
            if (nextSearchRow != firstSearchRow) {
                h.createUpdate("UPDATE search_seq SET next = :n WHERE id = 0").bind("n", nextSearchRow).execute();
            }
        }

        private void deleteNoteSearchRows(String sql, Collection<String> keys) {
            List<Long> rows = new ArrayList<>();
            for (List<String> chunk : Sql.chunks(keys)) {
                h.createQuery(sql).bindList("k", chunk).mapTo(Long.class).forEach(r -> {
                    if (r != null) {
                        rows.add(r);
                    }
                });
            }
            deleteIndexRows(NOTE_INDEX, rows);
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
            pendingRows = 0;
            pendingChars = 0;
        }

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
            deleteNoteSearchRows("SELECT search_rowid FROM notes WHERE path IN (<k>)", List.of(path));
            run(() -> {
                PreparedStatement ns = ps("DELETE FROM note_content WHERE path = ?");
                ns.setString(1, path);
                exec(ns);
                PreparedStatement n = ps("DELETE FROM notes WHERE path = ?");
                n.setString(1, path);
                exec(n);
            });
        }

        /**
         * True when the store already holds, for this note, everything merging reads of it (title, date, type,
         * meeting or not, participants, task lines; see {@link #loadWithoutSections}): its meetings and tasks would
         * come out of a merge as they are. False for a note the store does not have.
         */
        public boolean sameMergeInput(NoteRow row) {
            flush();
            return h.createQuery("SELECT n.title, n.date, n.type, n.is_meeting, n.participants, c.tasks FROM notes n "
                            + "JOIN note_content c ON c.path = n.path WHERE n.path = :p")
                    .bind("p", row.write().note().path())
                    .map((rs, ctx) -> row.sameHeading(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1, rs.getString(5))
                            && java.util.Arrays.equals(row.tasks(), rs.getBytes(6)))
                    .findOne().orElse(false);
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
                // The body comes as UTF-8 bytes, read as text (CAST takes a blob's bytes as text as they are).
                PreparedStatement fts = ps("INSERT INTO " + NOTE_INDEX + "(rowid, kind, ref, title, body) VALUES (?, 'note', ?, ?, CAST(? AS TEXT))");
                fts.setLong(1, searchRow);
                fts.setString(2, n.path());
                fts.setString(3, title);
                fts.setBytes(4, row.searchBodyUtf8());
                batch(fts, row.searchBodyUtf8().length);
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

        /** The notes of each stored meeting that any of {@code paths} belongs to: one set of paths per meeting. */
        public Collection<Set<String>> meetingsOf(Collection<String> paths) {
            flush();
            Map<String, Set<String>> byMeeting = new HashMap<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                h.createQuery("SELECT meeting_id, path FROM meeting_notes WHERE meeting_id IN "
                                + "(SELECT meeting_id FROM meeting_notes WHERE path IN (<p>))").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> byMeeting.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
            }
            return byMeeting.values();
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
            Map<String, PreviousState.Seen> seen = new HashMap<>();
            Map<String, String> meetingByPath = new HashMap<>();
            Set<String> replacedIds = new HashSet<>();
            Set<String> pendingIds = new HashSet<>();
            Set<String> gone = new HashSet<>();
            // One String per distinct path, status and due date, not one per row: merging most of a vault again holds
            // ~110,000 rows here, and the copies were ~20 MB of the heap.
            Map<String, String> distinct = new HashMap<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                h.createQuery("SELECT ts.path, ts.norm_text, ts.occurrence, ts.task_id, t.writeback_pending, t.status, t.due "
                                + "FROM task_sources ts JOIN tasks t ON t.id = ts.task_id WHERE ts.path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> new Object[] {new SourceIdentity(one(distinct, rs.getString(1)), rs.getString(2), rs.getInt(3)),
                                rs.getString(4), rs.getInt(5) == 1,
                                new PreviousState.Seen(one(distinct, rs.getString(6)), one(distinct, rs.getString(7)))})
                        .forEach(row -> {
                            String id = (String) row[1];
                            idBySource.putIfAbsent((SourceIdentity) row[0], id);
                            seen.putIfAbsent(id, (PreviousState.Seen) row[3]);
                            replacedIds.add(id);
                            if ((Boolean) row[2]) {
                                pendingIds.add(id);
                            }
                        });
                h.createQuery("SELECT path, meeting_id FROM meeting_notes WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> meetingByPath.put(e.getKey(), e.getValue()));
                gone.addAll(chunk);
                h.createQuery("SELECT path FROM notes WHERE path IN (<p>)").bindList("p", chunk).mapTo(String.class)
                        .forEach(gone::remove);
            }
            Map<String, Task> pending = new HashMap<>();
            TaskStore.byIds(h, pendingIds).forEach(t -> pending.put(t.id(), t));
            return new PreviousState(idBySource, seen, pending, meetingByPath, replacedIds, new HashSet<>(meetingByPath.values()), gone);
        }

        /** The one String of {@code distinct} equal to {@code s} (null stays null). */
        private static String one(Map<String, String> distinct, String s) {
            return s == null ? null : distinct.computeIfAbsent(s, k -> k);
        }

        /**
         * Takes out every task and meeting sourced from {@code paths}. Meetings (and their note links) are deleted
         * now; tasks are only read: {@link #insertTasks} leaves a task written again exactly as stored where it is
         * and replaces the others, and {@link #deleteReplacedLeftovers} deletes those not written again, with their
         * search rows. So an edit of one note writes the rows of the tasks that changed, not of every task of its
         * date: a re-merged date has ~30 notes and ~360 tasks, whose rows (random ids, six indexes) were ~2,000
         * pages to write, and whose search rows cost ~0.4 ms each to delete from a 10,000-note index.
         */
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
            for (List<String> chunk : Sql.chunks(taskIds)) {
                Map<String, Set<StoredSource>> sources = new HashMap<>();
                h.createQuery("SELECT task_id, path, line, norm_text, occurrence FROM task_sources WHERE task_id IN (<k>)").bindList("k", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), new StoredSource(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5))))
                        .forEach(e -> sources.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
                h.createQuery("SELECT " + TASK_COLUMNS + ", search_rowid FROM tasks WHERE id IN (<k>)").bindList("k", chunk)
                        .map((rs, ctx) -> {
                            Object[] row = new Object[TASK_COLUMN_COUNT];
                            for (int i = 0; i < TASK_COLUMN_COUNT - 1; i++) {
                                row[i] = rs.getString(i + 1);
                            }
                            row[TASK_COLUMN_COUNT - 1] = rs.getInt(TASK_COLUMN_COUNT);
                            long search = rs.getLong(TASK_COLUMN_COUNT + 1);
                            Long searchRow = rs.wasNull() ? null : search;
                            String id = (String) row[0];
                            return Map.entry(id, new StoredTask(rowDigest(row, sources.getOrDefault(id, Set.of())), searchRow,
                                    searchTextDigest((String) row[1], (String) row[2])));
                        })
                        .forEach(e -> replaced.put(e.getKey(), e.getValue()));
            }
            for (List<String> chunk : Sql.chunks(meetingIds)) {
                h.createUpdate("DELETE FROM meeting_notes WHERE meeting_id IN (<ids>)").bindList("ids", chunk).execute();
                h.createUpdate("DELETE FROM meetings WHERE id IN (<ids>)").bindList("ids", chunk).execute();
            }
        }

        /** The columns of a task row as insertTasks writes them, search_rowid aside; writeback_pending (an int) last. */
        private static final String TASK_COLUMNS = "id, description, owner, owner_raw, owner_kind, status, status_symbol, due, scheduled, "
                + "start, created, done, cancelled, priority, recurrence, tags, block_id, meeting_id, writeback_pending";
        private static final int TASK_COLUMN_COUNT = 19;

        /** A source line of a task as task_sources holds it. */
        private record StoredSource(String path, int line, String normText, int occurrence) {
        }

        /**
         * A task taken out by deleteDerived, as much of it as insertTasks needs: a digest of its row and sources (to
         * tell a task written again exactly as stored), its search row (or null) and a digest of the text that row
         * indexes. Digests, not the values: a start-up re-ingest of a large vault takes out most of its tasks, and
         * their rows as strings (~1.5 KB each) did not fit serve's heap.
         */
        private record StoredTask(RowDigest row, Long searchRow, RowDigest searchText) {
        }

        /** The tasks deleteDerived took out and insertTasks has not written again yet, by id. */
        private final Map<String, StoredTask> replaced = new HashMap<>();

        /** Deletes the replaced tasks that were not written again, with their sources and search rows; before commit. */
        void deleteReplacedLeftovers() {
            flush();
            List<Long> searchRows = new ArrayList<>();
            replaced.values().forEach(t -> {
                if (t.searchRow() != null) {
                    searchRows.add(t.searchRow());
                }
            });
            deleteTaskRows(new ArrayList<>(replaced.keySet()));
            replaced.clear();
            deleteIndexRows(TASK_INDEX, searchRows);
        }

        private void deleteTaskRows(Collection<String> ids) {
            for (List<String> chunk : Sql.chunks(ids)) {
                h.createUpdate("DELETE FROM task_sources WHERE task_id IN (<ids>)").bindList("ids", chunk).execute();
                h.createUpdate("DELETE FROM tasks WHERE id IN (<ids>)").bindList("ids", chunk).execute();
            }
        }

        private void deleteIndexRows(String index, Collection<Long> rows) {
            if (rows.isEmpty()) {
                return;
            }
            nextSearchRow++; // search_seq moves on with every change to the index, deletions too: cached searches go stale
            run(() -> {
                PreparedStatement fts = ps("DELETE FROM " + index + " WHERE rowid = ?");
                for (long r : rows) {
                    fts.setLong(1, r);
                    exec(fts);
                }
            });
        }

        /** Every task id in the store now, compactly; a hit is confirmed with {@link #hasTask}. */
        public IdSet taskIds() {
            return ids("SELECT id FROM tasks");
        }

        /** Every meeting id, compactly; a hit is confirmed with {@link #hasMeeting}. */
        public IdSet meetingIds() {
            return ids("SELECT id FROM meetings");
        }

        private IdSet ids(String sql) {
            flush();
            try (java.util.stream.Stream<String> ids = h.createQuery(sql).mapTo(String.class).stream()) {
                return new IdSet(ids.mapToLong(IdSet::hash).toArray());
            }
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

        /**
         * Batched like the notes: a bound value per column is cheaper than the JSON array per 2,000 rows that was
         * tried before (measured on the 112,000 tasks of a 10,000-note vault: 1.5 s against 4.1 s of CPU for the
         * tasks and their sources), as SQLite then neither parses the JSON nor extracts each value from it.
         */
        public void insertTasks(List<IngestBatch.TaskWrite> writes) {
            if (writes.isEmpty()) {
                return;
            }
            // A replaced task written again exactly as stored stays as it is; one that changed is deleted here (at
            // once, before the batched rows run) and written again, keeping its search row if its text is the same.
            List<Object[]> rows = new ArrayList<>(writes.size());
            List<StoredTask> before = new ArrayList<>(writes.size());
            List<String> changed = new ArrayList<>();
            for (IngestBatch.TaskWrite w : writes) {
                Object[] row = taskRow(w.task());
                StoredTask old = replaced.remove(w.task().id());
                boolean same = old != null && old.row().equals(rowDigest(row, storedSources(w)));
                rows.add(same ? null : row);
                before.add(old);
                if (old != null && !same) {
                    changed.add(w.task().id());
                }
            }
            deleteTaskRows(changed);
            List<Long> staleSearch = new ArrayList<>();
            run(() -> {
                // Prepared in this order, so a flush writes tasks before the sources that reference them.
                PreparedStatement tp = ps("INSERT INTO tasks(" + TASK_COLUMNS + ", search_rowid) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement sp = ps("INSERT OR IGNORE INTO task_sources(task_id, path, line, norm_text, occurrence) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement fts = ps(TaskSearchRows.INSERT);
                for (int k = 0; k < writes.size(); k++) {
                    Object[] row = rows.get(k);
                    if (row == null) {
                        continue;
                    }
                    IngestBatch.TaskWrite w = writes.get(k);
                    Task t = w.task();
                    String searchBody = TaskSearchRows.body(t.owner());
                    StoredTask old = before.get(k);
                    boolean indexed = old != null && old.searchRow() != null
                            && old.searchText().equals(searchTextDigest(t.description(), t.owner()));
                    if (old != null && old.searchRow() != null && !indexed) {
                        staleSearch.add(old.searchRow());
                    }
                    long searchRow = indexed ? old.searchRow() : nextSearchRow++;
                    for (int i = 0; i < TASK_COLUMN_COUNT - 1; i++) {
                        tp.setString(i + 1, (String) row[i]);
                    }
                    tp.setInt(TASK_COLUMN_COUNT, (Integer) row[TASK_COLUMN_COUNT - 1]);
                    tp.setLong(TASK_COLUMN_COUNT + 1, searchRow);
                    batch(tp);
                    for (int i = 0; i < t.sources().size(); i++) {
                        SourceRef s = t.sources().get(i);
                        SourceIdentity id = w.identities().get(i);
                        sp.setString(1, t.id());
                        sp.setString(2, s.path());
                        sp.setInt(3, s.line());
                        sp.setString(4, id.normText());
                        sp.setInt(5, id.occurrence());
                        batch(sp);
                    }
                    if (!indexed) {
                        fts.setLong(1, searchRow);
                        fts.setString(2, t.description());
                        fts.setString(3, searchBody);
                        batch(fts);
                    }
                }
            });
            deleteIndexRows(TASK_INDEX, staleSearch);
        }

        /** The values insertTasks writes for a task, in {@link #TASK_COLUMNS} order. */
        private static Object[] taskRow(Task t) {
            return new Object[] {t.id(), t.description(), t.owner(), t.ownerRaw(), t.ownerKind() == null ? null : t.ownerKind().jsonName(),
                t.status().jsonName(), t.statusSymbol() == null ? t.status().symbol() : t.statusSymbol(), Sql.iso(t.due()),
                Sql.iso(t.scheduled()), Sql.iso(t.start()), Sql.iso(t.created()), Sql.iso(t.done()), Sql.iso(t.cancelled()),
                t.priority() == null ? null : t.priority().jsonName(), t.recurrence(), t.tags().isEmpty() ? "[]" : Json.write(t.tags()),
                t.blockId(), t.meeting() == null ? null : t.meeting().id(), t.writebackPending() ? 1 : 0};
        }

        /** A task row's values and its sources (in a fixed order), digested. */
        private static RowDigest rowDigest(Object[] row, Set<StoredSource> sources) {
            RowDigest.Builder d = new RowDigest.Builder();
            for (Object v : row) {
                d.add(v == null ? null : v.toString());
            }
            sources.stream().sorted(java.util.Comparator.comparing(StoredSource::path).thenComparingInt(StoredSource::line)
                    .thenComparing(StoredSource::normText).thenComparingInt(StoredSource::occurrence)).forEach(src -> {
                        d.add(src.path());
                        d.add(Integer.toString(src.line()));
                        d.add(src.normText());
                        d.add(Integer.toString(src.occurrence()));
                    });
            return d.build();
        }

        /** What a task's search row indexes: its description and its owner. */
        private static RowDigest searchTextDigest(String description, String owner) {
            return new RowDigest.Builder().add(description).add(TaskSearchRows.body(owner)).build();
        }

        /** The task_sources rows a task write gives (INSERT OR IGNORE keeps the first of a path and line). */
        private static Set<StoredSource> storedSources(IngestBatch.TaskWrite w) {
            Map<List<Object>, StoredSource> byKey = new LinkedHashMap<>();
            for (int i = 0; i < w.task().sources().size(); i++) {
                SourceRef s = w.task().sources().get(i);
                SourceIdentity id = w.identities().get(i);
                byKey.putIfAbsent(List.of(s.path(), s.line()), new StoredSource(s.path(), s.line(), id.normText(), id.occurrence()));
            }
            return new HashSet<>(byKey.values());
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

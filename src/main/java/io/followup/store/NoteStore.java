package io.followup.store;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The notes as parsed: their fingerprints, their task lines, and what a re-merge reads back. */
public final class NoteStore {

    private final Database db;

    public NoteStore(Database db) {
        this.db = db;
    }

    public Map<String, NoteFingerprint> fingerprints() {
        return db.jdbi().withHandle(h -> {
            Map<String, NoteFingerprint> out = new HashMap<>();
            h.createQuery("SELECT path, size, mtime_ms, content_hash, date, is_meeting FROM notes")
                    .map((rs, ctx) -> new NoteFingerprint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            Sql.date(rs.getString(5)), rs.getInt(6) == 1))
                    .forEach(f -> out.put(f.path(), f));
            return out;
        });
    }

    public int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notes").mapTo(Integer.class).one());
    }

    /** Notes dated on one of {@code dates} or at one of {@code paths}, with their task lines. */
    public List<ParsedNote> load(Collection<java.time.LocalDate> dates, Collection<String> paths) {
        return db.jdbi().withHandle(h -> {
            Set<String> wanted = new LinkedHashSet<>();
            for (List<String> chunk : Sql.chunks(dates.stream().map(Sql::iso).toList())) {
                wanted.addAll(h.createQuery("SELECT path FROM notes WHERE date IN (<d>)").bindList("d", chunk).mapTo(String.class).list());
            }
            wanted.addAll(paths);
            List<ParsedNote> out = new ArrayList<>();
            for (List<String> chunk : Sql.chunks(wanted)) {
                Map<String, List<ParsedTask>> tasks = new HashMap<>();
                h.createQuery("SELECT * FROM note_tasks WHERE path IN (<p>) ORDER BY path, line").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString("path"), task(rs)))
                        .forEach(e -> tasks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                h.createQuery("SELECT * FROM notes WHERE path IN (<p>) ORDER BY path").bindList("p", chunk)
                        .map((rs, ctx) -> note(rs, tasks.getOrDefault(rs.getString("path"), List.of())))
                        .forEach(out::add);
            }
            return out;
        });
    }

    /** Every participant named by any note: the names owner mentions may resolve to. */
    public List<String> allParticipants() {
        return db.jdbi().withHandle(h -> {
            Set<String> names = new LinkedHashSet<>();
            h.createQuery("SELECT participants FROM notes").mapTo(String.class).forEach(j -> names.addAll(Json.strings(j)));
            return new ArrayList<>(names);
        });
    }

    static void upsert(Handle h, IngestBatch.NoteWrite w) {
        ParsedNote n = w.note();
        delete(h, n.path());
        h.createUpdate("INSERT INTO notes(path, size, mtime_ms, content_hash, title, date, type, is_meeting, participants, sections, warnings) "
                        + "VALUES (:path, :size, :mtime, :hash, :title, :date, :type, :meeting, :participants, :sections, :warnings)")
                .bind("path", n.path()).bind("size", w.size()).bind("mtime", w.mtimeMs()).bind("hash", w.hash())
                .bind("title", n.title() == null ? n.path() : n.title()).bind("date", Sql.iso(n.date())).bind("type", n.type())
                .bind("meeting", n.meeting() ? 1 : 0).bind("participants", Json.write(n.participants()))
                .bind("sections", Json.write(new LinkedHashMap<>(n.sections()))).bind("warnings", Json.write(n.warnings()))
                .execute();
        if (n.tasks().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT OR REPLACE INTO note_tasks(path, line, raw_line, status_symbol, status, description, owner_raw, "
                + "owner_from_heading, due, scheduled, start, created, done, cancelled, priority, recurrence, tags, block_id) VALUES "
                + "(:path, :line, :raw, :symbol, :status, :description, :ownerRaw, :fromHeading, :due, :scheduled, :start, :created, "
                + ":done, :cancelled, :priority, :recurrence, :tags, :blockId)");
        for (ParsedTask t : n.tasks()) {
            batch.bind("path", n.path()).bind("line", t.line()).bind("raw", t.rawLine() == null ? "" : t.rawLine())
                    .bind("symbol", t.statusSymbol() == null ? " " : t.statusSymbol()).bind("status", t.status().jsonName())
                    .bind("description", t.description() == null ? "" : t.description()).bind("ownerRaw", t.ownerRaw())
                    .bind("fromHeading", t.ownerFromHeading() ? 1 : 0).bind("due", Sql.iso(t.due()))
                    .bind("scheduled", Sql.iso(t.scheduled())).bind("start", Sql.iso(t.start())).bind("created", Sql.iso(t.created()))
                    .bind("done", Sql.iso(t.done())).bind("cancelled", Sql.iso(t.cancelled()))
                    .bind("priority", t.priority() == null ? null : t.priority().jsonName()).bind("recurrence", t.recurrence())
                    .bind("tags", Json.write(t.tags())).bind("blockId", t.blockId()).add();
        }
        batch.execute();
    }

    static void touch(Handle h, NoteFingerprint f) {
        h.createUpdate("UPDATE notes SET size = :size, mtime_ms = :mtime WHERE path = :path")
                .bind("size", f.size()).bind("mtime", f.mtimeMs()).bind("path", f.path()).execute();
    }

    static void delete(Handle h, String path) {
        h.createUpdate("DELETE FROM note_tasks WHERE path = :p").bind("p", path).execute();
        h.createUpdate("DELETE FROM notes WHERE path = :p").bind("p", path).execute();
    }

    private static ParsedTask task(ResultSet rs) throws SQLException {
        return new ParsedTask(rs.getInt("line"), rs.getString("raw_line"), rs.getString("status_symbol"),
                TaskStatus.fromJsonName(rs.getString("status")), rs.getString("description"), rs.getString("owner_raw"),
                rs.getInt("owner_from_heading") == 1, Sql.date(rs.getString("due")), Sql.date(rs.getString("scheduled")),
                Sql.date(rs.getString("start")), Sql.date(rs.getString("created")), Sql.date(rs.getString("done")),
                Sql.date(rs.getString("cancelled")), Priority.fromJsonName(rs.getString("priority")), rs.getString("recurrence"),
                Json.strings(rs.getString("tags")), rs.getString("block_id"));
    }

    private static ParsedNote note(ResultSet rs, List<ParsedTask> tasks) throws SQLException {
        return new ParsedNote(rs.getString("path"), rs.getString("title"), Sql.date(rs.getString("date")), rs.getString("type"),
                rs.getInt("is_meeting") == 1, Json.strings(rs.getString("participants")), Json.stringMap(rs.getString("sections")),
                tasks, Json.warnings(rs.getString("warnings")));
    }
}

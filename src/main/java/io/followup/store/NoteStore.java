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
import java.util.LinkedHashSet;
import java.util.List;
import org.jdbi.v3.core.Handle;
import java.util.Map;
import java.util.Set;

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

    /** The fingerprints of the notes at {@code paths} that the store knows. */
    public Map<String, NoteFingerprint> fingerprints(Collection<String> paths) {
        return db.jdbi().withHandle(h -> {
            Map<String, NoteFingerprint> out = new HashMap<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                h.createQuery("SELECT path, size, mtime_ms, content_hash, date, is_meeting FROM notes WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> new NoteFingerprint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                Sql.date(rs.getString(5)), rs.getInt(6) == 1))
                        .forEach(f -> out.put(f.path(), f));
            }
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
                h.createQuery("SELECT path, tasks FROM note_content WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), TaskLines.decode(rs.getBytes(2))))
                        .forEach(e -> tasks.put(e.getKey(), e.getValue()));
                h.createQuery("SELECT n.*, s.sections FROM notes n LEFT JOIN note_content s ON s.path = n.path WHERE n.path IN (<p>) "
                                + "ORDER BY n.path").bindList("p", chunk)
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

    /** How many task lines the stored notes hold. */
    public long taskLineCount() {
        return db.jdbi().withHandle(h -> {
            long[] n = {0};
            h.createQuery("SELECT tasks FROM note_content").map((rs, ctx) -> TaskLines.decode(rs.getBytes(1)).size())
                    .forEach(k -> n[0] += k);
            return n[0];
        });
    }

    /** A note's row as stored: the columns an ingest writes from the note's content, as written (JSON as text). */
    public record StoredNote(String title, String date, String type, boolean meeting, String participantsJson,
                             String warningsJson, String sectionsJson, String hash, List<ParsedTask> tasks) {
    }

    public java.util.Optional<StoredNote> stored(String path) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT n.title, n.date, n.type, n.is_meeting, n.participants, n.warnings, "
                        + "c.sections, n.content_hash, c.tasks FROM notes n JOIN note_content c ON c.path = n.path WHERE n.path = :p")
                .bind("p", path)
                .map((rs, ctx) -> new StoredNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1, rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), TaskLines.decode(rs.getBytes(9))))
                .findOne());
    }

    /**
     * A note rewritten by the write-back, as the store should now hold it: its new fingerprint and task lines, when the
     * rest of its row is as stored (the caller checked), and only if the stored hash is still {@code previousHash}.
     */
    public record Rewrite(String path, String previousHash, long size, long mtimeMs, String hash, List<ParsedTask> tasks) {
    }

    /**
     * A {@link Rewrite} inside the write-back's transaction (the one that clears the change's pending mark); false
     * (nothing changed) when the stored hash has moved on.
     */
    static boolean rewrite(Handle h, Rewrite r) {
        int n = h.createUpdate("UPDATE notes SET size = :size, mtime_ms = :mtime, content_hash = :hash WHERE path = :p AND content_hash = :was")
                .bind("size", r.size()).bind("mtime", r.mtimeMs()).bind("hash", r.hash()).bind("p", r.path()).bind("was", r.previousHash())
                .execute();
        if (n != 1) {
            return false;
        }
        h.createUpdate("UPDATE note_content SET tasks = :t WHERE path = :p").bind("t", TaskLines.encode(r.tasks())).bind("p", r.path()).execute();
        return true;
    }

    /** The task line at {@code line} of the note at {@code path}, as the last ingest read it. */
    public java.util.Optional<ParsedTask> taskLine(String path, int line) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT tasks FROM note_content WHERE path = :p").bind("p", path)
                .map((rs, ctx) -> TaskLines.decode(rs.getBytes(1))).findOne()
                .flatMap(tasks -> tasks.stream().filter(t -> t.line() == line).findFirst()));
    }

    private static ParsedNote note(ResultSet rs, List<ParsedTask> tasks) throws SQLException {
        return new ParsedNote(rs.getString("path"), rs.getString("title"), Sql.date(rs.getString("date")), rs.getString("type"),
                rs.getInt("is_meeting") == 1, Json.strings(rs.getString("participants")), Json.stringMap(rs.getString("sections")),
                tasks, Json.warnings(rs.getString("warnings")));
    }
}

package io.followup.store;

import io.followup.model.Meeting;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes an ingest: one transaction replaces the notes that changed and every task and meeting
 * sourced from the re-merged notes, keeping the search index in step. task_events is never touched.
 */
public final class IngestStore {

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

    /** What the store holds for the tasks and meetings sourced from {@code paths}. */
    public PreviousState previous(Collection<String> paths) {
        return StoreErrors.guard(db, () -> db.jdbi().withHandle(h -> {
            Map<SourceIdentity, String> idBySource = new HashMap<>();
            Map<String, String> meetingByPath = new HashMap<>();
            Set<String> replacedIds = new HashSet<>();
            for (List<String> chunk : Sql.chunks(paths)) {
                h.createQuery("SELECT path, norm_text, occurrence, task_id FROM task_sources WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(new SourceIdentity(rs.getString(1), rs.getString(2), rs.getInt(3)), rs.getString(4)))
                        .forEach(e -> {
                            idBySource.putIfAbsent(e.getKey(), e.getValue());
                            replacedIds.add(e.getValue());
                        });
                h.createQuery("SELECT path, meeting_id FROM meeting_notes WHERE path IN (<p>)").bindList("p", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> meetingByPath.put(e.getKey(), e.getValue()));
            }
            Map<String, Task> pending = new HashMap<>();
            List<String> pendingIds = h.createQuery("SELECT id FROM tasks WHERE writeback_pending = 1").mapTo(String.class).list();
            pendingIds.retainAll(replacedIds);
            TaskStore.byIds(h, pendingIds).forEach(t -> pending.put(t.id(), t));
            Set<String> otherTasks = new HashSet<>(h.createQuery("SELECT id FROM tasks").mapTo(String.class).list());
            otherTasks.removeAll(replacedIds);
            Set<String> otherMeetings = new HashSet<>(h.createQuery("SELECT id FROM meetings").mapTo(String.class).list());
            otherMeetings.removeAll(meetingByPath.values());
            return new PreviousState(idBySource, pending, meetingByPath, otherTasks, otherMeetings);
        }));
    }

    /** Applies the whole batch or nothing. */
    public void commit(IngestBatch batch) {
        StoreErrors.guard(db, () -> {
            db.jdbi().useTransaction(h -> write(h, batch));
            return null;
        });
    }

    private void write(Handle h, IngestBatch batch) {
        Set<String> paths = new HashSet<>(batch.replacedPaths());
        paths.addAll(batch.deleted());
        deleteDerived(h, paths);
        batch.deleted().forEach(p -> NoteStore.delete(h, p));
        batch.notes().forEach(n -> NoteStore.upsert(h, n));
        batch.touched().forEach(f -> NoteStore.touch(h, f));
        checkpoint.accept("notes");
        batch.meetings().forEach(m -> insertMeeting(h, m));
        checkpoint.accept("meetings");
        insertTasks(h, batch.tasks());
        checkpoint.accept("tasks");
    }

    private static void deleteDerived(Handle h, Set<String> paths) {
        Set<String> taskIds = new HashSet<>();
        Set<String> meetingIds = new HashSet<>();
        for (List<String> chunk : Sql.chunks(paths)) {
            taskIds.addAll(h.createQuery("SELECT DISTINCT task_id FROM task_sources WHERE path IN (<p>)").bindList("p", chunk)
                    .mapTo(String.class).list());
            meetingIds.addAll(h.createQuery("SELECT DISTINCT meeting_id FROM meeting_notes WHERE path IN (<p>)").bindList("p", chunk)
                    .mapTo(String.class).list());
        }
        for (List<String> chunk : Sql.chunks(taskIds)) {
            h.createUpdate("DELETE FROM search_index WHERE kind = 'task' AND ref IN (<ids>)").bindList("ids", chunk).execute();
            h.createUpdate("DELETE FROM task_sources WHERE task_id IN (<ids>)").bindList("ids", chunk).execute();
            h.createUpdate("DELETE FROM tasks WHERE id IN (<ids>)").bindList("ids", chunk).execute();
        }
        for (List<String> chunk : Sql.chunks(meetingIds)) {
            h.createUpdate("DELETE FROM search_index WHERE kind = 'meeting' AND ref IN (<ids>)").bindList("ids", chunk).execute();
            h.createUpdate("DELETE FROM meeting_notes WHERE meeting_id IN (<ids>)").bindList("ids", chunk).execute();
            h.createUpdate("DELETE FROM meetings WHERE id IN (<ids>)").bindList("ids", chunk).execute();
        }
    }

    private static void insertMeeting(Handle h, IngestBatch.MeetingWrite w) {
        Meeting m = w.meeting();
        h.createUpdate("INSERT INTO meetings(id, title, date, participants, sections) VALUES (:id, :title, :date, :participants, :sections)")
                .bind("id", m.id()).bind("title", m.title()).bind("date", Sql.iso(m.date()))
                .bind("participants", Json.write(m.participants())).bind("sections", Json.write(new LinkedHashMap<>(m.sections())))
                .execute();
        for (SourceRef s : m.sources()) {
            h.createUpdate("INSERT OR IGNORE INTO meeting_notes(meeting_id, path) VALUES (:m, :p)").bind("m", m.id()).bind("p", s.path()).execute();
        }
        h.createUpdate("INSERT INTO search_index(kind, ref, title, body) VALUES ('meeting', :ref, :title, :body)")
                .bind("ref", m.id()).bind("title", m.title()).bind("body", w.searchBody()).execute();
    }

    private static void insertTasks(Handle h, List<IngestBatch.TaskWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        PreparedBatch tasks = h.prepareBatch("INSERT INTO tasks(id, description, owner, owner_raw, owner_kind, status, status_symbol, "
                + "due, scheduled, start, created, done, cancelled, priority, recurrence, tags, block_id, meeting_id, writeback_pending) "
                + "VALUES (:id, :description, :owner, :ownerRaw, :ownerKind, :status, :symbol, :due, :scheduled, :start, :created, "
                + ":done, :cancelled, :priority, :recurrence, :tags, :blockId, :meetingId, :pending)");
        PreparedBatch sources = h.prepareBatch("INSERT OR IGNORE INTO task_sources(task_id, path, line, norm_text, occurrence) "
                + "VALUES (:id, :path, :line, :norm, :occurrence)");
        PreparedBatch search = h.prepareBatch("INSERT INTO search_index(kind, ref, title, body) VALUES ('task', :id, :title, :body)");
        for (IngestBatch.TaskWrite w : writes) {
            Task t = w.task();
            tasks.bind("id", t.id()).bind("description", t.description()).bind("owner", t.owner()).bind("ownerRaw", t.ownerRaw())
                    .bind("ownerKind", t.ownerKind() == null ? null : t.ownerKind().jsonName()).bind("status", t.status().jsonName())
                    .bind("symbol", t.statusSymbol() == null ? t.status().symbol() : t.statusSymbol())
                    .bind("due", Sql.iso(t.due())).bind("scheduled", Sql.iso(t.scheduled())).bind("start", Sql.iso(t.start()))
                    .bind("created", Sql.iso(t.created())).bind("done", Sql.iso(t.done())).bind("cancelled", Sql.iso(t.cancelled()))
                    .bind("priority", t.priority() == null ? null : t.priority().jsonName()).bind("recurrence", t.recurrence())
                    .bind("tags", Json.write(t.tags())).bind("blockId", t.blockId())
                    .bind("meetingId", t.meeting() == null ? null : t.meeting().id()).bind("pending", t.writebackPending() ? 1 : 0).add();
            for (int i = 0; i < t.sources().size(); i++) {
                SourceRef s = t.sources().get(i);
                SourceIdentity id = w.identities().get(i);
                sources.bind("id", t.id()).bind("path", s.path()).bind("line", s.line()).bind("norm", id.normText())
                        .bind("occurrence", id.occurrence()).add();
            }
            search.bind("id", t.id()).bind("title", t.description()).bind("body", t.owner() == null ? "" : t.owner()).add();
        }
        tasks.execute();
        sources.execute();
        search.execute();
    }

}

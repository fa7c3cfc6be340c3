package io.followup.store;

import io.followup.model.Meeting;
import io.followup.model.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads meetings with their notes (sources, line 0) and task ids. */
public final class MeetingStore {

    private final Database db;

    public MeetingStore(Database db) {
        this.db = db;
    }

    /** Oldest first. */
    public List<Meeting> all() {
        return db.jdbi().withHandle(h -> query(h, "1 = 1", "m.date, m.id", -1, q -> { }));
    }

    public Optional<Meeting> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return db.jdbi().withHandle(h -> query(h, "m.id = :id", "m.id", -1, q -> q.bind("id", id.strip()))).stream().findFirst();
    }

    /** The newest {@code n} meetings, newest first. */
    public List<Meeting> recent(int n) {
        return db.jdbi().withHandle(h -> query(h, "1 = 1", "m.date DESC, m.id", n, q -> { }));
    }

    /** Full-text search over title, summary, decisions, key facts and transcript; any text is safe. */
    public List<Meeting> search(String words, int limit) {
        String match = SearchQuery.of(words);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> {
            List<String> ids = h.createQuery("WITH s AS MATERIALIZED (SELECT ref, bm25(search_index) AS rank FROM search_index "
                    + "WHERE search_index MATCH :q AND kind = 'note') SELECT mn.meeting_id FROM s JOIN meeting_notes mn ON mn.path = s.ref "
                    + "GROUP BY mn.meeting_id ORDER BY min(s.rank), mn.meeting_id LIMIT :n")
                    .bind("q", match).bind("n", limit).mapTo(String.class).list();
            List<Meeting> out = new ArrayList<>();
            for (String id : ids) {
                out.addAll(query(h, "m.id = :id", "m.id", -1, q -> q.bind("id", id)));
            }
            return out;
        });
    }

    /** Per section, the fullest text of the given notes' sections (in note order). */
    public static Map<String, String> mergeSections(List<Map<String, String>> perNote) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map<String, String> sections : perNote) {
            sections.forEach((k, v) -> {
                if (v != null && (!out.containsKey(k) || out.get(k).length() < v.length())) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    public int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM meetings").mapTo(Integer.class).one());
    }

    private static List<Meeting> query(Handle h, String condition, String order, int limit, Consumer<Query> binder) {
        Query q = h.createQuery("SELECT m.* FROM meetings m WHERE " + condition + " ORDER BY " + order + (limit >= 0 ? " LIMIT " + limit : ""));
        binder.accept(q);
        List<Map<String, Object>> rows = q.mapToMap().list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
        Map<String, List<SourceRef>> notes = new HashMap<>();
        Map<String, List<String>> tasks = new HashMap<>();
        Map<String, List<Map<String, String>>> noteSections = new HashMap<>();
        List<String> fromNotes = rows.stream().filter(r -> r.get("sections") == null).map(r -> (String) r.get("id")).toList();
        for (List<String> chunk : Sql.chunks(fromNotes)) {
            h.createQuery("SELECT mn.meeting_id, c.sections FROM meeting_notes mn JOIN note_content c ON c.path = mn.path "
                            + "WHERE mn.meeting_id IN (<ids>) ORDER BY mn.meeting_id, mn.path").bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), Json.stringMap(rs.getString(2))))
                    .forEach(e -> noteSections.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        for (List<String> chunk : Sql.chunks(ids)) {
            h.createQuery("SELECT meeting_id, path FROM meeting_notes WHERE meeting_id IN (<ids>) ORDER BY path").bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new SourceRef(rs.getString(2), 0)))
                    .forEach(e -> notes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            h.createQuery("SELECT t.meeting_id, t.id, min(ts.path || char(0) || printf('%09d', ts.line)) AS first FROM tasks t "
                            + "JOIN task_sources ts ON ts.task_id = t.id WHERE t.meeting_id IN (<ids>) GROUP BY t.id ORDER BY first")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> tasks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return rows.stream().map(r -> {
            String id = (String) r.get("id");
            return new Meeting(id, (String) r.get("title"), Sql.date((String) r.get("date")), Json.strings((String) r.get("participants")),
                    notes.getOrDefault(id, List.of()), tasks.getOrDefault(id, List.of()), r.get("sections") != null
                            ? Json.stringMap((String) r.get("sections")) : mergeSections(noteSections.getOrDefault(id, List.of())));
        }).toList();
    }
}

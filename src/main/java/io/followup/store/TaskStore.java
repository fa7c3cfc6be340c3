package io.followup.store;

import io.followup.model.MeetingRef;
import io.followup.model.OwnerKind;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads merged tasks, each with its source lines and meeting. */
public final class TaskStore {

    private static final String SELECT = "SELECT t.*, m.title AS m_title, m.date AS m_date FROM tasks t LEFT JOIN meetings m ON m.id = t.meeting_id ";
    private static final String SELECT_SOURCES = "SELECT ts.task_id, ts.path, ts.line FROM task_sources ts JOIN tasks t ON t.id = ts.task_id ";
    private static final String OPEN = "t.status NOT IN ('done', 'cancelled')";

    /** Source order: the order the tasks appear in the vault. */
    public static final Comparator<Task> VAULT_ORDER = Comparator
            .comparing((Task t) -> t.sources().isEmpty() ? "" : t.sources().get(0).path())
            .thenComparingInt(t -> t.sources().isEmpty() ? 0 : t.sources().get(0).line())
            .thenComparing(Task::id);

    /** Soonest due first, undated last; then vault order. */
    public static final Comparator<Task> DUE_ORDER = Comparator
            .comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(VAULT_ORDER);

    private final Database db;

    public TaskStore(Database db) {
        this.db = db;
    }

    public List<Task> all() {
        return where("1 = 1", Map.of(), VAULT_ORDER);
    }

    public Optional<Task> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return where("t.id = :id", Map.of("id", id.strip().toLowerCase(java.util.Locale.ROOT)), VAULT_ORDER).stream().findFirst();
    }

    public List<Task> open() {
        return where(OPEN, Map.of(), DUE_ORDER);
    }

    /** Open tasks of one owner, name compared without case. */
    public List<Task> openByOwner(String owner) {
        return where(OPEN + " AND lower(t.owner) = lower(:owner)", Map.of("owner", owner == null ? "" : owner), DUE_ORDER);
    }

    public List<Task> byMeeting(String meetingId) {
        return where("t.meeting_id = :m", Map.of("m", meetingId == null ? "" : meetingId), VAULT_ORDER);
    }

    /** Full-text search over description and owner; any text is safe, no words gives no tasks. */
    public List<Task> search(String words, int limit) {
        String match = SearchQuery.of(words);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> {
            List<String> ids = h.createQuery("SELECT ref FROM search_index WHERE search_index MATCH :q AND kind = 'task' "
                    + "ORDER BY bm25(search_index) LIMIT :n").bind("q", match).bind("n", limit).mapTo(String.class).list();
            Map<String, Task> byId = new HashMap<>();
            byIds(h, ids).forEach(t -> byId.put(t.id(), t));
            return ids.stream().map(byId::get).filter(t -> t != null).toList();
        });
    }

    /** Every distinct owner name, sorted. */
    public List<String> knownOwners() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT owner FROM tasks WHERE owner IS NOT NULL ORDER BY owner")
                .mapTo(String.class).list());
    }

    public int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM tasks").mapTo(Integer.class).one());
    }

    static List<Task> byIds(Handle h, Collection<String> ids) {
        List<Task> out = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            out.addAll(query(h, "t.id IN (<ids>)", q -> q.bindList("ids", chunk)));
        }
        return out;
    }

    private List<Task> where(String condition, Map<String, Object> binds, Comparator<Task> order) {
        List<Task> tasks = new ArrayList<>(db.jdbi().withHandle(h -> query(h, condition, q -> q.bindMap(binds))));
        tasks.sort(order);
        return tasks;
    }

    private static List<Task> query(Handle h, String condition, java.util.function.Consumer<Query> binder) {
        Map<String, List<SourceRef>> sources = new HashMap<>();
        Query sq = h.createQuery(SELECT_SOURCES + "WHERE " + condition + " ORDER BY ts.path, ts.line");
        binder.accept(sq);
        sq.map((rs, ctx) -> Map.entry(rs.getString(1), new SourceRef(rs.getString(2), rs.getInt(3))))
                .forEach(e -> sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Query tq = h.createQuery(SELECT + "WHERE " + condition);
        binder.accept(tq);
        Map<String, Task> out = new LinkedHashMap<>();
        tq.map((rs, ctx) -> task(rs, sources.getOrDefault(rs.getString("id"), List.of()))).forEach(t -> out.put(t.id(), t));
        return new ArrayList<>(out.values());
    }

    private static Task task(ResultSet rs, List<SourceRef> sources) throws SQLException {
        String meetingId = rs.getString("meeting_id");
        MeetingRef meeting = meetingId == null ? null : new MeetingRef(meetingId, rs.getString("m_title"), Sql.date(rs.getString("m_date")));
        return new Task(rs.getString("id"), rs.getString("description"), rs.getString("owner"), rs.getString("owner_raw"),
                OwnerKind.fromJsonName(rs.getString("owner_kind")), TaskStatus.fromJsonName(rs.getString("status")),
                rs.getString("status_symbol"), Sql.date(rs.getString("due")), Sql.date(rs.getString("scheduled")),
                Sql.date(rs.getString("start")), Sql.date(rs.getString("created")), Sql.date(rs.getString("done")),
                Sql.date(rs.getString("cancelled")), Priority.fromJsonName(rs.getString("priority")), rs.getString("recurrence"),
                Json.strings(rs.getString("tags")), rs.getString("block_id"), meeting, sources, rs.getInt("writeback_pending") == 1);
    }
}

package io.followup.store;

import io.followup.model.MeetingRef;
import io.followup.model.OwnerKind;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

    /** The groups of one person's open tasks, in the order chat shows them (see chat.TaskLists.personal). */
    public enum OpenGroup { OVERDUE, DUE_TODAY, UPCOMING, PROPOSED, NO_DUE_DATE }

    private static final String OWNER_OPEN = "t.owner = :owner COLLATE NOCASE AND t.status NOT IN ('done', 'cancelled', 'proposed')";
    private static final String OWNER_PROPOSED = "t.owner = :owner COLLATE NOCASE AND t.status = 'proposed'";
    /** Ranges of the partial indexes of V6, in due order inside each; PROPOSED is two ranges (dated, then undated). */
    private static final Map<OpenGroup, List<String>> GROUP_RANGES = Map.of(
            OpenGroup.OVERDUE, List.of(OWNER_OPEN + " AND t.due < :today"),
            OpenGroup.DUE_TODAY, List.of(OWNER_OPEN + " AND t.due = :today"),
            OpenGroup.UPCOMING, List.of(OWNER_OPEN + " AND t.due > :today"),
            OpenGroup.PROPOSED, List.of(OWNER_PROPOSED + " AND t.due IS NOT NULL", OWNER_PROPOSED + " AND t.due IS NULL"),
            OpenGroup.NO_DUE_DATE, List.of(OWNER_OPEN + " AND t.due IS NULL"));
    /** chat.TaskLists.ORDER in SQL: due, priority rank (none between medium and low), first source, id. */
    private static final String PAGE_ORDER = " ORDER BY t.due, CASE t.priority WHEN 'highest' THEN 0 WHEN 'high' THEN 1 "
            + "WHEN 'medium' THEN 2 WHEN 'low' THEN 4 WHEN 'lowest' THEN 5 ELSE 3 END, "
            + "coalesce((SELECT s.path FROM task_sources s WHERE s.task_id = t.id ORDER BY s.path, s.line LIMIT 1), ''), "
            + "coalesce((SELECT s.line FROM task_sources s WHERE s.task_id = t.id ORDER BY s.path, s.line LIMIT 1), 0), t.id";

    /** How many open tasks of one owner (name without case) each group holds on {@code today}; counted in SQL. */
    public Map<OpenGroup, Integer> openByOwnerCounts(String owner, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<OpenGroup> groups = List.of(OpenGroup.values());
        for (int i = 0; i < groups.size(); i++) {
            List<String> ranges = GROUP_RANGES.get(groups.get(i));
            sql.append(i == 0 ? "" : ", ").append(ranges.stream().map(r -> "(SELECT count(*) FROM tasks t WHERE " + r + ")")
                    .collect(java.util.stream.Collectors.joining(" + ")));
        }
        return db.jdbi().withHandle(h -> h.createQuery(sql.toString()).bind("owner", owner == null ? "" : owner)
                .bind("today", today.toString()).map((rs, ctx) -> {
                    Map<OpenGroup, Integer> out = new java.util.EnumMap<>(OpenGroup.class);
                    for (int i = 0; i < groups.size(); i++) {
                        out.put(groups.get(i), rs.getInt(i + 1));
                    }
                    return out;
                }).one());
    }

    /**
     * Up to {@code limit} open tasks of one owner in one group, from {@code offset}, in chat's order (due, priority,
     * vault order): a page read through an index, never the owner's whole list.
     */
    public List<Task> openByOwnerPage(String owner, OpenGroup group, LocalDate today, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> {
            List<String> ids = new ArrayList<>();
            int skip = Math.max(0, offset);
            for (String range : GROUP_RANGES.get(group)) {
                int want = limit - ids.size();
                if (want <= 0) {
                    break;
                }
                List<String> got = h.createQuery("SELECT t.id FROM tasks t WHERE " + range + PAGE_ORDER + " LIMIT :n OFFSET :o")
                        .bind("owner", owner == null ? "" : owner).bind("today", today.toString())
                        .bind("n", want).bind("o", skip).mapTo(String.class).list();
                if (got.isEmpty() && skip > 0) {
                    int inRange = h.createQuery("SELECT count(*) FROM tasks t WHERE " + range)
                            .bind("owner", owner == null ? "" : owner).bind("today", today.toString()).mapTo(Integer.class).one();
                    skip = Math.max(0, skip - inRange);
                } else {
                    skip = 0;
                }
                ids.addAll(got);
            }
            return inOrder(h, ids);
        });
    }

    /** The ids of the tasks matching a full-text search, best first (as {@link #search}, without loading them). */
    public List<String> searchIds(String words, int limit) {
        String match = SearchQuery.of(words);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT ref FROM search_index WHERE search_index MATCH :q AND kind = 'task' "
                + "ORDER BY bm25(search_index) LIMIT :n").bind("q", match).bind("n", limit).mapTo(String.class).list());
    }

    /** The tasks with these ids, in the order given (ids without a task are left out). */
    public List<Task> byIdsInOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> inOrder(h, ids));
    }

    private static List<Task> inOrder(Handle h, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> byId = new HashMap<>();
        byIds(h, ids).forEach(t -> byId.put(t.id(), t));
        return ids.stream().map(byId::get).filter(t -> t != null).toList();
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

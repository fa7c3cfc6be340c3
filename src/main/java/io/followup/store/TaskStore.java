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

    private static final String OPEN = "t.status NOT IN ('done', 'cancelled')";

    /** Source order: the order the tasks appear in the vault. */
    public static final Comparator<Task> VAULT_ORDER = Comparator
            .comparing((Task t) -> t.sources().isEmpty() ? "" : t.sources().get(0).path())
            .thenComparingInt(t -> t.sources().isEmpty() ? 0 : t.sources().get(0).line())
            .thenComparing(Task::id);

    /** Soonest due first, undated last; then vault order. */
    public static final Comparator<Task> DUE_ORDER = Comparator
            .comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(VAULT_ORDER);

    /**
     * Tasks by full-text match, best first (their own index, V9: the notes' far larger one is not scored), as the
     * index's row numbers: reading each match's ref would read a page of the index's own table.
     */
    private static final String TASK_SEARCH_ROWS = "SELECT rowid FROM task_search WHERE task_search MATCH :q ORDER BY bm25(task_search) LIMIT :n";

    private final Database db;
    /** A few: paging through one search and asking again are what it is for (SearchCache says why not more). */
    private final SearchCache<Long> searches = new SearchCache<>(32);

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

    /**
     * For each person (not team) owning an open or in-progress dated task, the earliest due date, as
     * {@code DigestBuilder.earliestRemindableDue} works it out from the tasks: the scheduler asks at every tick, and
     * loads the open tasks only when someone's reminder is due.
     */
    public Map<String, LocalDate> earliestRemindableDue() {
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("""
                        SELECT owner, MIN(due) FROM tasks
                        WHERE status IN ('open', 'in_progress') AND owner IS NOT NULL AND due IS NOT NULL
                          AND (owner_kind IS NULL OR owner_kind <> 'team')
                        GROUP BY owner""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), Optional.ofNullable(date(rs.getString(2)))))
                .forEach(e -> e.getValue().ifPresent(due -> earliest.put(e.getKey(), due))));
        return earliest;
    }

    /** Open tasks of one owner, name compared without case. */
    public List<Task> openByOwner(String owner) {
        return where(OPEN + " AND lower(t.owner) = lower(:owner)", Map.of("owner", owner == null ? "" : owner), DUE_ORDER);
    }

    public List<Task> byMeeting(String meetingId) {
        return where("t.meeting_id = :m", Map.of("m", meetingId == null ? "" : meetingId), VAULT_ORDER);
    }

    /** Full-text search over description and owner, best first; any text is safe, no words gives no tasks. */
    public List<Task> search(String words, int limit) {
        return bySearchRows(searchRows(words, limit));
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

    /**
     * The search index's rows of the tasks matching a full-text search, best first ({@link #bySearchRows} loads a page
     * of them), remembered while the index is unchanged: search_seq.next
     * moves on with every row added or deleted, by any process. Rows, not ids: reading a match's id from the
     * contentless index costs a page read for each match (~150 a search of the benchmark store), where chat shows 10.
     */
    public List<Long> searchRows(String words, int limit) {
        String match = SearchQuery.of(words);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> {
            SearchCache.Version version = new SearchCache.Version(
                    h.createQuery("SELECT next FROM search_seq WHERE id = 0").mapTo(Long.class).findOne().orElse(0L));
            return searches.get(limit + " " + match, version,
                    () -> h.createQuery(TASK_SEARCH_ROWS).bind("q", match).bind("n", limit).mapTo(Long.class).list());
        });
    }

    /** The tasks of these search rows ({@link #searchRows}), in the order given; a row no task has any more is left out. */
    public List<Task> bySearchRows(List<Long> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> inOrder(h, idsOfSearchRows(h, rows)));
    }

    private static List<String> idsOfSearchRows(Handle h, List<Long> rows) {
        Map<Long, String> byRow = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(rows)) {
            h.createQuery("SELECT search_rowid, id FROM tasks WHERE search_rowid IN (<rows>)").bindList("rows", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> byRow.put(e.getKey(), e.getValue()));
        }
        return rows.stream().map(byRow::get).filter(id -> id != null).toList();
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

    /**
     * One query: each matching task joined with its meeting and its source lines (one row per source; a task
     * without sources comes once with NULL path). Columns are read by position.
     */
    private static List<Task> query(Handle h, String condition, java.util.function.Consumer<Query> binder) {
        Query q = h.createQuery(SELECT_JOINED + "WHERE " + condition);
        binder.accept(q);
        Map<String, Row> rows = new LinkedHashMap<>();
        q.scanResultSet((supplier, ctx) -> {
            try (ResultSet rs = supplier.get()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Row row = rows.get(id);
                    if (row == null) {
                        row = new Row(rs);
                        rows.put(id, row);
                    }
                    String path = rs.getString(22);
                    if (path != null) {
                        row.sources.add(new SourceRef(path, rs.getInt(23)));
                    }
                }
            }
            return null;
        });
        List<Task> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(r.task());
        }
        return out;
    }

    private static final String SELECT_JOINED = "SELECT t.id, t.description, t.owner, t.owner_raw, t.owner_kind, t.status, t.status_symbol, "
            + "t.due, t.scheduled, t.start, t.created, t.done, t.cancelled, t.priority, t.recurrence, t.tags, t.block_id, "
            + "t.meeting_id, t.writeback_pending, m.title, m.date, ts.path, ts.line "
            + "FROM tasks t LEFT JOIN meetings m ON m.id = t.meeting_id LEFT JOIN task_sources ts ON ts.task_id = t.id ";

    private static final Map<String, List<String>> TAGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A task's columns as read, and its sources as they come. */
    private static final class Row {
        final String id;
        final String description;
        final String owner;
        final String ownerRaw;
        final String ownerKind;
        final String status;
        final String statusSymbol;
        final String due;
        final String scheduled;
        final String start;
        final String created;
        final String done;
        final String cancelled;
        final String priority;
        final String recurrence;
        final String tags;
        final String blockId;
        final String meetingId;
        final boolean writebackPending;
        final String meetingTitle;
        final String meetingDate;
        final List<SourceRef> sources = new ArrayList<>(1);

        Row(ResultSet rs) throws SQLException {
            id = rs.getString(1);
            description = rs.getString(2);
            owner = rs.getString(3);
            ownerRaw = rs.getString(4);
            ownerKind = rs.getString(5);
            status = rs.getString(6);
            statusSymbol = rs.getString(7);
            due = rs.getString(8);
            scheduled = rs.getString(9);
            start = rs.getString(10);
            created = rs.getString(11);
            done = rs.getString(12);
            cancelled = rs.getString(13);
            priority = rs.getString(14);
            recurrence = rs.getString(15);
            tags = rs.getString(16);
            blockId = rs.getString(17);
            meetingId = rs.getString(18);
            writebackPending = rs.getInt(19) == 1;
            meetingTitle = rs.getString(20);
            meetingDate = rs.getString(21);
        }

        Task task() {
            if (sources.size() > 1) {
                sources.sort(Comparator.comparing(SourceRef::path).thenComparingInt(SourceRef::line));
            }
            MeetingRef meeting = meetingId == null ? null : new MeetingRef(meetingId, meetingTitle, date(meetingDate));
            return new Task(id, description, owner, ownerRaw, OwnerKind.fromJsonName(ownerKind), TaskStatus.fromJsonName(status),
                    statusSymbol, date(due), date(scheduled), date(start), date(created), date(done), date(cancelled),
                    Priority.fromJsonName(priority), recurrence, tags(tags), blockId, meeting, sources, writebackPending);
        }
    }

    /** Tags lists repeat (mostly "[]"): parsed once each. */
    private static List<String> tags(String json) {
        if (json == null || json.isEmpty() || "[]".equals(json)) {
            return List.of();
        }
        if (TAGS.size() > 10_000) {
            return List.copyOf(Json.strings(json));
        }
        return TAGS.computeIfAbsent(json, j -> List.copyOf(Json.strings(j)));
    }

    /** yyyy-MM-dd without the formatter (most dates are in that form); anything else through Sql.date. */
    static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    return Sql.date(s);
                }
            }
        }
        return Sql.date(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

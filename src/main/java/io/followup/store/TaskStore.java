package io.followup.store;

import com.google.gson.Gson;
import io.followup.model.MeetingRef;
import io.followup.model.OwnerKind;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** PLACEHOLDER (h-slack) until h-ingest's TaskStore is merged: reads tasks. Take theirs on merge. */
public final class TaskStore {

    private static final String SELECT = """
            SELECT t.*, m.title AS m_title, m.date AS m_date,
                   (SELECT group_concat(s.path || char(31) || s.line, char(30)) FROM task_sources s WHERE s.task_id = t.id) AS srcs
              FROM tasks t LEFT JOIN meetings m ON m.id = t.meeting_id""";

    private final Database db;

    public TaskStore(Database db) {
        this.db = db;
    }

    public List<Task> all() {
        return query(SELECT + " ORDER BY t.id", null);
    }

    public Optional<Task> byId(String id) {
        return query(SELECT + " WHERE t.id = :v", id).stream().findFirst();
    }

    public List<Task> open() {
        return query(SELECT + " WHERE t.status NOT IN ('done','cancelled') ORDER BY t.due IS NULL, t.due, t.id", null);
    }

    public List<Task> openByOwner(String owner) {
        return query(SELECT + " WHERE t.owner = :v AND t.status NOT IN ('done','cancelled') ORDER BY t.due IS NULL, t.due, t.id", owner);
    }

    public List<Task> byMeeting(String meetingId) {
        return query(SELECT + " WHERE t.meeting_id = :v ORDER BY t.id", meetingId);
    }

    public List<Task> search(String words, int limit) {
        String q = Arrays.stream(words.split("\\s+")).map(w -> w.replaceAll("[^\\p{L}\\p{N}]", ""))
                .filter(w -> !w.isEmpty()).map(w -> "\"" + w + "\"*").collect(Collectors.joining(" "));
        if (q.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE t.id IN (SELECT ref FROM search_index WHERE kind = 'task' AND search_index MATCH :q) LIMIT :n")
                .bind("q", q).bind("n", limit).map((rs, ctx) -> map(rs)).list());
    }

    public List<String> knownOwners() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT owner FROM tasks WHERE owner IS NOT NULL ORDER BY owner")
                .mapTo(String.class).list());
    }

    private List<Task> query(String sql, String v) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            if (v != null) {
                q.bind("v", v);
            }
            return q.map((rs, ctx) -> map(rs)).list();
        });
    }

    private static Task map(ResultSet rs) throws SQLException {
        String srcs = rs.getString("srcs");
        List<SourceRef> sources = srcs == null ? List.of() : Arrays.stream(srcs.split("\u001e"))
                .map(s -> s.split("\u001f")).map(p -> new SourceRef(p[0], Integer.parseInt(p[1]))).toList();
        String[] tags = new Gson().fromJson(rs.getString("tags"), String[].class);
        String meetingId = rs.getString("meeting_id");
        return new Task(rs.getString("id"), rs.getString("description"), rs.getString("owner"), rs.getString("owner_raw"),
                OwnerKind.fromJsonName(rs.getString("owner_kind")), TaskStatus.fromJsonName(rs.getString("status")),
                rs.getString("status_symbol"), date(rs, "due"), date(rs, "scheduled"), date(rs, "start"), date(rs, "created"),
                date(rs, "done"), date(rs, "cancelled"), Priority.fromJsonName(rs.getString("priority")), rs.getString("recurrence"),
                tags == null ? List.of() : List.of(tags), rs.getString("block_id"),
                meetingId == null ? null : new MeetingRef(meetingId, rs.getString("m_title"), date(rs, "m_date")),
                sources, rs.getInt("writeback_pending") != 0);
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        String s = rs.getString(col);
        return s == null ? null : LocalDate.parse(s);
    }
}

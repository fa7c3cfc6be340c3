package io.followup.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.followup.model.Meeting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** PLACEHOLDER (h-slack) until h-ingest's MeetingStore is merged: reads meetings. Take theirs on merge. */
public final class MeetingStore {

    private static final String SELECT = """
            SELECT m.*, (SELECT group_concat(t.id, ',') FROM tasks t WHERE t.meeting_id = m.id) AS task_ids FROM meetings m""";
    private static final Gson GSON = new Gson();

    private final Database db;

    public MeetingStore(Database db) {
        this.db = db;
    }

    public List<Meeting> all() {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + " ORDER BY m.date DESC").map((rs, c) -> map(rs)).list());
    }

    public Optional<Meeting> byId(String id) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE m.id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne());
    }

    public List<Meeting> recent(int n) {
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + " ORDER BY m.date DESC LIMIT :n").bind("n", n).map((rs, c) -> map(rs)).list());
    }

    public List<Meeting> search(String words, int limit) {
        String q = Arrays.stream(words.split("\\s+")).map(w -> w.replaceAll("[^\\p{L}\\p{N}]", ""))
                .filter(w -> !w.isEmpty()).map(w -> "\"" + w + "\"*").collect(Collectors.joining(" "));
        if (q.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE m.id IN (SELECT ref FROM search_index WHERE kind = 'meeting' AND search_index MATCH :q) ORDER BY m.date DESC LIMIT :n")
                .bind("q", q).bind("n", limit).map((rs, c) -> map(rs)).list());
    }

    private static Meeting map(ResultSet rs) throws SQLException {
        List<String> participants = GSON.fromJson(rs.getString("participants"), new TypeToken<List<String>>() { }.getType());
        Map<String, String> sections = GSON.fromJson(rs.getString("sections"), new TypeToken<Map<String, String>>() { }.getType());
        String ids = rs.getString("task_ids");
        String date = rs.getString("date");
        return new Meeting(rs.getString("id"), rs.getString("title"), date == null ? null : LocalDate.parse(date),
                participants, List.of(), ids == null ? List.of() : List.of(ids.split(",")), sections);
    }
}

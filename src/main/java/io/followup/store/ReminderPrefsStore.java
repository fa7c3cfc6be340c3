package io.followup.store;

import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Each chat user's reminder settings: on or off, and an own time of day (null: the digest time). */
public final class ReminderPrefsStore {

    /** A user's settings; {@link #DEFAULT} applies to users who never changed anything. */
    public record Pref(boolean enabled, LocalTime time) {
        public static final Pref DEFAULT = new Pref(true, null);
    }

    private final Database db;
    private final Jdbi jdbi;

    public ReminderPrefsStore(Database db) {
        this.db = db;
        this.jdbi = db.jdbi();
    }

    public Pref get(String chatUser) {
        return jdbi.withHandle(h -> h.createQuery("SELECT enabled, remind_at FROM reminder_prefs WHERE chat_user = :u")
                .bind("u", chatUser)
                .map((rs, ctx) -> new Pref(rs.getInt("enabled") != 0,
                        rs.getString("remind_at") == null ? null : LocalTime.parse(rs.getString("remind_at"))))
                .findFirst()).orElse(Pref.DEFAULT);
    }

    /** Every user's settings that differ from {@link Pref#DEFAULT}, in one query (the scheduler reads them per run). */
    public Map<String, Pref> all() {
        Map<String, Pref> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT chat_user, enabled, remind_at FROM reminder_prefs")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Pref(rs.getInt(2) != 0,
                        rs.getString(3) == null ? null : LocalTime.parse(rs.getString(3)))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    public void setEnabled(String chatUser, boolean enabled, Instant now) {
        db.useWrite(h -> h.createUpdate("""
                INSERT INTO reminder_prefs (chat_user, enabled, updated_at_ms) VALUES (:u, :e, :now)
                ON CONFLICT (chat_user) DO UPDATE SET enabled = excluded.enabled, updated_at_ms = excluded.updated_at_ms""")
                .bind("u", chatUser).bind("e", enabled ? 1 : 0).bind("now", now.toEpochMilli()).execute());
    }

    /** Sets the time and turns reminders on (asking for a time means wanting them). */
    public void setTime(String chatUser, LocalTime time, Instant now) {
        db.useWrite(h -> h.createUpdate("""
                INSERT INTO reminder_prefs (chat_user, enabled, remind_at, updated_at_ms) VALUES (:u, 1, :t, :now)
                ON CONFLICT (chat_user) DO UPDATE SET enabled = 1, remind_at = excluded.remind_at, updated_at_ms = excluded.updated_at_ms""")
                .bind("u", chatUser).bind("t", time == null ? null : time.toString()).bind("now", now.toEpochMilli()).execute());
    }
}

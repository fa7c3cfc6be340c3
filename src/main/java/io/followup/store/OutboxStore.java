package io.followup.store;

import io.followup.store.OutboxRow.State;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The outbox: messages to post exactly once per (day, recipient, kind). Every state change is one guarded
 * UPDATE (SQLite runs it atomically), so two senders never hold the same row and a late sender cannot
 * overwrite a row someone else took over.
 */
public final class OutboxStore {

    /** A message to enqueue; {@code dueAt} is the earliest instant it may go out. */
    public record NewMessage(LocalDate day, String recipient, String kind, String subject, String payload, Instant dueAt) {
    }

    private final Database db;
    private final Jdbi jdbi;

    public OutboxStore(Database db) {
        this.db = db;
        this.jdbi = db.jdbi();
    }

    /** Adds the message unless one with the same (day, recipient, kind) exists; true when it was added. */
    public boolean enqueue(NewMessage m, Instant now) {
        return insert(m, now, State.QUEUED, null);
    }

    /** Records a message that cannot be sent at all (e.g. no chat user for a person), so status shows it; once per key too. */
    public boolean recordUnsendable(NewMessage m, Instant now, String error) {
        return insert(m, now, State.FAILED, error);
    }

    private boolean insert(NewMessage m, Instant now, State state, String error) {
        return db.write(h -> h.createUpdate("""
                INSERT OR IGNORE INTO outbox (day, recipient, kind, subject, payload, state, last_error, due_at_ms, created_at_ms)
                VALUES (:day, :recipient, :kind, :subject, :payload, :state, :error, :due, :now)""")
                .bind("day", m.day().toString()).bind("recipient", m.recipient()).bind("kind", m.kind())
                .bind("subject", m.subject()).bind("payload", m.payload()).bind("state", state.dbName())
                .bind("error", error).bind("due", m.dueAt().toEpochMilli()).bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    /** One row of {@link #insertAll}: a message to enqueue ({@code error} null) or to record as unsendable. */
    public record Insert(NewMessage message, String error) {
        public static Insert queued(NewMessage m) {
            return new Insert(m, null);
        }

        public static Insert unsendable(NewMessage m, String error) {
            return new Insert(m, error);
        }
    }

    /**
     * Inserts every row in ONE transaction with one prepared batch (each unless its (day, recipient, kind)
     * exists); {@code result[i]} says whether row i was added.
     */
    public boolean[] insertAll(List<Insert> rows, Instant now) {
        boolean[] added = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return added;
        }
        db.useWrite(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement("""
                    INSERT OR IGNORE INTO outbox (day, recipient, kind, subject, payload, state, last_error, due_at_ms, created_at_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                // one row per execute: SQLite's batch counts are per statement, and the loop stays in one transaction
                for (int i = 0; i < rows.size(); i++) {
                    Insert r = rows.get(i);
                    NewMessage m = r.message();
                    ps.setString(1, m.day().toString());
                    ps.setString(2, m.recipient());
                    ps.setString(3, m.kind());
                    ps.setString(4, m.subject());
                    ps.setString(5, m.payload());
                    ps.setString(6, (r.error() == null ? State.QUEUED : State.FAILED).dbName());
                    ps.setString(7, r.error());
                    ps.setLong(8, m.dueAt().toEpochMilli());
                    ps.setLong(9, now.toEpochMilli());
                    added[i] = ps.executeUpdate() == 1;
                }
            } catch (SQLException e) {
                throw new Database.StoreException("Cannot add the digest messages to the outbox: " + e.getMessage(), e);
            }
        });
        return added;
    }

    public boolean exists(LocalDate day, String recipient, String kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE day = :day AND recipient = :r AND kind = :k")
                .bind("day", day.toString()).bind("r", recipient).bind("k", kind).mapTo(Integer.class).one()) > 0;
    }

    /** Atomically takes the next queued row that is due, marking it 'sending' under {@code token}. */
    public Optional<OutboxRow> claimNext(Instant now, String token) {
        return db.write(h -> {
            int n = h.createUpdate("""
                    UPDATE outbox SET state = 'sending', claim_token = :token, claimed_at_ms = :now
                    WHERE id = (SELECT id FROM outbox WHERE state = 'queued' AND due_at_ms <= :now ORDER BY due_at_ms, id LIMIT 1)
                      AND state = 'queued'""")
                    .bind("token", token).bind("now", now.toEpochMilli()).execute();
            if (n == 0) {
                return Optional.<OutboxRow>empty();
            }
            return h.createQuery("SELECT * FROM outbox WHERE claim_token = :token AND state = 'sending'")
                    .bind("token", token).map(OutboxStore::row).findFirst();
        });
    }

    /**
     * Atomically takes up to {@code max} queued rows that are due (oldest first), all marked 'sending' under
     * {@code token} in one statement; each row's later updates are guarded by its id and that token.
     */
    public List<OutboxRow> claimBatch(Instant now, String token, int max) {
        return db.write(h -> {
            int n = h.createUpdate("""
                    UPDATE outbox SET state = 'sending', claim_token = :token, claimed_at_ms = :now
                    WHERE id IN (SELECT id FROM outbox WHERE state = 'queued' AND due_at_ms <= :now ORDER BY due_at_ms, id LIMIT :max)
                      AND state = 'queued'""")
                    .bind("token", token).bind("now", now.toEpochMilli()).bind("max", max).execute();
            if (n == 0) {
                return List.<OutboxRow>of();
            }
            return h.createQuery("SELECT * FROM outbox WHERE claim_token = :token AND state = 'sending' ORDER BY due_at_ms, id")
                    .bind("token", token).map(OutboxStore::row).list();
        });
    }

    /** Records that part {@code partsSent - 1} of a long message went out; the first part's ts is the thread parent. */
    public boolean recordPart(long id, String token, int partsSent, String channel, String firstTs) {
        return db.write(h -> h.createUpdate("""
                UPDATE outbox SET parts_sent = :parts, sent_channel = COALESCE(sent_channel, :channel), sent_ts = COALESCE(sent_ts, :ts),
                       uncertain_since_ms = NULL
                WHERE id = :id AND claim_token = :token AND state = 'sending'""")
                .bind("parts", partsSent).bind("channel", channel).bind("ts", firstTs)
                .bind("id", id).bind("token", token).execute()) == 1;
    }

    /** Marks the row sent and records the message ts in the same statement. */
    public boolean markSent(long id, String token, int partsSent, String channel, String firstTs, Instant now) {
        return db.write(h -> h.createUpdate("""
                UPDATE outbox SET state = 'sent', parts_sent = :parts, sent_channel = COALESCE(sent_channel, :channel),
                       sent_ts = COALESCE(sent_ts, :ts), sent_at_ms = :now, attempts = attempts + 1, last_error = NULL,
                       uncertain_since_ms = NULL, claim_token = NULL
                WHERE id = :id AND claim_token = :token AND state = 'sending'""")
                .bind("parts", partsSent).bind("channel", channel).bind("ts", firstTs).bind("now", now.toEpochMilli())
                .bind("id", id).bind("token", token).execute()) == 1;
    }

    /**
     * Gives the row back to the queue until {@code nextAttempt}. {@code countAttempt} is false for rate-limit
     * waits; {@code uncertainSince} non-null says the last post may have arrived and must be looked up first.
     */
    public boolean release(long id, String token, Instant nextAttempt, String error, boolean countAttempt, Instant uncertainSince) {
        return db.write(h -> h.createUpdate("""
                UPDATE outbox SET state = 'queued', due_at_ms = :next, last_error = :error,
                       attempts = attempts + :inc, claim_token = NULL,
                       uncertain_since_ms = COALESCE(uncertain_since_ms, :uncertain)
                WHERE id = :id AND claim_token = :token AND state = 'sending'""")
                .bind("next", nextAttempt.toEpochMilli()).bind("error", error).bind("inc", countAttempt ? 1 : 0)
                .bind("uncertain", uncertainSince == null ? null : uncertainSince.toEpochMilli())
                .bind("id", id).bind("token", token).execute()) == 1;
    }

    /** Gives up on the row for good: a permanent error, or too many attempts. */
    public boolean markFailed(long id, String token, String error, boolean countAttempt) {
        return db.write(h -> h.createUpdate("""
                UPDATE outbox SET state = 'failed', last_error = :error, attempts = attempts + :inc, claim_token = NULL
                WHERE id = :id AND claim_token = :token AND state = 'sending'""")
                .bind("error", error).bind("inc", countAttempt ? 1 : 0).bind("id", id).bind("token", token).execute()) == 1;
    }

    /**
     * Rows left 'sending' since before {@code claimedBefore} (their sender died mid-post) go back to the queue,
     * flagged uncertain so the next sender looks for the post before posting again. Returns how many.
     */
    public int requeueAbandoned(Instant claimedBefore) {
        return db.write(h -> h.createUpdate("""
                UPDATE outbox SET state = 'queued', claim_token = NULL,
                       uncertain_since_ms = COALESCE(uncertain_since_ms, claimed_at_ms),
                       last_error = 'sender stopped while posting'
                WHERE state = 'sending' AND claimed_at_ms < :before""")
                .bind("before", claimedBefore.toEpochMilli()).execute());
    }

    /** The earliest instant a queued row becomes due, if any is queued. */
    public Optional<Instant> nextDue() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(due_at_ms) FROM outbox WHERE state = 'queued'")
                .mapTo(Long.class).findOne()).map(Instant::ofEpochMilli);
    }

    public long count(State state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = :s")
                .bind("s", state.dbName()).mapTo(Long.class).one());
    }

    public List<OutboxRow> byDay(LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE day = :day ORDER BY id")
                .bind("day", day.toString()).map(OutboxStore::row).list());
    }

    public Optional<OutboxRow> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE id = :id").bind("id", id).map(OutboxStore::row).findFirst());
    }

    /** How many rows from {@code since} on failed (an admin's App Home asks at every redraw). */
    public int countFailedSince(LocalDate since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'failed' AND day >= :since")
                .bind("since", since.toString()).mapTo(Integer.class).one());
    }

    /** Failed rows of the last {@code days} days before and including {@code today}, newest first. */
    public List<OutboxRow> failedSince(LocalDate since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE state = 'failed' AND day >= :since ORDER BY day DESC, id")
                .bind("since", since.toString()).map(OutboxStore::row).list());
    }

    private static OutboxRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxRow(
                rs.getLong("id"),
                LocalDate.parse(rs.getString("day")),
                rs.getString("recipient"),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getString("payload"),
                State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "due_at_ms"),
                rs.getString("claim_token"),
                instant(rs, "claimed_at_ms"),
                instant(rs, "uncertain_since_ms"),
                rs.getInt("parts_sent"),
                rs.getString("sent_channel"),
                rs.getString("sent_ts"),
                instant(rs, "sent_at_ms"),
                instant(rs, "created_at_ms"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}

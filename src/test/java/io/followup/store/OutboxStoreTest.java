package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.store.OutboxRow.State;
import io.followup.store.OutboxStore.NewMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxStoreTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;
    Database db;
    OutboxStore outbox;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("followup.db"));
        outbox = new OutboxStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static NewMessage msg(String recipient, String kind, Instant due) {
        return new NewMessage(DAY, recipient, kind, "Ana Lima", "{\"text\":\"hi\"}", due);
    }

    @Test
    void the_same_day_recipient_and_kind_is_enqueued_once() {
        assertTrue(outbox.enqueue(msg("U0ANA", "reminder", NOW), NOW));
        assertFalse(outbox.enqueue(msg("U0ANA", "reminder", NOW.plusSeconds(60)), NOW));
        assertTrue(outbox.enqueue(msg("U0ANA", "digest", NOW), NOW), "another kind is another message");
        assertTrue(outbox.enqueue(new NewMessage(DAY.plusDays(1), "U0ANA", "reminder", null, "{}", NOW), NOW));
        assertEquals(3, outbox.count(State.QUEUED));
        assertTrue(outbox.exists(DAY, "U0ANA", "reminder"));
    }

    @Test
    void a_row_is_not_claimed_before_it_is_due_and_only_once() {
        outbox.enqueue(msg("U0ANA", "reminder", NOW.plusSeconds(3600)), NOW);

        assertTrue(outbox.claimNext(NOW, "a").isEmpty());
        OutboxRow row = outbox.claimNext(NOW.plusSeconds(3600), "a").orElseThrow();
        assertEquals(State.SENDING, row.state());
        assertEquals("a", row.claimToken());
        assertTrue(outbox.claimNext(NOW.plusSeconds(7200), "b").isEmpty());
    }

    @Test
    void marking_sent_records_the_ts_and_only_the_claimer_can_do_it() {
        outbox.enqueue(msg("C0DIGEST", "digest", NOW), NOW);
        OutboxRow row = outbox.claimNext(NOW, "a").orElseThrow();

        assertFalse(outbox.markSent(row.id(), "intruder", 1, "C0DIGEST", "1.1", NOW));
        assertTrue(outbox.markSent(row.id(), "a", 1, "C0DIGEST", "1741593600.000100", NOW));
        assertFalse(outbox.markSent(row.id(), "a", 1, "C0DIGEST", "2.2", NOW), "sent is final");

        OutboxRow sent = outbox.byId(row.id()).orElseThrow();
        assertEquals(State.SENT, sent.state());
        assertEquals("1741593600.000100", sent.sentTs());
        assertEquals(1, sent.attempts());
        assertEquals(NOW, sent.sentAt());
        assertNull(sent.claimToken());
    }

    @Test
    void released_rows_come_back_when_their_retry_time_comes() {
        outbox.enqueue(msg("U0ANA", "reminder", NOW), NOW);
        OutboxRow row = outbox.claimNext(NOW, "a").orElseThrow();
        assertTrue(outbox.release(row.id(), "a", NOW.plusSeconds(30), "ratelimited", false, null));

        assertEquals(NOW.plusSeconds(30), outbox.nextDue().orElseThrow());
        assertTrue(outbox.claimNext(NOW.plusSeconds(29), "b").isEmpty());
        OutboxRow again = outbox.claimNext(NOW.plusSeconds(30), "b").orElseThrow();
        assertEquals(0, again.attempts(), "rate-limit waits are not attempts");
        assertEquals("ratelimited", again.lastError());
    }

    @Test
    void a_failed_row_keeps_its_error_and_is_never_claimed_again() {
        outbox.enqueue(msg("U0GONE", "reminder", NOW), NOW);
        OutboxRow row = outbox.claimNext(NOW, "a").orElseThrow();
        assertTrue(outbox.markFailed(row.id(), "a", "user_not_found", true));

        assertTrue(outbox.claimNext(NOW.plusSeconds(86400), "b").isEmpty());
        List<OutboxRow> failed = outbox.failedSince(DAY);
        assertEquals(1, failed.size());
        assertEquals("user_not_found", failed.get(0).lastError());
    }

    @Test
    void rows_abandoned_while_sending_are_requeued_as_uncertain() {
        outbox.enqueue(msg("U0ANA", "reminder", NOW), NOW);
        OutboxRow row = outbox.claimNext(NOW, "crashed").orElseThrow();

        assertEquals(0, outbox.requeueAbandoned(NOW), "not stale yet");
        assertEquals(1, outbox.requeueAbandoned(NOW.plusSeconds(1)));
        assertFalse(outbox.markSent(row.id(), "crashed", 1, "D1", "1.1", NOW), "the old sender lost its claim");
        OutboxRow again = outbox.claimNext(NOW.plusSeconds(2), "new").orElseThrow();
        assertEquals(NOW, again.uncertainSince());
    }

    @Test
    void recording_parts_keeps_the_first_ts_as_the_thread_parent() {
        outbox.enqueue(msg("C0DIGEST", "digest", NOW), NOW);
        OutboxRow row = outbox.claimNext(NOW, "a").orElseThrow();
        assertTrue(outbox.recordPart(row.id(), "a", 1, "C0DIGEST", "100.1"));
        assertTrue(outbox.recordPart(row.id(), "a", 2, "C0DIGEST", "100.2"));
        assertTrue(outbox.markSent(row.id(), "a", 3, "C0DIGEST", "100.3", NOW));

        OutboxRow sent = outbox.byId(row.id()).orElseThrow();
        assertEquals("100.1", sent.sentTs());
        assertEquals(3, sent.partsSent());
    }

    @Test
    void unsendable_messages_are_recorded_as_failed_once() {
        assertTrue(outbox.recordUnsendable(msg("person:Ana Lima", "reminder", NOW), NOW, "no chat user for Ana Lima"));
        assertFalse(outbox.recordUnsendable(msg("person:Ana Lima", "reminder", NOW), NOW, "again"));
        assertEquals(1, outbox.count(State.FAILED));
    }

    @Test
    void concurrent_claimers_never_get_the_same_row() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox.enqueue(msg("U" + i, "reminder", NOW), NOW);
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String worker = "w" + t;
            futures.add(pool.submit(() -> {
                start.await();
                int n = 0;
                while (true) {
                    var row = outbox.claimNext(NOW, worker + "-" + n++);
                    if (row.isEmpty()) {
                        return null;
                    }
                    claimed.add(row.get().id());
                }
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, claimed.size());
        assertEquals(40, claimed.stream().distinct().count());
    }

    @Test
    void reminder_prefs_default_to_on_at_the_digest_time_and_remember_changes() {
        ReminderPrefsStore prefs = new ReminderPrefsStore(db);
        assertEquals(ReminderPrefsStore.Pref.DEFAULT, prefs.get("U0ANA"));

        prefs.setEnabled("U0ANA", false, NOW);
        assertFalse(prefs.get("U0ANA").enabled());
        prefs.setTime("U0ANA", LocalTime.of(8, 30), NOW);
        assertEquals(new ReminderPrefsStore.Pref(true, LocalTime.of(8, 30)), prefs.get("U0ANA"));
        prefs.setEnabled("U0ANA", false, NOW);
        assertEquals(new ReminderPrefsStore.Pref(false, LocalTime.of(8, 30)), prefs.get("U0ANA"), "off keeps the time");
    }
}

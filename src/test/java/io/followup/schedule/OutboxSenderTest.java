package io.followup.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.followup.chat.ChatMessage;
import io.followup.chat.ChatMessage.Block;
import io.followup.chat.ChatMessage.Kind;
import io.followup.chat.PostResult;
import io.followup.chat.SentLookup;
import io.followup.store.Database;
import io.followup.store.OutboxRow;
import io.followup.store.OutboxRow.State;
import io.followup.store.OutboxStore;
import io.followup.store.OutboxStore.NewMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    static final OutboxSender.Policy POLICY = new OutboxSender.Policy(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(60), 5, Duration.ofMinutes(5));

    @TempDir
    Path dir;
    Database db;
    OutboxStore outbox;
    MutableClock clock;
    RecordingGateway chat;
    List<Duration> slept;
    OutboxSender sender;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("f.db"));
        outbox = new OutboxStore(db);
        clock = new MutableClock(NOW, ZoneOffset.UTC);
        chat = new RecordingGateway();
        slept = new ArrayList<>();
        sender = new OutboxSender(outbox, chat, clock, d -> {
            slept.add(d);
            clock.advance(d);
        }, POLICY);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    long enqueue(String to, int blocks) {
        List<Block> b = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            b.add(Block.of(Kind.TEXT, "line " + i));
        }
        outbox.enqueue(new NewMessage(DAY, to, "reminder", null, new Gson().toJson(new ChatMessage("hello " + to, b)), NOW), NOW);
        return outbox.byDay(DAY).stream().filter(r -> r.recipient().equals(to)).findFirst().orElseThrow().id();
    }

    OutboxRow row(long id) {
        return outbox.byId(id).orElseThrow();
    }

    @Test
    void a_due_message_is_posted_once_and_recorded_with_its_ts() throws Exception {
        long id = enqueue("U0ANA", 2);

        assertEquals(1, sender.drain().sent());
        assertEquals(0, sender.drain().sent());

        assertEquals(1, chat.posts.size());
        assertEquals("U0ANA", chat.posts.get(0).to());
        assertEquals("2026-03-10/U0ANA/reminder", chat.posts.get(0).key());
        OutboxRow r = row(id);
        assertEquals(State.SENT, r.state());
        assertEquals("1000.1", r.sentTs());
        assertEquals("DU0ANA", r.sentChannel());
    }

    @Test
    void posts_are_paced() throws Exception {
        enqueue("U1", 1);
        enqueue("U2", 1);
        enqueue("U3", 1);

        sender.drain();

        assertEquals(3, chat.posts.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), slept);
    }

    @Test
    void a_rate_limit_waits_the_retry_after_and_then_posts() throws Exception {
        long id = enqueue("U0ANA", 1);
        chat.script.add(PostResult.rateLimited(Duration.ofSeconds(7)));

        OutboxSender.Report report = sender.drain();

        assertEquals(1, report.rateLimited());
        assertEquals(1, report.sent());
        assertTrue(slept.contains(Duration.ofSeconds(7)));
        assertEquals(State.SENT, row(id).state());
        assertEquals(1, row(id).attempts(), "the rate-limited try is not an attempt");
    }

    @Test
    void a_rate_limit_wait_cut_short_still_leaves_the_row_due_after_the_retry_after() throws Exception {
        long id = enqueue("U0ANA", 1);
        chat.script.add(PostResult.rateLimited(Duration.ofSeconds(7)));
        OutboxSender stopping = new OutboxSender(outbox, chat, clock, d -> {
            throw new InterruptedException("shutting down");
        }, POLICY);

        assertThrows(InterruptedException.class, stopping::drain);

        OutboxRow r = row(id);
        assertEquals(State.QUEUED, r.state(), "released, not left to its lease");
        assertEquals(NOW.plusSeconds(7), r.dueAt());
        assertEquals(0, r.attempts());
    }

    @Test
    void server_errors_back_off_exponentially_with_a_cap_then_give_up() throws Exception {
        long id = enqueue("U0ANA", 1);
        for (int i = 0; i < 10; i++) {
            chat.script.add(PostResult.transientError("HTTP 500"));
        }

        OutboxSender.Report first = sender.drain();
        assertEquals(1, first.retrying());
        assertEquals(NOW.plusSeconds(2), row(id).dueAt());
        sender.drainUntilIdle(Duration.ofHours(1));

        OutboxRow r = row(id);
        assertEquals(State.FAILED, r.state());
        assertEquals(5, r.attempts());
        assertTrue(r.lastError().startsWith("gave up after 5 attempts: HTTP 500"), r.lastError());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16)), slept);
        assertEquals(Duration.ofSeconds(60), sender.backoff(10), "capped");
    }

    @Test
    void a_transient_error_then_success_sends_once() throws Exception {
        long id = enqueue("U0ANA", 1);
        chat.script.add(PostResult.transientError("HTTP 503"));

        sender.drainUntilIdle(Duration.ofMinutes(5));

        assertEquals(1, chat.delivered.size());
        assertEquals(State.SENT, row(id).state());
        assertEquals(2, row(id).attempts());
    }

    @Test
    void permanent_errors_are_recorded_and_not_retried() throws Exception {
        long id = enqueue("U0GONE", 1);
        chat.script.add(PostResult.permanentError("user_not_found"));

        sender.drainUntilIdle(Duration.ofHours(1));

        assertEquals(1, chat.posts.size());
        assertEquals(State.FAILED, row(id).state());
        assertEquals("user_not_found", row(id).lastError());
    }

    @Test
    void a_timeout_whose_post_arrived_is_found_and_not_posted_again() throws Exception {
        long id = enqueue("U0ANA", 1);
        chat.uncertainArrives = true;
        chat.script.add(PostResult.uncertain("SocketTimeoutException"));

        sender.drainUntilIdle(Duration.ofMinutes(5));

        assertEquals(1, chat.delivered.size());
        assertEquals(1, chat.posts.size());
        assertEquals(State.SENT, row(id).state());
        assertEquals("999.1", row(id).sentTs());
    }

    @Test
    void a_timeout_whose_post_did_not_arrive_is_posted_again() throws Exception {
        long id = enqueue("U0ANA", 1);
        chat.script.add(PostResult.uncertain("SocketTimeoutException"));

        sender.drainUntilIdle(Duration.ofMinutes(5));

        assertEquals(1, chat.delivered.size());
        assertEquals(State.SENT, row(id).state());
        assertNull(row(id).uncertainSince());
    }

    @Test
    void when_the_chat_cannot_tell_an_uncertain_post_fails_rather_than_risk_a_duplicate() throws Exception {
        long id = enqueue("U0ANA", 1);
        chat.uncertainArrives = true;
        chat.script.add(PostResult.uncertain("SocketTimeoutException"));
        chat.lookup = SentLookup.cannotTell("missing_scope");

        sender.drainUntilIdle(Duration.ofMinutes(5));

        assertEquals(1, chat.posts.size());
        assertEquals(State.FAILED, row(id).state());
        assertTrue(row(id).lastError().contains("not posted again"), row(id).lastError());
    }

    @Test
    void a_sender_that_died_mid_post_is_taken_over_after_the_lease_without_a_duplicate() throws Exception {
        long id = enqueue("U0ANA", 1);
        outbox.claimNext(NOW, "dead-sender");
        chat.delivered.add(new RecordingGateway.Post("U0ANA", null, null, "2026-03-10/U0ANA/reminder"));

        sender.drain();
        assertEquals(State.SENDING, row(id).state(), "within the lease the row is left to its sender");

        clock.advance(Duration.ofMinutes(6));
        sender.drain();
        assertEquals(State.SENT, row(id).state());
        assertEquals(0, chat.posts.size(), "found in the conversation, not posted again");
    }

    @Test
    void a_long_message_is_a_first_post_plus_thread_replies_and_resumes_where_it_stopped() throws Exception {
        long id = enqueue("C0DIGEST", 5);
        chat.maxBlocksPerPart = 2;
        chat.script.add(PostResult.ok("500.1", "C0DIGEST"));
        chat.script.add(PostResult.transientError("HTTP 502"));

        sender.drainUntilIdle(Duration.ofMinutes(5));

        List<RecordingGateway.Post> posts = chat.posts;
        assertEquals(4, posts.size(), "part 1, failed part 2, part 2, part 3");
        assertNull(posts.get(0).threadTs());
        assertEquals("500.1", posts.get(2).threadTs());
        assertEquals("500.1", posts.get(3).threadTs());
        assertEquals("2026-03-10/C0DIGEST/reminder#3", posts.get(3).key());
        OutboxRow r = row(id);
        assertEquals(State.SENT, r.state());
        assertEquals(3, r.partsSent());
        assertEquals("500.1", r.sentTs());
    }
}

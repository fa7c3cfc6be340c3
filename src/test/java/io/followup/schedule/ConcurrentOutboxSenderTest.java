package io.followup.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.followup.chat.ChatGateway;
import io.followup.chat.ChatMessage;
import io.followup.chat.ChatMessage.Block;
import io.followup.chat.ChatMessage.Kind;
import io.followup.chat.PostResult;
import io.followup.store.Database;
import io.followup.store.OutboxRow.State;
import io.followup.store.OutboxStore;
import io.followup.store.OutboxStore.NewMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender with several posts in flight: real clock, real threads, a slow in-memory chat. */
class ConcurrentOutboxSenderTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path dir;
    Database db;
    OutboxStore outbox;
    final Clock clock = Clock.systemUTC();

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("c.db"));
        outbox = new OutboxStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Counts deliveries per key; posts take a little while; a script of results may come first. */
    static final class SlowChat implements ChatGateway {
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final List<long[]> starts = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger rateLimitsLeft = new AtomicInteger();
        volatile long rateLimitedAtNanos;
        final Duration retryAfter;
        final int transientEvery;

        SlowChat(int rateLimits, Duration retryAfter, int transientEvery) {
            this.rateLimitsLeft.set(rateLimits);
            this.retryAfter = retryAfter;
            this.transientEvery = transientEvery;
        }

        @Override
        public PostResult post(String to, ChatMessage message, String threadTs, String key) {
            long start = System.nanoTime();
            starts.add(new long[] {start});
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(2, 8));
                if (rateLimitsLeft.getAndDecrement() > 0) {
                    rateLimitedAtNanos = System.nanoTime();
                    return PostResult.rateLimited(retryAfter);
                }
                if (transientEvery > 0 && ThreadLocalRandom.current().nextInt(transientEvery) == 0) {
                    return PostResult.transientError("HTTP 503");
                }
                delivered.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return PostResult.ok("1000." + start, "D" + to);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PostResult.transientError("interrupted");
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    void enqueue(int n) {
        Instant now = clock.instant();
        List<OutboxStore.Insert> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String to = "U" + i;
            rows.add(OutboxStore.Insert.queued(new NewMessage(DAY, to, "reminder", null,
                    new Gson().toJson(new ChatMessage("hi " + to, List.of(Block.of(Kind.TEXT, "x")))), now)));
        }
        outbox.insertAll(rows, now);
    }

    OutboxSender sender(ChatGateway chat, int concurrency) {
        OutboxSender.Policy p = OutboxSender.Policy.DEFAULT.withConcurrency(concurrency);
        p = new OutboxSender.Policy(p.pace(), Duration.ofMillis(20), Duration.ofMillis(100), 20, p.lease(), p.channelPace(), concurrency);
        return new OutboxSender(outbox, chat, clock, Sleeper.REAL, p);
    }

    @Test
    void many_senders_in_flight_deliver_every_message_exactly_once() throws Exception {
        enqueue(300);
        SlowChat chat = new SlowChat(0, Duration.ZERO, 10);

        OutboxSender.Report report = sender(chat, 8).drainUntilIdle(Duration.ofSeconds(30));

        assertEquals(300, report.sent());
        assertEquals(300, chat.delivered.size());
        assertTrue(chat.delivered.values().stream().allMatch(c -> c.get() == 1), "no message posted twice");
        assertEquals(300, outbox.count(State.SENT));
        assertTrue(chat.maxInFlight.get() > 1, "posts went out concurrently (max in flight " + chat.maxInFlight.get() + ")");
    }

    @Test
    void two_concurrent_senders_on_one_outbox_never_post_a_message_twice() throws Exception {
        enqueue(300);
        SlowChat chat = new SlowChat(0, Duration.ZERO, 0);
        OutboxSender a = sender(chat, 4);
        OutboxSender b = sender(chat, 4);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<OutboxSender.Report> fa = two.submit(() -> a.drainUntilIdle(Duration.ofSeconds(30)));
            Future<OutboxSender.Report> fb = two.submit(() -> b.drainUntilIdle(Duration.ofSeconds(30)));
            assertEquals(300, fa.get().sent() + fb.get().sent());
        } finally {
            two.shutdownNow();
        }
        assertEquals(300, chat.delivered.size());
        assertTrue(chat.delivered.values().stream().allMatch(c -> c.get() == 1), "no message posted twice");
    }

    @Test
    void a_rate_limit_pauses_every_sender_for_the_retry_after() throws Exception {
        enqueue(40);
        Duration retryAfter = Duration.ofMillis(400);
        SlowChat chat = new SlowChat(1, retryAfter, 0);

        OutboxSender.Report report = sender(chat, 6).drainUntilIdle(Duration.ofSeconds(30));

        assertEquals(40, report.sent());
        assertEquals(1, report.rateLimited());
        assertTrue(chat.delivered.values().stream().allMatch(c -> c.get() == 1));
        long limitedAt = chat.rateLimitedAtNanos;
        // Posts in flight when the 429 came may finish, and one may start just after it, before the 429's sender has paused
        // them all (a busy machine can hold that thread for a while); then the pause: the first gap between two posts'
        // starts as long as the Retry-After, which must begin at once.
        List<Long> starts = chat.starts.stream().map(s -> s[0]).sorted().toList();
        long pauseFrom = -1;
        for (int i = 1; i < starts.size() && pauseFrom < 0; i++) {
            if (starts.get(i) > limitedAt && starts.get(i) - starts.get(i - 1) >= retryAfter.minusMillis(20).toNanos()) {
                pauseFrom = starts.get(i - 1);
            }
        }
        List<Long> sinceLimit = starts.stream().map(x -> (x - limitedAt) / 1_000_000).toList();
        assertTrue(pauseFrom >= 0, "no sender posts while the rate limit's Retry-After runs (starts, ms after the 429: " + sinceLimit + ")");
        assertTrue(pauseFrom - limitedAt < Duration.ofMillis(100).toNanos(), "every sender paused at once (starts, ms after the 429: "
                + sinceLimit + ")");
        long after = chat.starts.stream().mapToLong(s -> s[0]).filter(s -> s >= limitedAt).count();
        assertTrue(after > 30, "the rest went out after the pause (" + after + ")");
    }

    @Test
    void posts_to_one_conversation_keep_its_pace_while_others_go_in_parallel() throws Exception {
        Instant now = clock.instant();
        List<OutboxStore.Insert> rows = new ArrayList<>();
        for (String kind : List.of("digest", "reminder", "weekly")) {
            rows.add(OutboxStore.Insert.queued(new NewMessage(DAY, "C0TEAM", kind, null,
                    new Gson().toJson(new ChatMessage("hi", List.of(Block.of(Kind.TEXT, "x")))), now)));
        }
        outbox.insertAll(rows, now);
        SlowChat chat = new SlowChat(0, Duration.ZERO, 0);
        OutboxSender.Policy p = new OutboxSender.Policy(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(100), 5,
                Duration.ofMinutes(5), Duration.ofMillis(150), 4);

        new OutboxSender(outbox, chat, clock, Sleeper.REAL, p).drainUntilIdle(Duration.ofSeconds(10));

        List<Long> starts = chat.starts.stream().map(s -> s[0]).sorted().toList();
        assertEquals(3, starts.size());
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - 1) >= Duration.ofMillis(140).toNanos(), "one conversation is paced");
        }
    }
}

package io.followup.schedule;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.followup.chat.ChatGateway;
import io.followup.chat.ChatMessage;
import io.followup.chat.PostResult;
import io.followup.chat.SentLookup;
import io.followup.store.OutboxRow;
import io.followup.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due rows (a few at a time, atomically), posts them (long messages as a first post
 * plus thread replies) — with {@code concurrency > 1}, to different conversations at once behind a shared
 * {@link RateGate} — and records each outcome in its row (sent: with the message ts, in the same statement).
 *
 * <p>Delivery is at most once. A post whose outcome is unknown (a timeout, or a sender that died while
 * posting) is never simply posted again: the row is flagged uncertain and the next attempt first asks the
 * chat whether a post tagged with the row's key is there (Slack: conversations.history + message metadata).
 * Found: recorded as sent. Not found: posted. The chat cannot tell (no history scope): the row fails with a
 * message saying why, rather than risk a duplicate. Rate limits wait the Retry-After (every concurrent sender pauses); 5xx and refused
 * connections back off exponentially up to a cap; permanent errors fail the row at once.
 */
public final class OutboxSender {

    /**
     * Pacing and retry limits. {@code pace}: least time between any two posts (ZERO: none; 429s steer);
     * {@code channelPace}: least time between two posts to one conversation; {@code concurrency}: posts in
     * flight at once (1: one row after the other, paced by {@code pace} alone). {@link #DEFAULT} suits Slack's
     * chat.postMessage limits: about one message a second per channel (so 1.1 s per channel), different
     * conversations in parallel, and a workspace limit learnt from 429 + Retry-After (every sender pauses).
     */
    public record Policy(Duration pace, Duration backoffBase, Duration backoffCap, int maxAttempts, Duration lease,
                         Duration channelPace, int concurrency) {
        public static final Policy DEFAULT = new Policy(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(5), 8,
                Duration.ofMinutes(5), Duration.ofMillis(1100), 6);

        /** One post after the other, {@code pace} apart (the sender as it was before it posted concurrently). */
        public Policy(Duration pace, Duration backoffBase, Duration backoffCap, int maxAttempts, Duration lease) {
            this(pace, backoffBase, backoffCap, maxAttempts, lease, Duration.ZERO, 1);
        }

        public Policy {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
            }
        }

        public Policy withPace(Duration p) {
            return new Policy(p, backoffBase, backoffCap, maxAttempts, lease, channelPace, concurrency);
        }

        public Policy withConcurrency(int n) {
            return new Policy(pace, backoffBase, backoffCap, maxAttempts, lease, channelPace, n);
        }
    }

    /** How a sender waits before a post and after a 429. */
    private interface Pacer {
        void beforePost(String channel) throws InterruptedException;

        void rateLimited(Duration wait) throws InterruptedException;
    }

    /** What one drain did. */
    public record Report(int sent, int failed, int retrying, int rateLimited) {
        Report plus(Report o) {
            return new Report(sent + o.sent, failed + o.failed, retrying + o.retrying, rateLimited + o.rateLimited);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Gson GSON = new Gson();

    private final OutboxStore store;
    private final ChatGateway gateway;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Policy policy;
    private final String worker = UUID.randomUUID().toString().substring(0, 8);
    private final RateGate gate;
    private final AtomicLong claims = new AtomicLong();
    private boolean postedBefore;

    public OutboxSender(OutboxStore store, ChatGateway gateway, Clock clock, Sleeper sleeper, Policy policy) {
        this.store = store;
        this.gateway = gateway;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.gate = new RateGate(clock, sleeper, policy.pace(), policy.channelPace());
    }

    /** Sends every row that is due now; rows waiting for a retry stay queued. */
    public synchronized Report drain() throws InterruptedException {
        int requeued = store.requeueAbandoned(clock.instant().minus(policy.lease()));
        if (requeued > 0) {
            log.warn("{} outbox message(s) were left half-sent by a stopped sender; checking before re-posting", requeued);
        }
        if (policy.concurrency() > 1) {
            return drainConcurrently();
        }
        postedBefore = false;
        Pacer sequential = new Pacer() {
            @Override
            public void beforePost(String channel) throws InterruptedException {
                if (postedBefore) {
                    sleeper.sleep(policy.pace());
                }
                postedBefore = true;
            }

            @Override
            public void rateLimited(Duration wait) throws InterruptedException {
                sleeper.sleep(wait);
            }
        };
        Report total = new Report(0, 0, 0, 0);
        while (true) {
            Optional<OutboxRow> row = store.claimNext(clock.instant(), worker + "-" + claims.getAndIncrement());
            if (row.isEmpty()) {
                return total;
            }
            total = total.plus(send(row.get(), sequential));
        }
    }

    /**
     * {@code concurrency} workers post to different conversations at once. Rows are claimed a few at a time in
     * one statement (each still guarded by id + claim token); the shared {@link RateGate} keeps the pace, a
     * conversation's own pace, and pauses everyone on a 429. Returns when nothing is due and no pause is on.
     */
    private Report drainConcurrently() throws InterruptedException {
        Pacer shared = new Pacer() {
            @Override
            public void beforePost(String channel) throws InterruptedException {
                gate.acquire(channel);
            }

            @Override
            public void rateLimited(Duration wait) {
                gate.pause(wait);
            }
        };
        int n = policy.concurrency();
        Deque<OutboxRow> buffer = new ArrayDeque<>();
        AtomicReference<Report> total = new AtomicReference<>(new Report(0, 0, 0, 0));
        // the channel digest goes out before the reminders it sums up, as it did when rows went one by one
        for (OutboxRow row : store.claimBatch(clock.instant(), worker + "-" + claims.getAndIncrement(), n * 2)) {
            if (DailyScheduler.KIND_DIGEST.equals(row.kind()) && buffer.isEmpty()) {
                total.accumulateAndGet(send(row, shared), Report::plus);
            } else {
                buffer.add(row);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "followup-outbox");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(pool.submit(() -> {
                OutboxRow row;
                while ((row = next(buffer, n * 2)) != null) {
                    Report r = send(row, shared);
                    total.accumulateAndGet(r, Report::plus);
                }
                return null;
            }));
        }
        try {
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
        return total.get();
    }

    /** The next claimed row, claiming a batch when the buffer is empty; null when nothing is due (after any 429 pause). */
    private OutboxRow next(Deque<OutboxRow> buffer, int batch) throws InterruptedException {
        while (true) {
            Instant pauseEnd;
            synchronized (buffer) {
                OutboxRow row = buffer.poll();
                if (row != null) {
                    return row;
                }
                Instant now = clock.instant();
                buffer.addAll(store.claimBatch(now, worker + "-" + claims.getAndIncrement(), batch));
                row = buffer.poll();
                if (row != null) {
                    return row;
                }
                pauseEnd = gate.pausedUntil();
                if (!pauseEnd.isAfter(now)) {
                    return null;
                }
            }
            // rate-limited rows come due when the pause ends: wait for it rather than end the drain
            sleeper.sleep(Duration.between(clock.instant(), pauseEnd).plusMillis(1));
        }
    }

    /** Drains, then waits for retries that fall due within {@code maxWait}; for the CLI and tests. */
    public Report drainUntilIdle(Duration maxWait) throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        Report total = drain();
        while (true) {
            Optional<Instant> next = store.nextDue();
            if (next.isEmpty() || next.get().isAfter(deadline)) {
                return total;
            }
            Duration wait = Duration.between(clock.instant(), next.get());
            if (!wait.isNegative()) {
                sleeper.sleep(wait);
            }
            total = total.plus(drain());
        }
    }

    private Report send(OutboxRow row, Pacer pacer) throws InterruptedException {
        String token = row.claimToken();
        List<ChatMessage> parts;
        try {
            parts = gateway.paginate(GSON.fromJson(row.payload(), ChatMessage.class));
        } catch (JsonParseException | NullPointerException e) {
            store.markFailed(row.id(), token, "unreadable message: " + e.getMessage(), false);
            return new Report(0, 1, 0, 0);
        }
        int part = row.partsSent();
        String channel = row.sentChannel();
        String firstTs = row.sentTs();
        if (row.uncertainSince() != null) {
            SentLookup lookup = gateway.findSent(part == 0 ? row.recipient() : channel, part == 0 ? null : firstTs, partKey(row, part), row.uncertainSince());
            switch (lookup.outcome()) {
                case FOUND -> {
                    log.info("outbox {}: part {} was posted before all ({}); not posting it again", row.key(), part + 1, lookup.ts());
                    if (part == 0) {
                        firstTs = lookup.ts();
                        channel = lookup.channel();
                    }
                    part++;
                    if (part == parts.size()) {
                        store.markSent(row.id(), token, part, channel, firstTs, clock.instant());
                        return new Report(1, 0, 0, 0);
                    }
                    store.recordPart(row.id(), token, part, channel, firstTs);
                }
                case NOT_FOUND -> log.info("outbox {}: the uncertain post did not arrive; posting it", row.key());
                case CANNOT_TELL -> {
                    store.markFailed(row.id(), token, "may have been posted already (" + row.lastError()
                            + "); not posted again to avoid a duplicate, since the chat cannot tell: " + lookup.error(), false);
                    return new Report(0, 1, 0, 0);
                }
                case RETRY -> {
                    return retryLater(row, token, "checking for an earlier post failed: " + lookup.error(), null);
                }
                default -> throw new IllegalStateException(String.valueOf(lookup.outcome()));
            }
        }
        while (part < parts.size()) {
            pacer.beforePost(row.recipient());
            Instant postedAt = clock.instant();
            String target = part == 0 ? row.recipient() : channel;
            PostResult r = gateway.post(target, parts.get(part), part == 0 ? null : firstTs, partKey(row, part));
            switch (r.outcome()) {
                case OK -> {
                    if (part == 0) {
                        firstTs = r.ts();
                        channel = r.channel();
                    }
                    part++;
                    if (part == parts.size()) {
                        if (!store.markSent(row.id(), token, part, channel, firstTs, clock.instant())) {
                            log.warn("outbox {}: posted, but another sender had taken the row over", row.key());
                        }
                        return new Report(1, 0, 0, 0);
                    }
                    store.recordPart(row.id(), token, part, channel, firstTs);
                }
                case RATE_LIMITED -> {
                    Duration wait = r.retryAfter();
                    Instant due = clock.instant().plus(wait);
                    // every sender pauses first: the release is a write, which may wait behind the other senders' writes,
                    // and they went on posting meanwhile (six posts started 14-23 ms after a 429 in ConcurrentOutboxSenderTest);
                    // released even when the pause is interrupted (the sequential sender sleeps in it), so the row comes due
                    try {
                        pacer.rateLimited(wait);
                    } finally {
                        store.release(row.id(), token, due, "rate limited: waiting " + wait.toSeconds() + "s", false, null);
                    }
                    log.debug("outbox {}: rate limited, waiting {}s", row.key(), wait.toSeconds());
                    return new Report(0, 0, 0, 1);
                }
                case TRANSIENT -> {
                    return retryLater(row, token, r.error(), null);
                }
                case UNCERTAIN -> {
                    return retryLater(row, token, r.error(), postedAt);
                }
                case PERMANENT -> {
                    log.warn("outbox {}: {} (not retried)", row.key(), r.error());
                    store.markFailed(row.id(), token, r.error(), true);
                    return new Report(0, 1, 0, 0);
                }
                default -> throw new IllegalStateException(String.valueOf(r.outcome()));
            }
        }
        store.markSent(row.id(), token, part, channel, firstTs, clock.instant());
        return new Report(1, 0, 0, 0);
    }

    private Report retryLater(OutboxRow row, String token, String error, Instant uncertainSince) {
        int attempts = row.attempts() + 1;
        if (attempts >= policy.maxAttempts()) {
            store.markFailed(row.id(), token, "gave up after " + attempts + " attempts: " + error, true);
            return new Report(0, 1, 0, 0);
        }
        Duration wait = backoff(attempts);
        store.release(row.id(), token, clock.instant().plus(wait), error, true, uncertainSince);
        log.info("outbox {}: {}; retrying in {}s", row.key(), error, wait.toSeconds());
        return new Report(0, 0, 1, 0);
    }

    /** base · 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        Duration d = policy.backoffBase().multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return d.compareTo(policy.backoffCap()) > 0 ? policy.backoffCap() : d;
    }

    static String partKey(OutboxRow row, int part) {
        return part == 0 ? row.key() : row.key() + "#" + (part + 1);
    }
}

package io.followup.chat.slack;

import io.followup.app.UserMessages;
import io.followup.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where slow work goes after the 3-second ack, plus the one place a fault becomes user text, and the
 * claims on request keys that make a retried or repeated request apply once (in memory for the ack, in the
 * store before a change).
 */
final class Work implements AutoCloseable {

    /** Slash commands waiting for their answer within the ack budget: short SQL reads and rendering. */
    private final ThreadPoolExecutor commands;
    /** Everything after an ack: button clicks, response_url posts, App Home publishing. Never blocks an ack. */
    private final ThreadPoolExecutor background;
    /**
     * Posts to Slack's response_urls ({@link ResponseUrl}): threads that mostly wait for Slack's answer, so the background
     * threads need not. More of them than there are CPUs costs only their stacks.
     */
    private final ThreadPoolExecutor posts;
    private final io.followup.store.LinkStore links;
    private final Clock clock;
    /**
     * Request keys seen lately, oldest first, with when (nanoTime). Slack retries within minutes; at most so many are
     * kept (a key pushed out by a burst is still in the store, which guards every change).
     */
    private final LinkedHashMap<String, Long> recent = new LinkedHashMap<>();
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(30);
    private static final int RECENT_MAX = 50_000;

    Work(io.followup.store.LinkStore links, Clock clock) {
        this.commands = pool("followup-command-", 8, 256);
        this.background = pool("followup-slack-", 8, 4096); // the work of clicks, views.publish, and waits for fsync
        this.posts = pool("followup-post-", 16, 4096);
        this.links = links;
        this.clock = clock;
    }

    /**
     * A fixed pool with a bounded queue; when the queue is full the submitting thread runs the task itself,
     * which slows the caller down (back-pressure) instead of dropping work or growing without bound.
     */
    private static ThreadPoolExecutor pool(String prefix, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Where slash commands run while their ack waits (at most the ack budget). */
    ExecutorService commands() {
        return commands;
    }

    /** Where work after the ack runs. */
    ExecutorService background() {
        return background;
    }

    /** Where response_url posts wait for Slack. */
    ExecutorService posts() {
        return posts;
    }

    /**
     * True the first time this process sees a request key (a Slack retry or a double delivery sees false). Answers
     * from memory: an ack never waits for the database, whose writer may be busy with an ingest for a while.
     */
    boolean claim(String key) {
        long now = System.nanoTime();
        synchronized (recent) {
            // the oldest go first, so each claim forgets in constant time what expired or overflowed
            var oldest = recent.entrySet().iterator();
            while (oldest.hasNext()) {
                var e = oldest.next();
                if (recent.size() < RECENT_MAX && now - e.getValue() <= REMEMBER_NANOS) {
                    break;
                }
                oldest.remove();
            }
            return recent.putIfAbsent(key, now) == null;
        }
    }

    /**
     * True the first time the store sees a request key, across restarts too; called after the ack, before a
     * request changes anything, so a retry delivered to a restarted Followup is not applied twice either.
     */
    boolean claimDurably(String key) {
        return links.claim(key, clock.instant());
    }

    /** Slack retries within minutes; keys older than a day are no longer needed. */
    void forgetOldKeys() {
        try {
            links.forgetKeysBefore(clock.instant().minus(java.time.Duration.ofDays(1)));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Work.class).warn("could not forget old request keys: {}", e.toString());
        }
    }

    /** A fault as one ephemeral sentence that says what to do next, never a stack trace. */
    static String problem(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof Database.StoreException)) {
            t = t.getCause();
        }
        if (t instanceof Database.StoreException) {
            return ":warning: Followup can't reach its task database right now. Try again in a minute; "
                    + "if it keeps happening, tell your Followup admin (" + UserMessages.describe(t).split(":")[0] + ").";
        }
        return ":warning: Something went wrong on Followup's side, and nothing was changed. "
                + "Try again in a minute; if it keeps happening, tell your Followup admin.";
    }

    /** Lets the work under way finish (up to 5 s a pool), then the posts it queued. */
    @Override
    public void close() {
        stop(commands, background);
        stop(posts);
    }

    private static void stop(ExecutorService... executors) {
        for (ExecutorService executor : executors) {
            executor.shutdown();
        }
        for (ExecutorService executor : executors) {
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.followup.chat.slack;

import io.followup.app.UserMessages;
import io.followup.store.Database;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where slow work goes after the 3-second ack, plus the one place a fault becomes user text, and the
 * claim on request keys that makes a retried or repeated request apply once.
 */
final class Work implements AutoCloseable {

    private final ExecutorService executor;
    private final io.followup.store.LinkStore links;
    private final Clock clock;

    Work(io.followup.store.LinkStore links, Clock clock) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "followup-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.links = links;
        this.clock = clock;
    }

    ExecutorService executor() {
        return executor;
    }

    /** True the first time a key is seen (a Slack retry or a double delivery sees false). */
    boolean claim(String key) {
        return links.claim(key, clock.instant());
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

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

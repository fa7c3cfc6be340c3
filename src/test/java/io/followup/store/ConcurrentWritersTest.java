package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.ingest.Ingester;
import io.followup.model.Task;
import io.followup.people.People;
import io.followup.tasks.ActionResult;
import io.followup.tasks.Actor;
import io.followup.tasks.TaskActions;
import io.followup.tasks.TaskWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many of our own threads writing one real SQLite file at once (as serve does: button clicks, the vault watcher's
 * ingest, the digest sender, request keys): every write commits, none fails with SQLITE_BUSY, none is lost.
 * Before writes went through {@link Database#write}, a transaction that read before writing (the ingest's) failed at
 * once with "database is locked" whenever another thread wrote meanwhile, and the others polled the busy handler.
 */
class ConcurrentWritersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void read_then_write_transactions_on_many_threads_all_commit_and_lose_nothing() throws Exception {
        try (Database db = Database.open(dir.resolve("f.db"))) {
            int threads = 8;
            int each = 60;
            List<Throwable> failures = run(threads, t -> {
                for (int i = 0; i < each; i++) {
                    int n = i;
                    db.useWrite(h -> {
                        // read first, then write: the pattern SQLite refuses in a deferred transaction under contention
                        int seen = h.createQuery("SELECT count(*) FROM task_events").mapTo(Integer.class).one();
                        h.createUpdate("INSERT INTO task_events(task_id, at, actor, action, detail) VALUES (:t, :at, 'test', 'count', :d)")
                                .bind("t", "t" + t).bind("at", CLOCK.instant().toString()).bind("d", t + "/" + n + " saw " + seen).execute();
                    });
                }
            });
            assertEquals(List.of(), failures);
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM task_events").mapTo(Integer.class).one());
            assertEquals(threads * each, rows);
            // each transaction saw every row committed before it: the counts seen are exactly 0 .. total-1
            List<Integer> seen = db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM task_events").mapTo(String.class).list())
                    .stream().map(d -> Integer.parseInt(d.substring(d.indexOf("saw ") + 4))).sorted().toList();
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i));
            }
        }
    }

    @Test
    void clicks_request_keys_and_outbox_updates_while_the_watcher_ingests_never_fail() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            StringBuilder note = new StringBuilder("---\ntitle: Sync " + n + "\ndate: 2026-02-0" + (n + 1) + "\n---\n");
            for (int i = 0; i < 15; i++) {
                note.append("- [ ] Task ").append(n).append('-').append(i).append(" @Priya Raman\n");
            }
            String name = "2026-02-0" + (n + 1) + " Sync " + n + ".md";
            Files.writeString(vault.resolve(name), note, StandardCharsets.UTF_8);
            notes.add(name);
        }
        try (Database db = Database.open(dir.resolve("f.db"))) {
            Ingester ingester = new Ingester(vault, db, People.empty(), CLOCK);
            ingester.ingest();
            TaskStore tasks = new TaskStore(db);
            // the clicks change the tasks of the first three notes; the "watcher" re-ingests the other three
            List<String> clicked = tasks.all().stream().filter(t -> t.sources().get(0).path().compareTo(notes.get(3)) < 0)
                    .map(Task::id).toList();
            TaskActions actions = new TaskActions(tasks, new TaskChangeStore(db), TaskWriter.DISABLED, CLOCK);
            Actor priya = new Actor("U0PRIYA", "Priya Raman", false);
            LinkStore links = new LinkStore(db);
            OutboxStore outbox = new OutboxStore(db);
            AtomicInteger changed = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            long[] mtime = {1_800_000_000_000L};
            List<Throwable> failures = run(4, t -> {
                if (t == 0) {
                    for (int round = 0; round < 12; round++) {
                        String name = notes.get(3 + round % 3);
                        Path file = vault.resolve(name);
                        Files.writeString(file, Files.readString(file) + "- [ ] Added in round " + round + " @Priya Raman\n");
                        synchronized (mtime) {
                            mtime[0] += 10_000;
                            Files.setLastModifiedTime(file, FileTime.fromMillis(mtime[0]));
                        }
                        ingester.ingestPaths(Set.of(name));
                    }
                    return;
                }
                for (int i; (i = next.getAndIncrement()) < clicked.size(); ) {
                    assertTrue(links.claim("act:" + i, CLOCK.instant()));
                    ActionResult r = actions.complete(priya, clicked.get(i), "test");
                    if (r.changed()) {
                        changed.incrementAndGet();
                    }
                    outbox.requeueAbandoned(CLOCK.instant());
                }
            });
            assertEquals(List.of(), failures);
            assertEquals(clicked.size(), changed.get());
            for (String id : clicked) {
                assertEquals("done", tasks.byId(id).orElseThrow().status().jsonName(), id);
            }
            assertEquals(6 * 15 + 12, tasks.count());
        }
    }

    @Test
    void a_writer_waits_for_another_process_holding_the_write_lock_instead_of_failing() throws Exception {
        Path file = dir.resolve("f.db");
        try (Database first = Database.open(file); Database second = Database.open(file)) {
            CountDownLatch holding = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> holder = pool.submit(() -> first.useWrite(h -> {
                h.execute("INSERT INTO processed_requests(key, at) VALUES ('held', 'x')");
                holding.countDown();
                sleep(400);
            }));
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            // a second pool is what another process looks like; its read-then-write must wait, not fail
            second.useWrite(h -> {
                int n = h.createQuery("SELECT count(*) FROM processed_requests").mapTo(Integer.class).one();
                h.execute("INSERT INTO processed_requests(key, at) VALUES (?, 'y')", "after " + n);
            });
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            holder.get(5, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(waitedMs >= 200, "waited " + waitedMs + " ms");
            // it saw the other transaction's row: its read came after that commit
            assertEquals(List.of("after 1", "held"),
                    second.jdbi().withHandle(h -> h.createQuery("SELECT key FROM processed_requests ORDER BY key").mapTo(String.class).list()));
        }
    }

    @Test
    void a_failed_write_changes_nothing_and_the_next_one_works() {
        try (Database db = Database.open(dir.resolve("f.db"))) {
            assertThrows(IllegalArgumentException.class, () -> db.useWrite(h -> {
                h.execute("INSERT INTO processed_requests(key, at) VALUES ('lost', 'x')");
                throw new IllegalArgumentException("boom");
            }));
            for (int i = 0; i < 10; i++) { // every pooled connection is out of its transaction
                int n = i;
                db.useWrite(h -> h.execute("INSERT INTO processed_requests(key, at) VALUES (?, 'x')", "kept " + n));
            }
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM processed_requests").mapTo(Integer.class).one());
            assertEquals(10, rows);
        }
    }

    @Test
    void writes_do_not_nest() {
        try (Database db = Database.open(dir.resolve("f.db"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> db.useWrite(h -> db.useWrite(inner -> inner.execute("SELECT 1"))));
            assertTrue(e.getMessage().contains("do not nest"), e.getMessage());
        }
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    /** Runs {@code body} on {@code threads} threads started together; returns what they threw. */
    private static List<Throwable> run(int threads, Body body) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            pool.execute(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        return List.copyOf(failures);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

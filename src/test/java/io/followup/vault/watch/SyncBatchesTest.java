package io.followup.vault.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.TaskStatus;
import io.followup.vault.writeback.PendingWrites;
import io.followup.vault.writeback.VaultFixture;
import io.followup.vault.writeback.WriteBack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync of many changed notes ingests them a few dates at a time, each batch under the write-back's lock on its own,
 * so a click's write-back waits for one batch's ingest, not for the whole sync.
 */
class SyncBatchesTest {

    @TempDir
    Path dir;
    VaultFixture vault;

    @BeforeEach
    void open() {
        vault = new VaultFixture(dir);
        note("a1.md", "2025-10-01", "[ ] Send the deck @Ana");
        note("a2.md", "2025-10-01", "[ ] Call the venue @Ana");
        note("b.md", "2025-10-02", "[ ] Book the room @Bo");
        note("c.md", "2025-10-03", "[ ] Print the badges @Cy");
        note("d.md", "2025-10-04", "[ ] Order lunch @Di");
        vault.ingest();
    }

    @AfterEach
    void close() {
        vault.close();
    }

    void note(String path, String date, String task) {
        vault.write(path, ("---\ndate: " + date + "\n---\n- " + task + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_dates_notes_stay_in_one_batch_and_dates_are_added_until_a_batch_merges_enough_notes() {
        List<String> paths = List.of("d.md", "b.md", "new.md", "a2.md", "c.md", "a1.md");
        assertEquals(List.of(List.of("a2.md", "a1.md"), List.of("b.md", "c.md"), List.of("d.md", "new.md")),
                vault.store.batchesByDate(paths, 2), "dates in order; notes the store has no date for last");
        // a date counts all its notes, also those not in the sync: one changed note of 2025-10-01 merges both again
        assertEquals(List.of(List.of("a1.md"), List.of("b.md", "c.md")), vault.store.batchesByDate(List.of("c.md", "a1.md", "b.md"), 2));
        assertEquals(List.of(List.of("a1.md", "a2.md", "b.md", "c.md", "d.md")),
                vault.store.batchesByDate(List.of("a1.md", "a2.md", "b.md", "c.md", "d.md"), 32));
        assertEquals(List.of(), vault.store.batchesByDate(List.of(), 2));
    }

    @Test
    void each_batch_is_ingested_under_the_lock_taken_for_it_alone() {
        WriteBack wb = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
        CountingLock lock = new CountingLock();
        List<List<String>> ingested = new ArrayList<>();
        List<Integer> holds = new ArrayList<>();
        VaultSync batched = new VaultSync(paths -> {
            ingested.add(List.copyOf(paths));
            holds.add(lock.inner.getHoldCount());
            vault.ingester.ingestPaths(paths);
        }, vault.ingester::pendingChanges, vault.ingester::pendingChanges, vault.store, new PendingWrites(vault.store, wb, VaultFixture.CLOCK),
                lock, VaultFixture.CLOCK, 2);
        note("a1.md", "2025-10-01", "[x] Send the deck @Ana ✅ 2025-11-01");
        note("b.md", "2025-10-02", "[x] Book the room @Bo ✅ 2025-11-01");
        note("c.md", "2025-10-03", "[x] Print the badges @Cy ✅ 2025-11-01");
        note("d.md", "2025-10-04", "[x] Order lunch @Di ✅ 2025-11-01");
        note("new.md", "2025-10-05", "[ ] Send the minutes @Ed");

        assertEquals(4, batched.sync(List.of("a1.md", "b.md", "c.md", "d.md", "new.md")), "four notes' tasks were completed in the notes");

        assertEquals(List.of(List.of("a1.md"), List.of("b.md", "c.md"), List.of("d.md", "new.md")), ingested);
        assertEquals(List.of(1, 1, 1), holds, "each batch under the lock, taken once");
        assertEquals(4, lock.taken.get(), "the lock taken for each batch, then for the retry of pending changes");
        assertTrue(vault.tasks.all().stream().filter(t -> !t.description().equals("Call the venue") && !t.description().equals("Send the minutes"))
                .allMatch(t -> t.status() == TaskStatus.DONE));
        assertEquals(6, vault.tasks.all().size(), "the new note's task is in the store");
    }

    /** A lock that counts how often it was taken. */
    static final class CountingLock implements Lock {
        final ReentrantLock inner = new ReentrantLock();
        final AtomicInteger taken = new AtomicInteger();

        @Override
        public void lock() {
            inner.lock();
            taken.incrementAndGet();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            inner.lockInterruptibly();
            taken.incrementAndGet();
        }

        @Override
        public boolean tryLock() {
            boolean got = inner.tryLock();
            if (got) {
                taken.incrementAndGet();
            }
            return got;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            boolean got = inner.tryLock(time, unit);
            if (got) {
                taken.incrementAndGet();
            }
            return got;
        }

        @Override
        public void unlock() {
            inner.unlock();
        }

        @Override
        public Condition newCondition() {
            return inner.newCondition();
        }
    }
}

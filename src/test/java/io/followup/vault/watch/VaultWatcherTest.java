package io.followup.vault.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskEvent;
import io.followup.vault.writeback.PendingWrites;
import io.followup.vault.writeback.VaultFixture;
import io.followup.vault.writeback.WriteBack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultWatcherTest {

    @TempDir
    Path dir;
    VaultFixture vault;
    VaultSync sync;
    final java.util.concurrent.atomic.AtomicInteger fullIngests = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger partialIngests = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void open() {
        vault = new VaultFixture(dir);
        WriteBack wb = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
        sync = new VaultSync(paths -> {
            if (paths == null) {
                fullIngests.incrementAndGet();
                vault.ingester.ingest();
            } else {
                partialIngests.incrementAndGet();
                vault.ingester.ingestPaths(paths);
            }
        }, vault.ingester::pendingChanges, vault.ingester::pendingChanges, vault.store, new PendingWrites(vault.store, wb, VaultFixture.CLOCK), wb.lock(),
                VaultFixture.CLOCK);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Liveness, not timing: waits up to 5 s for the store to show something. */
    static <T> Optional<T> eventually(Supplier<Optional<T>> probe) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v;
            }
            Thread.sleep(50);
        }
        return probe.get();
    }

    Optional<Task> taskWith(String words, TaskStatus status) {
        return vault.tasks.all().stream().filter(t -> t.description().contains(words) && t.status() == status).findFirst();
    }

    @Test
    void a_note_saved_before_syncing_begins_is_synced_by_its_event_not_left_to_the_rescan() throws Exception {
        vault.ingest();
        // serve: watch, run the first ingest (a note is saved meanwhile), then begin; the rescan is far away
        try (VaultWatcher w = VaultWatcher.watching(vault.vault, Duration.ofHours(1), sync)) {
            vault.write("saved during the first ingest.md", utf8("- [ ] Call the printer @Ana\n"));
            w.begin();
            assertTrue(eventually(() -> taskWith("Call the printer", TaskStatus.OPEN)).isPresent(), "seen without a rescan");
        }
    }

    @Test
    void notes_added_edited_and_deleted_while_watching_reach_the_store() throws Exception {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        try (VaultWatcher ignored = VaultWatcher.start(vault.vault, Duration.ofSeconds(30), sync)) {
            vault.write("n.md", utf8("- [x] Send the deck @Ana ✅ 2025-11-01\n"));
            assertTrue(eventually(() -> taskWith("Send the deck", TaskStatus.DONE)).isPresent(), "edit seen");

            vault.write("sub/new/m.md", utf8("- [ ] Book the room @Bo\n"));
            assertTrue(eventually(() -> taskWith("Book the room", TaskStatus.OPEN)).isPresent(), "note in a new folder seen");

            Files.delete(vault.vault.resolve("n.md"));
            assertTrue(eventually(() -> taskWith("Send the deck", TaskStatus.DONE).isPresent() ? Optional.empty()
                    : Optional.of(true)).isPresent(), "deletion seen");
        }
    }

    @Test
    void notes_in_hidden_folders_are_not_read() throws Exception {
        try (VaultWatcher ignored = VaultWatcher.start(vault.vault, Duration.ofSeconds(30), sync)) {
            vault.write(".trash/old.md", utf8("- [ ] Hidden @Ana\n"));
            vault.write("visible.md", utf8("- [ ] Visible @Ana\n"));
            assertTrue(eventually(() -> taskWith("Visible", TaskStatus.OPEN)).isPresent());
            assertTrue(taskWith("Hidden", TaskStatus.OPEN).isEmpty());
        }
    }

    @Test
    void ticking_a_box_in_the_note_wins_and_is_recorded_as_a_vault_edit() throws IOException {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task task = vault.task("Send the deck");
        vault.write("n.md", utf8("- [x] Send the deck @Ana ✅ 2025-11-01\n"));

        assertEquals(1, sync.sync(List.of("n.md")));

        assertEquals(TaskStatus.DONE, vault.tasks.byId(task.id()).orElseThrow().status());
        List<TaskEvent> history = new TaskChangeStore(vault.db).history(task.id());
        assertEquals(1, history.size());
        assertEquals("vault", history.get(0).actor());
        assertEquals("note-edit", history.get(0).action());
        assertTrue(history.get(0).detail().startsWith("complete"), history.get(0).detail());
    }

    @Test
    void completing_a_recurring_task_in_obsidian_is_recorded_on_that_task_and_its_next_instance_is_new() {
        vault.write("n.md", utf8("- [ ] Water the plants @Ana 🔁 every week 📅 2025-10-31\n"));
        vault.ingest();
        Task task = vault.task("Water the plants");
        // what the Tasks plugin writes when the box is ticked: the next instance above the completed line
        vault.write("n.md", utf8("- [ ] Water the plants @Ana 🔁 every week 📅 2025-11-07\n"
                + "- [x] Water the plants @Ana 🔁 every week 📅 2025-10-31 ✅ 2025-11-01\n"));

        assertEquals(1, sync.sync(List.of("n.md")));

        Task done = vault.tasks.byId(task.id()).orElseThrow();
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(java.time.LocalDate.of(2025, 11, 1), done.done());
        List<TaskEvent> history = new TaskChangeStore(vault.db).history(task.id());
        assertEquals("vault", history.get(0).actor());
        assertTrue(history.get(0).detail().startsWith("complete"), history.get(0).detail());
        Task next = taskWith("Water the plants", TaskStatus.OPEN).orElseThrow();
        assertEquals(java.time.LocalDate.of(2025, 11, 7), next.due());
        assertTrue(new TaskChangeStore(vault.db).history(next.id()).isEmpty());
    }

    @Test
    void a_full_rescan_compares_the_tasks_of_the_notes_it_reads_again_and_records_their_edits() {
        vault.write("a.md", utf8("---\ndate: 2025-10-01\n---\n- [ ] Send the deck @Ana\n"));
        vault.write("b.md", utf8("---\ndate: 2025-10-01\n---\n- [ ] Book the room @Bo\n"));
        vault.write("c.md", utf8("---\ndate: 2025-10-02\n---\n- [ ] Order lunch @Cy\n"));
        vault.ingest();
        Task deck = vault.task("Send the deck");
        vault.write("a.md", utf8("---\ndate: 2025-10-01\n---\n- [x] Send the deck @Ana ✅ 2025-11-01\n"));

        assertEquals(java.util.Set.of("a.md"), vault.ingester.pendingChanges());
        // the changed note's tasks and those of its date's other notes (merged again with it), not the rest
        assertEquals(java.util.Set.of(deck.id(), vault.task("Book the room").id()), vault.store.statesAround(List.of("a.md")).keySet());
        assertEquals(1, sync.sync(null));
        List<TaskEvent> history = new TaskChangeStore(vault.db).history(deck.id());
        assertEquals(List.of("note-edit"), history.stream().map(TaskEvent::action).toList());
        assertEquals(java.util.Set.of(), vault.ingester.pendingChanges());
        int ingests = fullIngests.get();
        assertEquals(0, sync.sync(null));
        assertEquals(ingests, fullIngests.get(), "a rescan that finds nothing changed ingests nothing");
        sync.syncAll();
        assertEquals(ingests + 1, fullIngests.get(), "serve's first sync ingests anyway");
    }

    @Test
    void a_note_saved_while_a_rescan_runs_is_recorded_by_the_next_rescan_not_lost() {
        vault.write("a.md", utf8("---\ndate: 2025-10-01\n---\n- [ ] Send the deck @Ana\n"));
        vault.write("b.md", utf8("---\ndate: 2025-10-02\n---\n- [ ] Book the room @Bo\n"));
        vault.ingest();
        Task room = vault.task("Book the room");
        java.util.concurrent.atomic.AtomicBoolean saveOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        WriteBack wb = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
        VaultSync racing = new VaultSync(paths -> {
            if (paths == null) {
                vault.ingester.ingest();
            } else {
                vault.ingester.ingestPaths(paths);
            }
        }, () -> {
            java.util.Set<String> planned = vault.ingester.pendingChanges();
            // Obsidian saves b.md just after the rescan planned its work
            if (saveOnce.getAndSet(false)) {
                vault.write("b.md", utf8("---\ndate: 2025-10-02\n---\n- [x] Book the room @Bo ✅ 2025-11-01\n"));
            }
            return planned;
        }, vault.ingester::pendingChanges, vault.store, new PendingWrites(vault.store, wb, VaultFixture.CLOCK), wb.lock(), VaultFixture.CLOCK);
        vault.write("a.md", utf8("---\ndate: 2025-10-01\n---\n- [x] Send the deck @Ana ✅ 2025-11-01\n"));

        assertEquals(1, racing.sync(null), "this rescan: a.md");
        assertEquals(1, racing.sync(null), "the next: b.md");
        assertEquals(List.of("note-edit"), new TaskChangeStore(vault.db).history(room.id()).stream().map(TaskEvent::action).toList());
    }

    @Test
    void notes_reported_but_as_the_store_read_them_are_not_ingested_again() {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        assertEquals(0, sync.sync(List.of("n.md", "gone-before-it-was-read.md")));
        assertEquals(0, partialIngests.get(), "nothing differs from the store");
        vault.write("n.md", utf8("- [x] Send the deck @Ana ✅ 2025-11-01\n"));
        assertEquals(1, sync.sync(List.of("n.md")));
        assertEquals(1, partialIngests.get());
    }

    /**
     * The write-back's lock is held elsewhere (a click being written back): a sync that finds every reported note as the
     * store holds it, and nothing pending, does not wait for it; one that finds a changed note does, before ingesting.
     */
    @Test
    void a_sync_with_nothing_to_do_does_not_wait_for_the_write_backs_lock() throws Exception {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        WriteBack wb = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
        VaultSync locked = new VaultSync(paths -> {
            partialIngests.incrementAndGet();
            vault.ingester.ingestPaths(paths);
        }, vault.ingester::pendingChanges, vault.ingester::pendingChanges, vault.store, new PendingWrites(vault.store, wb, VaultFixture.CLOCK),
                lock, VaultFixture.CLOCK);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService syncing = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> {
                lock.lock();
                held.countDown();
                release.await();
                lock.unlock();
                return null;
            });
            assertTrue(held.await(5, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, syncing.submit(() -> locked.sync(List.of("n.md"))).get(5, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, syncing.submit(() -> locked.sync(null)).get(5, java.util.concurrent.TimeUnit.SECONDS), "a rescan that finds nothing");

            vault.write("n.md", utf8("- [x] Send the deck @Ana ✅ 2025-11-01\n"));
            java.util.concurrent.Future<Integer> changed = syncing.submit(() -> locked.sync(List.of("n.md")));
            Thread.sleep(200);
            assertFalse(changed.isDone(), "a changed note is ingested under the lock");
            assertEquals(0, partialIngests.get());
            release.countDown();
            assertEquals(1, changed.get(5, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, partialIngests.get());
        } finally {
            release.countDown();
            other.shutdownNow();
            syncing.shutdownNow();
        }
    }

    @Test
    void a_pending_chat_change_is_written_once_the_note_can_take_it() throws IOException {
        Path file = vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        Task after = new Task(before.id(), before.description(), before.owner(), before.ownerRaw(), before.ownerKind(),
                TaskStatus.DONE, "x", before.due(), before.scheduled(), before.start(), before.created(),
                java.time.LocalDate.of(2025, 11, 2), null, before.priority(), before.recurrence(), before.tags(),
                before.blockId(), before.meeting(), before.sources(), false);
        new TaskChangeStore(vault.db).apply(before, after, TaskEvent.of(before.id(), VaultFixture.CLOCK.instant(), "U1",
                "complete", "", null));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        WriteBack wb = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
        assertEquals(io.followup.tasks.WriteResult.Outcome.PENDING, wb.apply(before, after).outcome());

        // an unrelated edit elsewhere triggers a sync: still read-only, the chat change survives the ingest
        vault.write("other.md", utf8("- [ ] Other @Bo\n"));
        sync.sync(null);
        assertEquals(TaskStatus.DONE, vault.tasks.byId(before.id()).orElseThrow().status());
        assertTrue(vault.tasks.byId(before.id()).orElseThrow().writebackPending());

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        sync.sync(null);
        assertEquals("- [x] Send the deck @Ana ✅ 2025-11-02\n", Files.readString(file));
        assertTrue(vault.store.pending().isEmpty());
        sync.sync(List.of("n.md"));
        Task now = vault.tasks.byId(before.id()).orElseThrow();
        assertEquals(TaskStatus.DONE, now.status());
        assertTrue(!now.writebackPending());
        assertTrue(new TaskChangeStore(vault.db).history(before.id()).stream().noneMatch(e -> e.actor().equals("vault")));
    }
}

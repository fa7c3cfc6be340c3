package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.ingest.Ingester;
import io.followup.ingest.OwnerResolver;
import io.followup.ingest.OwnWritesInStore;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.Database;
import io.followup.store.IngestStore;
import io.followup.store.NoteStore;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskEvent;
import io.followup.store.TaskStore;
import io.followup.tasks.WriteResult.Outcome;
import io.followup.vault.NoteParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store takes a note our write-back rewrote without ingesting it again, only when that leaves it exactly as an
 * ingest of the note would; otherwise (the note changed meanwhile, a line was added) the watcher's ingest reads it.
 */
class OwnWritesTest {

    static final String NOTE = "---\ntitle: Sync\ndate: 2025-10-30\nparticipants: [Ana, Bo]\n---\n# Sync\n\n## Summary\nWe met.\n\n"
            + "## Action items\n- [ ] Send the deck @Ana 📅 2025-10-31\n- [ ] Book the room @Bo\n- [ ] Water plants @Ana 🔁 every week 📅 2025-10-31\n";

    @TempDir
    Path dir;
    VaultFixture vault;
    WriteBack writeBack;

    @BeforeEach
    void open() throws Exception {
        vault = new VaultFixture(dir);
        vault.write("n.md", NOTE.getBytes(StandardCharsets.UTF_8));
        vault.ingest();
        writeBack = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK, new OwnWritesInStore(vault.db, new NoteParser()::parse));
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private Task complete(String words) {
        Task before = vault.task(words);
        Task after = Tasks.done(before);
        new TaskChangeStore(vault.db).apply(before, after, TaskEvent.of(before.id(), VaultFixture.CLOCK.instant(), "U1", "complete", "", null));
        long writes = vault.db.writeCount();
        assertEquals(Outcome.WRITTEN, writeBack.apply(before, after).outcome());
        writesOfLastWriteBack = vault.db.writeCount() - writes;
        return after;
    }

    private long writesOfLastWriteBack;

    @Test
    void a_done_click_written_back_is_stored_as_an_ingest_would_and_the_watcher_reads_nothing() throws Exception {
        Task done = complete("Send the deck");
        assertEquals(1, writesOfLastWriteBack, "the pending mark cleared and the note stored in one transaction");
        assertFalse(vault.tasks.byId(done.id()).orElseThrow().writebackPending());

        assertEquals(Set.of(), vault.ingester.pendingChanges(), "the note's new fingerprint is stored");
        assertEquals(0, vault.ingester.ingestPaths(List.of("n.md")).parsed());
        assertEquals(TaskStatus.DONE, new NoteStore(vault.db).taskLine("n.md", done.sources().get(0).line()).orElseThrow().status());

        // the same vault ingested from scratch gives the same tasks and the same stored note
        try (Database fresh = Database.open(dir.resolve("fresh.db"))) {
            new Ingester(vault.vault, fresh, new NoteParser()::parse, names -> OwnerResolver.asWritten(), VaultFixture.CLOCK,
                    new IngestStore(fresh)).ingest();
            assertEquals(summary(new TaskStore(fresh).all()), summary(vault.tasks.all()));
            NoteStore.StoredNote a = new NoteStore(fresh).stored("n.md").orElseThrow();
            NoteStore.StoredNote b = new NoteStore(vault.db).stored("n.md").orElseThrow();
            assertEquals(a, b);
            assertEquals(new NoteStore(fresh).fingerprints(), new NoteStore(vault.db).fingerprints());
        }
    }

    @Test
    void a_note_edited_since_the_last_ingest_is_left_to_the_watchers_ingest() throws Exception {
        // someone ticks another box in the note; the watcher has not ingested it yet when the click is written back
        Path file = vault.vault.resolve("n.md");
        Files.writeString(file, Files.readString(file).replace("- [ ] Book the room", "- [x] Book the room"));
        complete("Send the deck");

        assertEquals(Set.of("n.md"), vault.ingester.pendingChanges());
        assertEquals(1, vault.ingester.ingestPaths(List.of("n.md")).parsed());
        assertEquals(TaskStatus.DONE, vault.task("Book the room").status(), "the note's own edit reaches the store");
        assertEquals(TaskStatus.DONE, vault.task("Send the deck").status());
    }

    @Test
    void a_recurring_task_whose_next_instance_was_added_is_left_to_the_watchers_ingest() {
        complete("Water plants");

        assertEquals(Set.of("n.md"), vault.ingester.pendingChanges());
        vault.ingester.ingestPaths(List.of("n.md"));
        List<Task> plants = vault.tasks.all().stream().filter(t -> t.description().contains("Water plants")).toList();
        assertEquals(2, plants.size(), plants.toString());
        assertTrue(plants.stream().anyMatch(t -> t.status() == TaskStatus.DONE));
        assertTrue(plants.stream().anyMatch(t -> t.status() == TaskStatus.OPEN));
    }

    @Test
    void without_a_store_to_tell_the_watcher_reads_our_write_as_before() {
        writeBack = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
        complete("Send the deck");
        assertFalse(vault.ingester.pendingChanges().isEmpty());
    }

    private static List<String> summary(List<Task> tasks) {
        return tasks.stream().sorted(Comparator.comparing(Task::id)).map(t -> t.id() + " " + t.status() + " " + t.done() + " " + t.due()
                + " " + t.owner() + " " + t.sources() + " " + t.writebackPending()).toList();
    }
}

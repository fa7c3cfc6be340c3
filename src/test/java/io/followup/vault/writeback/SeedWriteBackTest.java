package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.tasks.WriteResult.Outcome;
import io.followup.vault.watch.VaultSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real seed notes (mojibake in three code pages, one meeting captured twice): reopen every task from chat. */
class SeedWriteBackTest {

    @TempDir
    Path dir;

    @Test
    void reopening_every_seed_task_edits_only_task_lines_and_reads_back_as_the_store_says() throws IOException {
        String seeds = System.getenv("FOLLOWUP_SEEDS_DIR");
        Assumptions.assumeTrue(seeds != null && Files.isDirectory(Path.of(seeds)),
                "seed notes not available (FOLLOWUP_SEEDS_DIR unset or missing); skipping");
        try (VaultFixture vault = new VaultFixture(dir); Stream<Path> files = Files.list(Path.of(seeds))) {
            Map<String, byte[]> original = new HashMap<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String name = f.getFileName().toString().replace(".txt", ".md");
                original.put(name, Files.readAllBytes(f));
                vault.write(name, original.get(name));
            }
            vault.ingest();
            List<Task> all = vault.tasks.all();
            assertTrue(all.size() >= 30, "seed tasks ingested: " + all.size());
            WriteBack wb = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
            for (Task t : all) {
                Task reopened = Tasks.status(t, TaskStatus.OPEN, null, null);
                assertEquals(Outcome.WRITTEN, wb.apply(t, reopened).outcome(), t.id() + " " + t.description());
            }
            // every line that changed is a task line of the same note, and only the box and ✅ changed
            for (Map.Entry<String, byte[]> e : original.entrySet()) {
                NoteLines before = NoteLines.of(e.getValue());
                NoteLines after = NoteLines.of(vault.read(e.getKey()));
                assertEquals(before.size(), after.size(), e.getKey());
                for (int n = 1; n <= before.size(); n++) {
                    String was = RawText.of(before.content(n));
                    String now = RawText.of(after.content(n));
                    if (!was.equals(now)) {
                        TaskLine line = TaskLine.parse(was).orElseThrow();
                        String expected = TaskLineEditor.apply(line, LineChange.none().status(" ").done(null));
                        assertEquals(expected, now, e.getKey() + ":" + n);
                    }
                }
            }
            VaultSync sync = new VaultSync(vault.ingester::ingestPaths, vault.ingester::pendingChanges, vault.ingester::pendingChanges, vault.store,
                    new PendingWrites(vault.store, wb, VaultFixture.CLOCK), wb.lock(), VaultFixture.CLOCK);
            sync.sync(original.keySet());
            for (Task t : vault.tasks.all()) {
                assertTrue(t.status() == TaskStatus.OPEN || t.status() == TaskStatus.PROPOSED,
                        t.id() + " " + t.status() + " " + t.description());
            }
        }
    }
}

package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskEvent;
import io.followup.tasks.WriteResult;
import io.followup.tasks.WriteResult.Outcome;
import io.followup.vault.watch.VaultSync;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WriteBackTest {

    @TempDir
    Path dir;
    VaultFixture vault;

    @BeforeEach
    void open() {
        vault = new VaultFixture(dir);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    WriteBack writeBack() {
        return new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cp1252(String s) {
        return s.getBytes(Charset.forName("windows-1252"));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Each note: bytes before the task line, the line, bytes after, and what the line must become. */
    static Stream<Arguments> notes() {
        String done = " ✅ 2025-11-02";
        return Stream.of(
                Arguments.of("utf-8 LF", utf8("# Plan\n\n- [ ] Other @Bo\n"), utf8("- [ ] Send the deck @Ana 📅 2025-10-31"),
                        utf8("\n- [ ] Last @Cy\n"), utf8("- [x] Send the deck @Ana 📅 2025-10-31" + done)),
                Arguments.of("utf-8 BOM", utf8("\uFEFF# Plan\n"), utf8("- [ ] Send the deck @Ana 📅 2025-10-31 ^deck"),
                        utf8("\n"), utf8("- [x] Send the deck @Ana 📅 2025-10-31" + done + " ^deck")),
                Arguments.of("CRLF", utf8("# Plan\r\n- [ ] Other @Bo\r\n"), utf8("- [ ] Send the deck @Ana"),
                        utf8("\r\nend\r\n"), utf8("- [x] Send the deck @Ana" + done)),
                Arguments.of("mixed endings", utf8("# Plan\r\nintro\n"), utf8("- [ ] Send the deck @Ana ⏫"),
                        utf8("\r\n- [ ] Other @Bo\n\r\n"), utf8("- [x] Send the deck @Ana ⏫" + done)),
                Arguments.of("windows-1252 bytes", cp1252("Réunion notes ÿ\n"), concat(cp1252("- [ ] Send the deck to Zoë @Ana "),
                        utf8("📅 2025-10-31")), cp1252("\n- [ ] Café @Bo\n"),
                        concat(cp1252("- [x] Send the deck to Zoë @Ana "), utf8("📅 2025-10-31" + done))),
                Arguments.of("mojibake emoji", utf8("Meeting with TomÃ¡s\n"),
                        utf8("- [ ] Send the deck @Ana ðŸ“… 2025-10-31 â« #task"), utf8("\n"),
                        utf8("- [x] Send the deck @Ana ðŸ“… 2025-10-31 â« #task" + done)),
                Arguments.of("trailing spaces, no final newline", utf8("x  \n- [ ] Other @Bo \t\n"),
                        utf8("- [ ] Send the deck @Ana   "), utf8(""), utf8("- [x] Send the deck @Ana" + done + "   ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void completing_changes_only_the_task_line_in_every_encoding(String name, byte[] head, byte[] line, byte[] tail,
                                                                 byte[] expectedLine) {
        vault.write("n.md", concat(head, line, tail));
        vault.ingest();
        Task before = vault.task("Send the deck");

        WriteResult result = writeBack().apply(before, Tasks.done(before));

        assertEquals(Outcome.WRITTEN, result.outcome(), result.message());
        assertEquals(new String(concat(head, expectedLine, tail), StandardCharsets.ISO_8859_1),
                new String(vault.read("n.md"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void our_own_write_reads_back_as_what_the_store_says_and_leaves_no_note_edit() {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana 📅 2025-10-31\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        Task after = Tasks.done(before);
        TaskChangeStore changes = new TaskChangeStore(vault.db);
        changes.apply(before, after, TaskEvent.of(before.id(), VaultFixture.CLOCK.instant(), "U1", "complete", "", null));
        WriteBack wb = writeBack();
        assertEquals(Outcome.WRITTEN, wb.apply(before, after).outcome());

        VaultSync sync = new VaultSync(vault.ingester::ingestPaths, vault.ingester::pendingChanges, vault.ingester::pendingChanges, vault.store,
                new PendingWrites(vault.store, wb, VaultFixture.CLOCK), wb.lock(), VaultFixture.CLOCK);
        assertEquals(0, sync.sync(java.util.List.of("n.md")));
        Task now = vault.tasks.byId(before.id()).orElseThrow();
        assertEquals(TaskStatus.DONE, now.status());
        assertEquals(LocalDate.of(2025, 11, 2), now.done());
        assertFalse(now.writebackPending());
    }

    @Test
    void a_line_that_moved_since_the_ingest_is_found_by_its_description() {
        vault.write("n.md", utf8("# Plan\n- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        vault.write("n.md", utf8("# Plan\n- [ ] New task above @Bo\nmore text\n- [ ] Send the deck @Ana\n"));

        assertEquals(Outcome.WRITTEN, writeBack().apply(before, Tasks.done(before)).outcome());
        assertEquals("# Plan\n- [ ] New task above @Bo\nmore text\n- [x] Send the deck @Ana ✅ 2025-11-02\n",
                new String(vault.read("n.md"), StandardCharsets.UTF_8));
    }

    @Test
    void an_ambiguous_edit_leaves_the_note_untouched_and_the_change_pending() {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        byte[] edited = utf8("- [ ] Intro @Bo\n- [ ] Send the deck @Ana\n- [ ] Send the deck @Cy\n");
        vault.write("n.md", edited);

        WriteResult result = writeBack().apply(before, Tasks.done(before));

        assertEquals(Outcome.PENDING, result.outcome());
        assertTrue(result.message().startsWith("Changed in chat, not yet in the note"), result.message());
        assertArrayEquals(edited, vault.read("n.md"));
        assertTrue(vault.tasks.byId(before.id()).orElseThrow().writebackPending());
        assertEquals(1, vault.store.pending().size());
    }

    @Test
    void a_deleted_line_is_not_written_anywhere() {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n- [ ] Other @Bo\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        byte[] edited = utf8("- [ ] Other @Bo\n");
        vault.write("n.md", edited);

        assertEquals(Outcome.PENDING, writeBack().apply(before, Tasks.done(before)).outcome());
        assertArrayEquals(edited, vault.read("n.md"));
    }

    @Test
    void a_read_only_note_keeps_the_change_pending_until_it_is_writable_again() throws IOException {
        Path file = vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        WriteBack wb = writeBack();

        WriteResult result = wb.apply(before, Tasks.done(before));

        assertEquals(Outcome.PENDING, result.outcome());
        assertTrue(result.message().contains("read-only"), result.message());
        assertArrayEquals(utf8("- [ ] Send the deck @Ana\n"), vault.read("n.md"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, new PendingWrites(vault.store, wb, VaultFixture.CLOCK).retry());
        assertEquals("- [x] Send the deck @Ana ✅ 2025-11-02\n", new String(vault.read("n.md"), StandardCharsets.UTF_8));
        assertTrue(vault.store.pending().isEmpty());
        assertFalse(vault.tasks.byId(before.id()).orElseThrow().writebackPending());
    }

    @Test
    void with_write_back_off_the_change_lives_in_the_store_only() {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");

        WriteResult result = new WriteBack(vault.vault, false, vault.store, VaultFixture.CLOCK).apply(before, Tasks.done(before));

        assertEquals(Outcome.DISABLED, result.outcome());
        assertTrue(result.message().contains("FOLLOWUP_WRITEBACK=off"));
        assertArrayEquals(utf8("- [ ] Send the deck @Ana\n"), vault.read("n.md"));
        assertTrue(vault.tasks.byId(before.id()).orElseThrow().writebackPending());
    }

    @Test
    void a_crash_between_temp_file_and_rename_leaves_the_note_intact() throws IOException {
        vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        WriteBack crashing = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK, new AtomicFiles(temp -> {
            throw new IOException("killed before rename");
        }));

        assertEquals(Outcome.PENDING, crashing.apply(before, Tasks.done(before)).outcome());
        assertArrayEquals(utf8("- [ ] Send the deck @Ana\n"), vault.read("n.md"));
        try (Stream<Path> files = Files.list(vault.vault)) {
            assertEquals(1, files.count(), "no temp file left beside the note");
        }
    }

    @Test
    void a_note_saved_in_obsidian_while_the_temp_file_is_written_is_not_overwritten_and_the_edit_is_redone() throws IOException {
        Path note = vault.write("n.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.task("Send the deck");
        int[] saves = {0};
        WriteBack racing = new WriteBack(vault.vault, true, vault.store, VaultFixture.CLOCK, new AtomicFiles(temp -> {
            if (saves[0]++ == 0) {
                Files.write(note, utf8("# Added in Obsidian\n- [ ] Send the deck @Ana\n"));
            }
        }));

        assertEquals(Outcome.WRITTEN, racing.apply(before, Tasks.done(before)).outcome());
        assertEquals("# Added in Obsidian\n- [x] Send the deck @Ana ✅ 2025-11-02\n", new String(vault.read("n.md"), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(vault.vault)) {
            assertEquals(1, files.count(), "no temp file left beside the note");
        }
    }

    @Test
    void completing_a_recurring_task_adds_the_next_instance_above_it() {
        vault.write("n.md", utf8("# Chores\r\n- [ ] Water plants @Ana 🔁 every week 📅 2025-10-31 ^plants\r\n"));
        vault.ingest();
        Task before = vault.task("Water plants");

        assertEquals(Outcome.WRITTEN, writeBack().apply(before, Tasks.done(before)).outcome());
        assertEquals("# Chores\r\n- [ ] Water plants @Ana 🔁 every week 📅 2025-11-07\r\n"
                        + "- [x] Water plants @Ana 🔁 every week 📅 2025-10-31 ✅ 2025-11-02 ^plants\r\n",
                new String(vault.read("n.md"), StandardCharsets.UTF_8));
    }

    @Test
    void snooze_reassign_accept_and_decline_edit_their_part_of_the_line() {
        vault.write("n.md", utf8("- [ ] Snooze me @Ana 📅 2025-10-31\n- [ ] Give me away @Ana\n"
                + "- [?] Accept me @Ana #proposed\n- [ ?] Decline me @Ana\n"));
        vault.ingest();
        WriteBack wb = writeBack();
        Task snooze = vault.task("Snooze me");
        Task give = vault.task("Give me away");
        Task accept = vault.task("Accept me");
        Task decline = vault.task("Decline me");

        assertEquals(Outcome.WRITTEN, wb.apply(snooze, Tasks.due(snooze, LocalDate.of(2025, 11, 9))).outcome());
        assertEquals(Outcome.WRITTEN, wb.apply(give, Tasks.owner(give, "Tomás Ortega")).outcome());
        assertEquals(Outcome.WRITTEN, wb.apply(accept, Tasks.status(accept, TaskStatus.OPEN, null, null)).outcome());
        assertEquals(Outcome.WRITTEN, wb.apply(decline,
                Tasks.status(decline, TaskStatus.CANCELLED, null, LocalDate.of(2025, 11, 2))).outcome());

        assertEquals("- [ ] Snooze me @Ana 📅 2025-11-09\n- [ ] Give me away @Tomás Ortega\n"
                        + "- [ ] Accept me @Ana #proposed\n- [-] Decline me @Ana ❌ 2025-11-02\n",
                new String(vault.read("n.md"), StandardCharsets.UTF_8));
    }

    @Test
    void a_task_in_two_notes_is_completed_in_both() {
        vault.write("2025-10-28 - Sync.md", utf8("- [ ] Send the deck @Ana 📅 2025-10-31\n"));
        vault.write("2025-10-28 - Sync again.md", utf8("- [ ] Send the deck @Ana\n"));
        vault.ingest();
        Task before = vault.tasks.all().stream().filter(t -> t.sources().size() == 2).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(before != null, "the ingester did not merge the two notes of one meeting");

        assertEquals(Outcome.WRITTEN, writeBack().apply(before, Tasks.done(before)).outcome());
        assertEquals("- [x] Send the deck @Ana 📅 2025-10-31 ✅ 2025-11-02\n", new String(vault.read("2025-10-28 - Sync.md"), StandardCharsets.UTF_8));
        assertEquals("- [x] Send the deck @Ana ✅ 2025-11-02\n", new String(vault.read("2025-10-28 - Sync again.md"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void an_unchanged_note_is_edited_at_the_stored_line_even_when_another_line_reads_the_same(
            String name, byte[] head, byte[] line, byte[] tail, byte[] expectedLine) {
        // the same task line twice: only the "still reads what the store read" check can pick the right one
        byte[] eol = new String(tail, StandardCharsets.ISO_8859_1).startsWith("\r\n") ? utf8("\r\n") : utf8("\n");
        vault.write("n.md", concat(head, line, eol, line, tail));
        vault.ingest();
        Task first = vault.tasks.all().stream().filter(t -> t.description().contains("Send the deck"))
                .min(java.util.Comparator.comparingInt(t -> t.sources().get(0).line())).orElseThrow();
        org.junit.jupiter.api.Assumptions.assumeTrue(first.sources().size() == 1, "the ingester merged the twin lines");

        assertEquals(Outcome.WRITTEN, writeBack().apply(first, Tasks.done(first)).outcome());
        assertEquals(new String(concat(head, expectedLine, eol, line, tail), StandardCharsets.ISO_8859_1),
                new String(vault.read("n.md"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void after_a_recurring_completion_the_completed_task_keeps_its_id_and_the_next_instance_is_a_new_task() {
        vault.write("n.md", utf8("- [ ] Water plants @Ana 🔁 every week 📅 2025-10-31\n"));
        vault.ingest();
        Task before = vault.task("Water plants");
        Task after = Tasks.done(before);
        new TaskChangeStore(vault.db).apply(before, after,
                TaskEvent.of(before.id(), VaultFixture.CLOCK.instant(), "U1", "complete", "", null));
        WriteBack wb = writeBack();
        assertEquals(Outcome.WRITTEN, wb.apply(before, after).outcome());
        VaultSync sync = new VaultSync(vault.ingester::ingestPaths, vault.ingester::pendingChanges, vault.ingester::pendingChanges, vault.store,
                new PendingWrites(vault.store, wb, VaultFixture.CLOCK), wb.lock(), VaultFixture.CLOCK);
        assertEquals(0, sync.sync(java.util.List.of("n.md")), "the next instance is no note edit");

        java.util.List<Task> plants = vault.tasks.all().stream().filter(t -> t.description().contains("Water plants")).toList();
        assertEquals(2, plants.size(), plants.toString());
        // the id stays with the line that was completed (now the second): its history and its undo stay with it
        Task done = vault.tasks.byId(before.id()).orElseThrow();
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(LocalDate.of(2025, 11, 2), done.done());
        assertEquals(LocalDate.of(2025, 10, 31), done.due());
        assertEquals(2, done.sources().get(0).line());
        Task next = plants.stream().filter(t -> !t.id().equals(before.id())).findFirst().orElseThrow();
        assertEquals(TaskStatus.OPEN, next.status());
        assertEquals(LocalDate.of(2025, 11, 7), next.due());
        assertEquals(1, next.sources().get(0).line());
        assertEquals(8, next.id().length(), next.id());
        assertEquals("complete", new TaskChangeStore(vault.db).history(before.id()).get(0).action());
    }

    @Test
    void a_moved_note_keeps_its_tasks_ids_history_and_the_chat_change_waiting_for_it() throws IOException {
        Path file = vault.write("Projects/kiosk.md", utf8("# Kiosk\n- [ ] Print the labels @Ana\n- [ ] Book the van @Bo\n"));
        vault.ingest();
        Task labels = vault.task("Print the labels");
        String van = vault.task("Book the van").id();
        Task done = Tasks.done(labels);
        new TaskChangeStore(vault.db).apply(labels, done, TaskEvent.of(labels.id(), VaultFixture.CLOCK.instant(), "U1", "complete", "", null));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        WriteBack wb = writeBack();
        assertEquals(Outcome.PENDING, wb.apply(labels, done).outcome());

        Files.createDirectories(vault.vault.resolve("Archive/2025"));
        Path moved = Files.move(file, vault.vault.resolve("Archive/2025/kiosk.md"));
        vault.ingest();

        Task now = vault.tasks.byId(labels.id()).orElseThrow();
        assertEquals("Archive/2025/kiosk.md", now.sources().get(0).path());
        assertEquals(TaskStatus.DONE, now.status());
        assertTrue(now.writebackPending());
        assertEquals("complete", new TaskChangeStore(vault.db).history(labels.id()).get(0).action());
        assertEquals(van, vault.task("Book the van").id());

        Files.setPosixFilePermissions(moved, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, new PendingWrites(vault.store, wb, VaultFixture.CLOCK).retry());
        assertEquals("# Kiosk\n- [x] Print the labels @Ana ✅ 2025-11-02\n- [ ] Book the van @Bo\n", Files.readString(moved));
    }

    @Test
    void a_new_note_that_only_shares_a_line_with_a_deleted_one_does_not_take_its_tasks_id() throws IOException {
        Path old = vault.write("Projects/kiosk.md", utf8("# Kiosk\n- [ ] Send the notes @Ana\n- [ ] Book the van @Bo\n- [ ] Print the labels @Ana\n"));
        vault.ingest();
        Task notes = vault.task("Send the notes");
        Files.delete(old);
        vault.write("Projects/fair.md", utf8("# Fair\n- [ ] Send the notes @Cy\n- [ ] Order the banners @Cy\n- [ ] Ship the stand @Cy\n"));
        vault.ingest();

        Task other = vault.task("Send the notes");
        assertEquals("Projects/fair.md", other.sources().get(0).path());
        assertNotEquals(notes.id(), other.id(), "one shared line out of three is not a moved note");
    }

    @Test
    void twin_lines_keep_their_ids_by_due_date_when_they_swap_places() {
        vault.write("n.md", utf8("- [ ] Call the carrier @Ana 📅 2025-11-03\n- [ ] Call the carrier @Ana 📅 2025-11-10\n"));
        vault.ingest();
        String early = vault.tasks.all().stream().filter(t -> LocalDate.of(2025, 11, 3).equals(t.due())).findFirst().orElseThrow().id();
        vault.write("n.md", utf8("- [ ] Call the carrier @Ana 📅 2025-11-10\n- [ ] Call the carrier @Ana 📅 2025-11-03\n"));
        vault.ingest();
        Task still = vault.tasks.byId(early).orElseThrow();
        assertEquals(LocalDate.of(2025, 11, 3), still.due());
        assertEquals(2, still.sources().get(0).line());
    }
}

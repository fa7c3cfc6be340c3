package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngesterTest {

    @TempDir
    Path dir;
    IngestFixture fx;

    @BeforeEach
    void setUp() {
        fx = new IngestFixture(dir);
        fx.write("Meetings/a.md", "title: Weekly sync", "date: 2025-10-28", "participants: Ana Lima, Bo Chen",
                "- [ ] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-01",
                "- [x] Book the venue for the offsite @Bo Chen \u2705 2025-10-29",
                "- [ ] Call Bob");
        fx.write("Meetings/b.md", "title: Weekly sync (transcript)", "date: 2025-10-28",
                "- [?] Draft the pricing page for launch @Ana Lima \uD83D\uDCC5 2025-11-01",
                "- [?] Book the venue for offsite @Bo Chen");
        fx.write("Projects/p.md", "title: Cloud", "type: projects", "- [ ] Write the roadmap @Ana Lima");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<Task> tasks() {
        return new TaskStore(fx.db).all();
    }

    private Map<String, String> idsByDescription() {
        return tasks().stream().collect(Collectors.toMap(Task::description, Task::id));
    }

    @Test
    void first_ingest_merges_notes_of_one_meeting() {
        IngestReport r = fx.ingest();

        assertEquals(3, r.notes());
        assertEquals(3, r.parsed());
        assertEquals(1, r.meetings());
        assertEquals(4, r.tasks());
        Task venue = tasks().stream().filter(t -> t.description().startsWith("Book")).findFirst().orElseThrow();
        assertEquals(TaskStatus.DONE, venue.status());
        assertEquals(2, venue.sources().size());
        assertEquals("Weekly sync", venue.meeting().title());
    }

    @Test
    void second_ingest_parses_nothing() {
        fx.ingest();
        IngestReport r = fx.ingest();

        assertEquals(0, r.parsed());
        assertEquals(3, r.skippedUnchanged());
        assertEquals(4, r.tasks());
    }

    @Test
    void a_touched_but_unchanged_file_is_not_parsed() throws Exception {
        fx.ingest();
        Files.setLastModifiedTime(fx.vault.resolve("Meetings/a.md"), java.nio.file.attribute.FileTime.fromMillis(1_800_000_000_000L));

        IngestReport r = fx.ingest();

        assertEquals(0, r.parsed());
        assertEquals(0, fx.ingest().parsed());
    }

    @Test
    void an_edit_that_keeps_the_length_is_parsed() throws Exception {
        fx.ingest();
        Path note = fx.vault.resolve("Projects/p.md");
        String before = Files.readString(note);
        String after = before.replace("- [ ]", "- [x]");
        assertEquals(before.length(), after.length());
        Files.writeString(note, after);
        Files.setLastModifiedTime(note, java.nio.file.attribute.FileTime.fromMillis(1_800_000_000_000L));

        IngestReport r = fx.ingest();

        assertEquals(1, r.parsed());
        assertEquals(List.of(TaskStatus.DONE), tasks().stream().filter(t -> t.sources().get(0).path().equals("Projects/p.md"))
                .map(Task::status).toList());
    }

    @Test
    void editing_one_note_parses_only_it() {
        fx.ingest();
        fx.write("Projects/p.md", "title: Cloud", "type: projects", "- [ ] Write the roadmap @Ana Lima", "- [ ] Price the plan");

        IngestReport r = fx.ingest();

        assertEquals(1, r.parsed());
        assertEquals(5, r.tasks());
    }

    @Test
    void deleting_a_note_removes_its_tasks_unless_another_note_has_them() {
        fx.ingest();
        Map<String, String> before = idsByDescription();
        fx.delete("Meetings/a.md");

        IngestReport r = fx.ingest();

        assertEquals(1, r.deleted());
        assertEquals(3, r.tasks(), "call bob is gone; the two tasks b.md shares survive");
        Task pricing = tasks().stream().filter(t -> t.description().startsWith("Draft")).findFirst().orElseThrow();
        assertEquals(List.of("Meetings/b.md"), pricing.sources().stream().map(s -> s.path()).toList());
        assertEquals(before.get("Draft the pricing page"), pricing.id(), "the surviving source keeps the id");
        assertEquals(TaskStatus.PROPOSED, pricing.status());
    }

    @Test
    void after_edits_the_store_holds_what_a_fresh_ingest_of_the_notes_gives() {
        fx.write("Meetings/c.md", "title: Pricing review", "date: 2025-10-28", "- [ ] Send the contract @Bo Chen", "- [ ] Plan the launch party");
        fx.ingest();
        // Unchanged tasks are left in place, changed ones rewritten, removed ones deleted: as if read afresh.
        fx.write("Meetings/a.md", "title: Weekly sync", "date: 2025-10-28", "participants: Ana Lima, Bo Chen",
                "- [x] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-01 \u2705 2025-10-30",
                "- [ ] Book the venue for the offsite @Ana Lima",
                "- [ ] Order the badges");
        fx.write("Meetings/c.md", "title: Pricing review", "date: 2025-10-28", "- [ ] Send the signed contract @Bo Chen");
        fx.ingest();
        List<Task> edited = tasks();
        List<List<String>> searches = searches();

        fx.reopenFresh();
        fx.ingest();

        assertEquals(tasks(), edited);
        assertEquals(searches(), searches);
        assertTrue(edited.stream().noneMatch(t -> t.description().equals("Call Bob")));
        assertTrue(edited.stream().anyMatch(t -> t.description().equals("Order the badges")));
        assertEquals(List.of(), new TaskStore(fx.db).search("party", 5), "a removed line is not found");
    }

    /** What full-text search finds for a few words, task ids sorted. */
    private List<List<String>> searches() {
        TaskStore store = new TaskStore(fx.db);
        return List.of("badges", "contract", "signed", "venue", "ana", "bo", "call", "party", "pricing").stream()
                .map(w -> store.search(w, 20).stream().map(Task::id).sorted().toList()).toList();
    }

    @Test
    void ids_survive_lines_added_above_and_status_date_changes_and_a_fresh_database() {
        fx.ingest();
        Map<String, String> before = idsByDescription();

        fx.write("Meetings/a.md", "# inserted heading", "some text", "", "title: Weekly sync", "date: 2025-10-28",
                "participants: Ana Lima, Bo Chen",
                "- [x] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-03 \u2705 2025-11-02",
                "- [x] Book the venue for the offsite @Bo Chen \u2705 2025-10-29",
                "- [/] Call Bob");
        fx.ingest();
        assertEquals(before, idsByDescription());

        fx.reopenFresh();
        fx.ingest();
        assertEquals(before, idsByDescription());
    }

    @Test
    void a_failure_mid_ingest_leaves_the_previous_state() {
        fx.ingest();
        List<Task> before = tasks();
        fx.write("Projects/p.md", "title: Cloud", "type: projects", "- [x] Write the roadmap @Ana Lima", "- [ ] Price the plan");

        assertThrows(IllegalStateException.class, () -> fx.ingester(stage -> {
            if (stage.equals("tasks")) {
                throw new IllegalStateException("injected");
            }
        }).ingest());

        assertEquals(before, tasks());
        assertEquals(1, fx.ingest().parsed(), "the failed ingest did not record the note as read");
        assertEquals(5, tasks().size());
    }

    @Test
    void a_note_that_fails_to_parse_is_a_warning_and_the_rest_goes_on() {
        fx.write("Meetings/bad.md", "BOOM");
        fx.write("Meetings/odd.md", "title: Odd", "WARN", "- [ ] Fix the odd note");

        IngestReport r = fx.ingest();

        assertEquals(5, r.tasks());
        assertTrue(r.warnings().stream().anyMatch(w -> w.path().equals("Meetings/bad.md")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.toString().startsWith("Meetings/odd.md:2")), r.warnings().toString());
    }

    @Test
    void hidden_folders_and_other_files_are_ignored() {
        fx.write(".obsidian/x.md", "- [ ] Hidden task");
        fx.write("Meetings/notes.txt", "- [ ] Text task");

        assertEquals(3, fx.ingest().notes());
    }

    @Test
    void a_missing_vault_is_one_clear_error_and_the_store_is_untouched() throws Exception {
        fx.ingest();
        Ingester broken = new Ingester(dir.resolve("nope"), fx.db, new SimpleNoteReader(), n -> OwnerResolver.asWritten(),
                IngestFixture.CLOCK, new io.followup.store.IngestStore(fx.db));

        IngestException e = assertThrows(IngestException.class, broken::ingest);

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(4, tasks().size());
        Path file = dir.resolve("file.md");
        Files.writeString(file, "x");
        assertTrue(Ingester.vaultProblem(file).orElseThrow().contains("not a folder"));
        assertFalse(Ingester.vaultProblem(fx.vault).isPresent());
    }

    @Test
    void ingest_paths_reads_only_the_named_files() {
        fx.ingest();
        fx.write("Meetings/c.md", "title: Other", "date: 2025-10-29", "- [ ] New thing");
        fx.delete("Projects/p.md");

        IngestReport r = fx.ingester().ingestPaths(List.of("Meetings/c.md", "Projects/p.md"));

        assertEquals(1, r.parsed());
        assertEquals(1, r.deleted());
        assertEquals(4, r.tasks());
        assertEquals(2, new MeetingStore(fx.db).all().size());
    }

    @Test
    void a_full_ingest_merges_every_note_again_without_parsing_and_keeps_ids() {
        fx.ingest();
        Map<String, String> before = idsByDescription();

        IngestReport r = fx.ingester().ingest(IngestProgress.NONE, true);

        assertEquals(0, r.parsed());
        assertEquals(4, r.tasks());
        assertEquals(before, idsByDescription());
    }


    private static final String[] WEEKLY = {"title: Weekly sync", "date: 2025-10-28", "participants: Ana Lima, Bo Chen",
            "- [ ] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-01",
            "- [x] Book the venue for the offsite @Bo Chen \u2705 2025-10-29",
            "- [ ] Call Bob"};

    private static String[] weeklyWith(String... more) {
        String[] lines = java.util.Arrays.copyOf(WEEKLY, WEEKLY.length + more.length);
        System.arraycopy(more, 0, lines, WEEKLY.length, more.length);
        return lines;
    }

    @Test
    void an_edit_merging_does_not_read_rewrites_the_note_but_not_its_meeting_or_tasks() {
        fx.ingest();
        List<Task> tasks = tasks();
        fx.countMeetingWrites();
        fx.write("Meetings/a.md", weeklyWith("", "We agreed to keep the old logo.", "WARN a line the reader warns about"));

        IngestReport r = fx.ingest();

        assertEquals(1, r.parsed());
        assertEquals(1, r.warnings().size(), "the note's row is written again: " + r.warnings());
        assertEquals(tasks, tasks());
        assertEquals(0, fx.meetingWrites(), "the date was not merged again");
        fx.reopenFresh();
        fx.ingest();
        assertEquals(tasks(), tasks, "the same as a fresh ingest gives");
    }

    @Test
    void an_edit_merging_reads_merges_the_date_again() {
        fx.ingest();
        fx.countMeetingWrites();
        // a line above the tasks moves them: their sources' lines change
        String[] moved = weeklyWith();
        moved[2] = "participants: Ana Lima, Bo Chen\nSome prose above the tasks.";
        fx.write("Meetings/a.md", moved);
        fx.ingest();
        Task call = tasks().stream().filter(t -> t.description().equals("Call Bob")).findFirst().orElseThrow();
        assertEquals(7, call.sources().get(0).line());
        assertEquals(1, fx.meetingWrites(), "merged again");

        String[] retitled = WEEKLY.clone();
        retitled[0] = "title: Weekly sync and pricing";
        fx.write("Meetings/a.md", retitled);
        fx.ingest();
        assertEquals("Weekly sync and pricing", tasks().stream().filter(t -> t.description().equals("Call Bob")).findFirst().orElseThrow()
                .meeting().title());

        String[] others = WEEKLY.clone();
        others[2] = "participants: Ana Lima, Bo Chen, Cy Dale";
        fx.write("Meetings/a.md", others);
        fx.ingest();
        assertTrue(new MeetingStore(fx.db).all().stream().anyMatch(m -> m.participants().contains("Cy Dale")));
    }

    @Test
    void merging_many_dates_again_keeps_every_id_and_gives_a_new_task_an_id_of_its_own() {
        // more than 32 dates: the ids taken are read once for the whole ingest (IdSet) instead of asked one by one
        for (int d = 1; d <= 40; d++) {
            String date = java.time.LocalDate.of(2025, 9, 1).plusDays(d).toString();
            fx.write("Meetings/m" + d + ".md", "title: Standup " + d, "date: " + date, "- [ ] Task " + d + " @Ana Lima", "- [ ] Send notes");
        }
        fx.ingest();
        Map<String, String> before = tasks().stream().collect(Collectors.toMap(t -> t.sources().get(0).path() + " " + t.description(), Task::id));
        for (int d = 1; d <= 40; d++) {
            String date = java.time.LocalDate.of(2025, 9, 1).plusDays(d).toString();
            fx.write("Meetings/m" + d + ".md", "title: Standup " + d, "date: " + date, "", "- [ ] Task " + d + " @Ana Lima", "- [ ] Send notes",
                    "- [ ] New " + d);
        }

        fx.ingest();

        List<Task> after = tasks();
        Map<String, String> kept = after.stream().filter(t -> !t.description().startsWith("New"))
                .collect(Collectors.toMap(t -> t.sources().get(0).path() + " " + t.description(), Task::id));
        assertEquals(before, kept);
        assertEquals(after.size(), after.stream().map(Task::id).distinct().count(), "no two tasks share an id");
        assertEquals(40, after.stream().filter(t -> t.description().startsWith("New")).count());
    }
}

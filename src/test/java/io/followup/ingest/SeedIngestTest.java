package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.people.People;
import io.followup.store.Database;
import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five seed notes: two meetings each captured twice, and a project page. */
class SeedIngestTest {

    @TempDir
    Path dir;
    Path vault;
    Database db;
    Ingester ingester;

    @BeforeEach
    void setUp() throws IOException {
        String seeds = System.getenv("FOLLOWUP_SEEDS_DIR");
        Path seedDir = seeds == null ? null : Path.of(seeds);
        Assumptions.assumeTrue(seedDir != null && Files.isDirectory(seedDir),
                "seed notes not found: set FOLLOWUP_SEEDS_DIR to the folder of *.txt seeds (../shared/seeds)");
        vault = Files.createDirectories(dir.resolve("vault"));
        try (Stream<Path> files = Files.list(seedDir)) {
            for (Path seed : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = seed.getFileName().toString();
                Files.copy(seed, vault.resolve(name.substring(0, name.length() - 4) + ".md"));
            }
        }
        Path peopleFile = Files.writeString(dir.resolve("people.yaml"), "me: Jason Vallery\n");
        db = Database.open(dir.resolve("followup.db"));
        ingester = new Ingester(vault, db, People.load(peopleFile), IngestFixture.CLOCK);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void seeds_give_two_meetings_a_project_page_and_34_done_tasks() {
        IngestReport report = ingester.ingest();

        assertEquals(5, report.notes());
        List<Meeting> meetings = new MeetingStore(db).all();
        assertEquals(List.of(LocalDate.parse("2025-10-28"), LocalDate.parse("2025-10-30")), meetings.stream().map(Meeting::date).toList());
        assertTrue(meetings.stream().flatMap(m -> m.sources().stream()).noneMatch(s -> s.path().startsWith("004")),
                "the project page is no meeting");
        assertEquals(List.of(List.of("000_122ec62cc339a54b.md", "002_2b1a7e51a9d4ed67.md"),
                        List.of("001_55a5656cbe828879.md", "003_b57d37c1f49f76b5.md")),
                meetings.stream().map(m -> m.sources().stream().map(s -> s.path()).toList()).toList());

        List<Task> tasks = new TaskStore(db).all();
        assertEquals(34, tasks.size());
        assertEquals(34, report.tasks());
        assertTrue(tasks.stream().allMatch(t -> t.status() == TaskStatus.DONE), "all done");
        assertTrue(tasks.stream().allMatch(t -> t.done() != null), "done dates carried");

        Map<Integer, Long> oct28 = bySourceCount(tasks, "2025-10-28");
        assertEquals(Map.of(2, 13L, 1, 7L), oct28);
        Map<Integer, Long> oct30 = bySourceCount(tasks, "2025-10-30");
        assertEquals(Map.of(2, 13L, 1, 1L), oct30);
        assertEquals(1, find(tasks, "Review GCP programs with Billy").sources().size());
        assertEquals(2, find(tasks, "Follow up with Igal").sources().size());
        assertEquals(2, find(tasks, "Send Ronnie").sources().size());
        assertEquals(LocalDate.parse("2025-11-08"), find(tasks, "Send Ronnie").done());
        assertEquals("Jason Vallery", find(tasks, "Send Ronnie").owner());
    }

    @Test
    void a_second_ingest_parses_nothing_and_keeps_every_id() {
        ingester.ingest();
        List<String> ids = new TaskStore(db).all().stream().map(Task::id).toList();

        IngestReport again = ingester.ingest();

        assertEquals(0, again.parsed());
        assertEquals(ids, new TaskStore(db).all().stream().map(Task::id).toList());
        assertEquals(34, ids.stream().distinct().count());
    }

    @Test
    void huge_and_deeply_nested_notes_do_not_stop_the_ingest() throws IOException {
        Files.writeString(vault.resolve("deep.md"), "- [ ] top task\n" + "  ".repeat(1).concat("- x\n").repeat(1)
                + buildDeep(10_000));
        Files.writeString(vault.resolve("long.md"), "# Long\n\n- [ ] " + "word ".repeat(1_000_000) + "\n");
        Files.write(vault.resolve("junk.md"), new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, 3, 0, 0});

        IngestReport report = ingester.ingest();

        assertEquals(8, report.parsed() + countFailed(report));
        assertTrue(new TaskStore(db).all().size() >= 34);
        assertFalse(new MeetingStore(db).all().isEmpty());
    }

    private static long countFailed(IngestReport r) {
        return r.warnings().stream().filter(w -> w.message().startsWith("skipped")).map(w -> w.path()).distinct().count();
    }

    private static String buildDeep(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("  ".repeat(Math.min(i, 2000))).append("- level ").append(i).append('\n');
        }
        return sb.toString();
    }

    private static Map<Integer, Long> bySourceCount(List<Task> tasks, String date) {
        return tasks.stream().filter(t -> t.meeting() != null && t.meeting().date().toString().equals(date))
                .collect(Collectors.groupingBy(t -> t.sources().size(), Collectors.counting()));
    }

    private static Task find(List<Task> tasks, String prefix) {
        Task t = tasks.stream().filter(x -> x.description().startsWith(prefix)).findFirst().orElse(null);
        assertNotNull(t, "no task starting with " + prefix);
        return t;
    }
}

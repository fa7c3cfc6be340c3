package io.followup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.app.Config;
import io.followup.app.Wiring;
import io.followup.ingest.IngestReport;
import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.Database;
import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled demo keeps its promise: on its pinned day the digest has something in every section. */
class DemoVaultTest {

    private static final LocalDate DEMO_TODAY = LocalDate.of(2026, 3, 4);
    private static final Path DEMO_VAULT = Path.of("src", "demo", "vault");
    private static final Path DEMO_PEOPLE = Path.of("src", "demo", "people.yml");

    @TempDir
    static Path tmp;

    private static Database db;
    private static IngestReport report;
    private static LocalDate today;
    private static List<Task> tasks;
    private static List<Meeting> meetings;

    @BeforeAll
    static void ingestTheDemo() throws IOException {
        Path vault = tmp.resolve("vault");
        copyTree(DEMO_VAULT, vault);
        Config config = Config.fromEnv(Map.of("FOLLOWUP_VAULT", vault.toString(), "FOLLOWUP_DB", tmp.resolve("demo.db").toString(),
                "FOLLOWUP_PEOPLE", DEMO_PEOPLE.toString(), "FOLLOWUP_TODAY", DEMO_TODAY.toString(), "FOLLOWUP_TZ", "Europe/London"));
        today = LocalDate.now(Wiring.clock(config));
        db = Database.open(config.db());
        report = Wiring.ingester(config, db).ingest();
        tasks = new TaskStore(db).all();
        meetings = new MeetingStore(db).all();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void the_demo_clock_is_pinned_to_wednesday_4_march_2026() {
        assertEquals(DEMO_TODAY, today);
    }

    @Test
    void every_note_is_read_and_hidden_folders_and_other_files_are_not() {
        assertEquals(12, report.notes(), "notes: " + report);
        assertTrue(tasks.stream().noneMatch(t -> t.description().contains("must never be ingested")), ".trash was read");
        assertTrue(tasks.stream().noneMatch(t -> t.description().contains(".txt attachment")), "a .txt file was read");
    }

    @Test
    void the_digest_has_overdue_due_today_and_upcoming_tasks() {
        List<Task> open = tasks.stream().filter(Task::isOpen).filter(t -> t.due() != null).toList();
        assertFalse(open.stream().filter(t -> t.due().isBefore(today)).toList().isEmpty(), "no overdue tasks");
        assertFalse(open.stream().filter(t -> t.due().isEqual(today)).toList().isEmpty(), "nothing due today");
        assertFalse(open.stream().filter(t -> t.due().isAfter(today) && !t.due().isAfter(today.plusDays(3))).toList().isEmpty(),
                "nothing coming up in the next 3 days");
    }

    @Test
    void both_meetings_captured_twice_are_merged_into_one_each() {
        List<Meeting> twice = meetings.stream().filter(m -> m.sources().size() >= 2).toList();
        assertTrue(twice.size() >= 2, "meetings with two notes: " + twice.stream().map(Meeting::title).toList());
        assertTrue(hasBoth(twice, "Quayside Ferries booking flow review", "20260226 1000 Quayside Transcription"));
        assertTrue(hasBoth(twice, "1-1 Zoe.md", "Zoe launch checklist and onboarding.md"));
    }

    @Test
    void a_task_written_in_both_captures_is_one_task_with_both_source_lines_and_the_most_advanced_state() {
        Task rateLimits = only("Confirm the API rate limits for the timetable feed");
        assertEquals(2, rateLimits.sources().size(), rateLimits.sources().toString());
        assertEquals(TaskStatus.DONE, rateLimits.status(), "[?] in one note, [x] in the other");
        assertEquals(LocalDate.of(2026, 2, 27), rateLimits.done());

        Task staging = only("Set up a staging environment Quayside can reach over their VPN");
        assertEquals(TaskStatus.IN_PROGRESS, staging.status(), "[?] in one note, [/] in the other");
    }

    @Test
    void mojibake_is_repaired_in_the_stored_descriptions() {
        Set<String> broken = Set.of("Ã", "â€", "ðŸ", "ğŸ", "√", "‚Ä", "\uFFFD");
        List<String> bad = tasks.stream().map(Task::description).filter(d -> broken.stream().anyMatch(d::contains)).toList();
        assertTrue(bad.isEmpty(), "still mangled: " + bad);
        assertTrue(descriptions().contains("Review Björn’s onboarding screens and leave comments in Figma"),
                "cp1252 and cp1254 notes: " + descriptions());
        assertTrue(descriptions().contains("Share the Stripe refund edge cases with Quayside’s finance team"), "Mac Roman note");
        assertTrue(descriptions().contains("Get three quotes for the new office’s network kit"), "a note that is not UTF-8");
    }

    @Test
    void every_status_the_demo_shows_off_is_there() {
        Set<TaskStatus> statuses = tasks.stream().map(Task::status).collect(Collectors.toSet());
        assertEquals(Set.of(TaskStatus.values()), statuses);
        assertTrue(tasks.stream().anyMatch(t -> t.recurrence() != null), "a recurring task");
        assertTrue(tasks.stream().anyMatch(t -> "abc123".equals(t.blockId())), "a block id");
    }

    @Test
    void owners_resolve_through_the_people_file_and_the_meeting() {
        assertEquals("Priya Raman", only("Chase the NDA countersignature").owner(), "@Myself");
        assertEquals("Priya Raman", only("Review the Q2 hiring plan").owner(), "@me");
        assertEquals("Björn Lind", only("Redesign the timetable screen for small phones").owner(), "@Bjorn");
        assertEquals("Tomás Ortega", only("Update the on-call rota for March").owner(), "@Tomás, a participant");
        assertEquals("Zoë Adeyemi", only("Write the launch checklist for the Tide booking app beta").owner(),
                "## Action items (for Zoë), in a cp1252 note");
        assertEquals("Zoë Adeyemi", only("Review Björn’s onboarding screens and leave comments in Figma").owner(),
                "@Zoë Adeyemi Adeyemi");
        Task team = only("Rotate the staging database credentials");
        assertEquals("Platform team", team.owner());
        assertEquals(io.followup.model.OwnerKind.TEAM, team.ownerKind());
        assertEquals("Hannah Kowalski", only("Confirm the API rate limits for the timetable feed").owner(),
                "someone not in the people file keeps the name as written");
    }

    private static boolean hasBoth(List<Meeting> meetings, String a, String b) {
        return meetings.stream().anyMatch(m -> m.sources().stream().anyMatch(s -> s.path().contains(a))
                && m.sources().stream().anyMatch(s -> s.path().contains(b)));
    }

    private static Task only(String description) {
        List<Task> found = tasks.stream().filter(t -> t.description().replaceAll("\\.$", "").equals(description)).toList();
        assertEquals(1, found.size(), description + ": " + found);
        return found.get(0);
    }

    private static Set<String> descriptions() {
        return tasks.stream().map(t -> t.description().replaceAll("\\.$", "")).collect(Collectors.toSet());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}

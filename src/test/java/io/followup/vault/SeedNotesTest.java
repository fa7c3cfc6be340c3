package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five real seed notes (read from FOLLOWUP_SEEDS_DIR, never copied into the repo). */
class SeedNotesTest {

    private static Path seeds;

    @BeforeAll
    static void findSeeds() {
        String dir = System.getenv("FOLLOWUP_SEEDS_DIR");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "seed notes not available: set FOLLOWUP_SEEDS_DIR to the folder holding 000_*.txt … 004_*.txt");
        seeds = Path.of(dir);
    }

    private static ParsedNote seed(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(seeds)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no seed " + prefix + " in " + seeds));
            String rel = "Meetings/" + file.getFileName().toString().replaceFirst("\\.txt$", ".md");
            return new NoteParser().parse(rel, Files.readAllBytes(file));
        }
    }

    private static ParsedTask taskStartingWith(ParsedNote note, String start) {
        return note.tasks().stream().filter(t -> t.description().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no task starting with " + start));
    }

    @Test
    void task_counts_per_seed() throws IOException {
        assertEquals(13, seed("000").tasks().size());
        assertEquals(14, seed("001").tasks().size());
        assertEquals(20, seed("002").tasks().size());
        assertEquals(13, seed("003").tasks().size());
        assertEquals(0, seed("004").tasks().size());
    }

    @Test
    void no_mojibake_survives_in_any_seed() throws IOException {
        for (String prefix : List.of("000", "001", "002", "003", "004")) {
            ParsedNote note = seed(prefix);
            for (ParsedTask t : note.tasks()) {
                for (String text : List.of(t.rawLine(), t.description(), String.valueOf(t.ownerRaw()))) {
                    for (String bad : List.of("ðŸ", "â€", "ğŸ", "üìÖ", "‚Ä", "‚è", "‚ú", "\uF8FF", "â«", "âœ")) {
                        assertFalse(text.contains(bad), prefix + ": '" + bad + "' left in " + text);
                    }
                }
            }
            note.sections().values().forEach(s -> assertFalse(s.contains("â€") || s.contains("‚Ä"), prefix));
        }
    }

    @Test
    void seed_000_customer_meeting() throws IOException {
        ParsedNote n = seed("000");
        assertEquals("Dual-track GCP MVP launch", n.title());
        assertEquals(LocalDate.of(2025, 10, 28), n.date());
        assertEquals("customer", n.type());
        assertTrue(n.meeting());
        assertEquals(7, n.participants().size());
        assertTrue(n.participants().contains("Lior Genzel"));
        ParsedTask first = n.tasks().get(0);
        assertEquals(TaskStatus.PROPOSED, first.status());
        assertEquals("Lior Genzel Genzel", first.ownerRaw());
        assertEquals(LocalDate.of(2025, 10, 29), first.due());
        assertEquals(Priority.HIGH, first.priority());
        assertEquals(List.of("task", "proposed"), first.tags());
        ParsedTask mai = taskStartingWith(n, "Meet with MAI’s Kushal Datta");
        assertEquals("Myself", mai.ownerRaw());
        ParsedTask deck = taskStartingWith(n, "Deliver MAI presentation");
        assertEquals("Cloud BU engineering", deck.ownerRaw());
        assertEquals(Priority.HIGHEST, deck.priority());
        assertNull(taskStartingWith(n, "Implement GCP MVP deployment flow").due());
        assertTrue(n.sections().get("summary").startsWith("Cloud BU leadership aligned"));
        assertTrue(n.sections().get("decisions").contains("routable IPs"));
        assertTrue(n.sections().get("key_facts").contains("~50–60% write"));
    }

    @Test
    void seed_001_one_on_one_with_done_tasks_and_transcript() throws IOException {
        ParsedNote n = seed("001");
        assertEquals("1:1 — Lior — 2025-10-30", n.title());
        assertEquals(LocalDate.of(2025, 10, 30), n.date());
        assertEquals(List.of("Lior Genzel"), n.participants());
        assertTrue(n.meeting());
        ParsedTask t = n.tasks().get(0);
        assertEquals(TaskStatus.DONE, t.status());
        assertEquals("Add observability (portal/logging) slide(s) and CSI driver callout to the MAI deck.", t.description());
        assertEquals("Lior", t.ownerRaw());
        assertFalse(t.ownerFromHeading());
        assertEquals(LocalDate.of(2025, 10, 31), t.due());
        assertEquals(LocalDate.of(2025, 11, 8), t.done());
        assertEquals(Priority.HIGH, t.priority());
        ParsedTask send = taskStartingWith(n, "Send Ronnie Borker’s LinkedIn");
        assertEquals("Jason Vallery", send.ownerRaw());
        assertEquals(Priority.MEDIUM, send.priority());
        assertEquals(Priority.LOW, taskStartingWith(n, "Confirm plan/need to attend AWS").priority());
        assertTrue(n.tasks().stream().allMatch(x -> x.done().equals(LocalDate.of(2025, 11, 8))));
        assertTrue(n.sections().get("transcript").contains("Jason ValleryHello, sir"));
        assertTrue(n.sections().get("key_facts").contains("first‑party wins"));
        assertTrue(n.sections().containsKey("outcomes"));
        assertTrue(n.sections().containsKey("risks"));
        assertTrue(n.sections().containsKey("open_questions"));
    }

    @Test
    void seed_002_broken_front_matter_still_gives_title_and_date() throws IOException {
        ParsedNote n = seed("002");
        assertFalse(n.warnings().isEmpty());
        assertTrue(n.warnings().stream().anyMatch(w -> w.line() == 3 && w.message().contains("created")),
                n.warnings().toString());
        assertEquals("20251028 1200 Parallels Transcription", n.title());
        assertEquals(LocalDate.of(2025, 10, 28), n.date());
        assertEquals("group-meeting", n.type());
        assertTrue(n.meeting());
        assertEquals(7, n.participants().size());
        assertTrue(n.tasks().stream().allMatch(t -> t.status() == TaskStatus.DONE));
        ParsedTask first = n.tasks().get(0);
        assertEquals("Lior Genzel", first.ownerRaw());
        assertEquals(LocalDate.of(2025, 10, 29), first.due());
        assertEquals(LocalDate.of(2025, 10, 28), first.done());
        assertEquals(Priority.HIGH, first.priority());
        assertEquals("Meet with MAI’s Kushal Datta to align on requirements and next steps",
                taskStartingWith(n, "Meet with MAI").description());
        assertEquals(Priority.HIGHEST, taskStartingWith(n, "Deliver MAI presentation").priority());
        assertEquals(Priority.LOW, taskStartingWith(n, "Revisit Google SaaS Runtime").priority());
    }

    @Test
    void seed_003_proposed_tasks_for_a_person_page() throws IOException {
        ParsedNote n = seed("003");
        assertEquals("MAI testing path and deck", n.title());
        assertEquals("people", n.type());
        assertTrue(n.meeting());
        assertEquals(List.of("Lior Genzel", "Jason Vallery"), n.participants());
        assertTrue(n.tasks().stream().allMatch(t -> t.status() == TaskStatus.PROPOSED));
        ParsedTask send = taskStartingWith(n, "Send Ronnie Booker’s LinkedIn");
        assertEquals("Myself", send.ownerRaw());
        assertNull(send.due());
        assertEquals(Priority.LOW, taskStartingWith(n, "Confirm plan/need").priority());
    }

    @Test
    void seed_004_project_page_is_not_a_meeting_and_its_query_block_has_no_tasks() throws IOException {
        ParsedNote n = seed("004");
        assertEquals("Cloud", n.title());
        assertEquals("projects", n.type());
        assertFalse(n.meeting());
        assertTrue(n.tasks().isEmpty());
        assertTrue(n.sections().containsKey("key_facts"));
        assertTrue(n.sections().containsKey("decisions"));
    }
}

package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.followup.ingest.Ingester;
import io.followup.model.Meeting;
import io.followup.people.People;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts are searched but not kept in note_content (the note file has them): a real ingest with the real
 * parser, and V8 on a database an older version filled.
 */
class TranscriptStorageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_transcript_is_found_by_search_but_not_stored_with_the_shown_sections() throws Exception {
        Path vault = dir.resolve("vault");
        Files.createDirectories(vault.resolve("Meetings"));
        Files.writeString(vault.resolve("Meetings/2025-10-28 Pricing sync.md"), String.join("\n",
                "---", "title: Pricing sync", "date: 2025-10-28", "---", "# Pricing sync",
                "## Summary", "We agreed on the launch price.",
                "## Decisions", "- Launch in April.",
                "## Action items", "- [ ] Draft the pricing page @Ana Lima",
                "## Transcript", "Ana: the zebrafish slide goes last.", ""), StandardCharsets.UTF_8);
        try (Database db = Database.open(dir.resolve("followup.db"))) {
            new Ingester(vault, db, People.load(null), CLOCK).ingest();

            List<Meeting> found = new MeetingStore(db).search("zebrafish", 5);
            assertEquals(List.of("Pricing sync"), found.stream().map(Meeting::title).toList(), "transcript words are searchable");
            Map<String, String> sections = found.get(0).sections();
            assertEquals("We agreed on the launch price.", sections.get("summary"));
            assertEquals("- Launch in April.", sections.get("decisions"));
            assertFalse(sections.containsKey("transcript"));
            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT sections FROM note_content").mapTo(String.class).one());
            assertFalse(stored.contains("zebrafish"), stored);
        }
    }

    @Test
    void v8_drops_the_transcripts_a_v7_database_stored_and_keeps_the_other_sections() {
        Path file = dir.resolve("old.db");
        OldSchema.at(file, "7").useHandle(h -> {
            h.execute("INSERT INTO note_content(path, tasks, sections) VALUES ('a.md', x'', ?)",
                    "{\"summary\":\"Launch price\",\"transcript\":\"Ana: the zebrafish slide\",\"decisions\":\"April\"}");
            h.execute("INSERT INTO note_content(path, tasks, sections) VALUES ('b.md', x'', ?)", "{\"summary\":\"No transcript here\"}");
        });

        try (Database db = Database.open(file)) {
            Map<String, String> a = Json.stringMap(db.jdbi().withHandle(h ->
                    h.createQuery("SELECT sections FROM note_content WHERE path = 'a.md'").mapTo(String.class).one()));
            Map<String, String> b = Json.stringMap(db.jdbi().withHandle(h ->
                    h.createQuery("SELECT sections FROM note_content WHERE path = 'b.md'").mapTo(String.class).one()));
            assertEquals(Map.of("summary", "Launch price", "decisions", "April"), a);
            assertEquals(List.of("summary", "decisions"), List.copyOf(a.keySet()), "section order kept");
            assertEquals(Map.of("summary", "No transcript here"), b);
            int applied = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE version = '8' AND success")
                    .mapTo(Integer.class).one());
            assertEquals(1, applied);
        }
    }
}

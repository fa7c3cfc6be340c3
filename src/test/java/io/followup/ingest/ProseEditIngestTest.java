package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.people.People;
import io.followup.store.Database;
import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit of a note's prose (summary, transcript) with the real parser: its meeting and tasks are not merged again,
 * yet what chat shows of the meeting, and what search finds, is the edited text.
 */
class ProseEditIngestTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String note(String summary, String transcript) {
        return String.join("\n", "---", "title: Pricing sync", "date: 2025-10-28", "participants: [Ana Lima, Bo Chen]", "---",
                "# Pricing sync", "## Summary", summary, "## Action items", "- [ ] Draft the pricing page @Ana Lima 📅 2025-11-01",
                "- [x] Book the venue @Bo Chen ✅ 2025-10-29", "## Transcript", transcript, "");
    }

    @Test
    void the_edited_prose_is_shown_and_searched_and_the_tasks_stay_as_they_were() throws Exception {
        Path vault = dir.resolve("vault");
        Path file = vault.resolve("Meetings/2025-10-28 Pricing sync.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, note("We agreed on the launch price.", "Ana: the zebrafish slide goes last."), StandardCharsets.UTF_8);
        try (Database db = Database.open(dir.resolve("followup.db"))) {
            new Ingester(vault, db, People.load(null), CLOCK).ingest();
            List<Task> before = new TaskStore(db).all();
            String meetingId = new MeetingStore(db).all().get(0).id();
            db.useWrite(h -> {
                h.execute("CREATE TABLE meetings_written(id TEXT)");
                h.execute("CREATE TRIGGER count_meeting_writes AFTER INSERT ON meetings BEGIN INSERT INTO meetings_written VALUES (new.id); END");
            });

            Files.writeString(file, note("We agreed on the launch price, and on a discount.", "Bo: the okapi slide goes first."),
                    StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_800_000_000_000L));
            IngestReport r = new Ingester(vault, db, People.load(null), CLOCK).ingest();

            assertEquals(1, r.parsed());
            assertEquals(before, new TaskStore(db).all());
            assertEquals(0, (int) db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM meetings_written").mapTo(Integer.class).one()),
                    "the meeting was not merged again");
            Meeting meeting = new MeetingStore(db).all().get(0);
            assertEquals(meetingId, meeting.id());
            assertEquals("We agreed on the launch price, and on a discount.", meeting.sections().get("summary"));
            assertEquals(List.of(meetingId), new MeetingStore(db).search("okapi", 5).stream().map(Meeting::id).toList());
            assertEquals(List.of(), new MeetingStore(db).search("zebrafish", 5));
        }
    }
}

package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.store.Database;
import io.followup.store.IngestStore;
import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived ingester (the vault watcher's) merges again only the meetings of a date that changed. Each step here
 * edits the vault, ingests it that way, and checks the store against one where every ingest merged the changed
 * dates whole (a new ingester each time, as `followup ingest` runs): the same tasks, ids, meetings and search rows.
 */
class MeetingRemergeTest {

    private static final String DAY = "date: 2025-10-28";

    @TempDir
    Path dir;
    IngestFixture fx;
    /** Ingests the same vault into its own store, merging every changed date whole. */
    Database wholeDates;
    Ingester watcher;

    @BeforeEach
    void setUp() {
        fx = new IngestFixture(dir);
        wholeDates = Database.open(dir.resolve("whole").resolve("followup.db"));
        watcher = fx.ingester();
        // one date, four meetings: a weekly sync captured twice (a + b), a pricing review, a hiring sync, and a project page
        fx.write("Meetings/a.md", "title: Weekly sync", DAY, "participants: Ana Lima, Bo Chen",
                "- [ ] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-01",
                "- [ ] Send the weekly report @Bo Chen \uD83D\uDCC5 2025-10-31",
                "- [ ] Call Bob");
        fx.write("Meetings/b.md", "title: Weekly sync (transcript)", DAY,
                "- [?] Draft the pricing page for launch @Ana Lima \uD83D\uDCC5 2025-11-01",
                "- [?] Send the weekly report @Bo Chen");
        fx.write("Meetings/c.md", "title: Pricing review", DAY, "participants: Cy Dale",
                "- [ ] Send the contract @Cy Dale", "- [ ] Plan the launch party");
        fx.write("Meetings/d.md", "title: Hiring sync", DAY, "- [ ] Post the job ad @Dee Fox", "- [ ] Book interview rooms");
        fx.write("Projects/p.md", "title: Cloud", "type: projects", DAY, "- [ ] Write the roadmap @Ana Lima");
        ingestBoth();
    }

    @AfterEach
    void tearDown() {
        wholeDates.close();
        fx.close();
    }

    @Test
    void a_line_added_to_one_note_merges_its_meeting_again_and_no_other() {
        fx.countMeetingWrites();
        // a completed recurring task's next instance, put above it (the write-back's own edit)
        fx.write("Meetings/c.md", "title: Pricing review", DAY, "participants: Cy Dale",
                "- [ ] Send the contract again @Cy Dale", "- [x] Send the contract @Cy Dale", "- [ ] Plan the launch party");

        ingestBoth();

        assertEquals(1, fx.meetingWrites(), "the pricing review alone is written again");
        assertTrue(tasks(fx.db).stream().anyMatch(t -> t.description().equals("Send the contract again")));
    }

    @Test
    void meetings_that_join_split_move_and_go_come_out_as_merging_the_whole_date_gives() {
        // a retitled note joins another meeting, and leaves it again
        fx.write("Meetings/c.md", "title: Weekly sync", DAY, "participants: Cy Dale", "- [ ] Send the contract @Cy Dale",
                "- [ ] Plan the launch party");
        ingestBoth();
        assertEquals(2, new MeetingStore(fx.db).all().size(), "c joined the weekly sync");
        fx.write("Meetings/c.md", "title: Pricing review", DAY, "participants: Cy Dale", "- [ ] Send the contract @Cy Dale",
                "- [ ] Plan the launch party");
        ingestBoth();
        assertEquals(3, new MeetingStore(fx.db).all().size());

        // a new note whose tasks pair up with the hiring sync's joins it under another title
        fx.write("Meetings/e.md", "title: Recruiting notes", DAY, "- [ ] Post the job ad @Dee Fox", "- [ ] Book interview rooms",
                "- [ ] Ask for referrals");
        ingestBoth();
        assertEquals(3, new MeetingStore(fx.db).all().size(), "e joined the hiring sync");
        // ... and leaves it when its lines change
        fx.write("Meetings/e.md", "title: Recruiting notes", DAY, "- [ ] Ask for referrals", "- [ ] Update the careers page");
        ingestBoth();
        assertEquals(4, new MeetingStore(fx.db).all().size());

        // the transcript goes, then a note moves to another date, then a project page becomes a meeting
        fx.delete("Meetings/b.md");
        ingestBoth();
        fx.write("Meetings/d.md", "title: Hiring sync", "date: 2025-10-29", "- [ ] Post the job ad @Dee Fox", "- [ ] Book interview rooms");
        ingestBoth();
        fx.write("Projects/p.md", "title: Cloud", DAY, "- [ ] Write the roadmap @Ana Lima");
        ingestBoth();
        // a note's participants change: owners may resolve differently, so the date is merged whole
        fx.write("Meetings/a.md", "title: Weekly sync", DAY, "participants: Ana Lima, Bo Chen, Cy Dale",
                "- [ ] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-01", "- [ ] Call Bob");
        ingestBoth();
        assertEquals(5, new MeetingStore(fx.db).all().size());
    }

    /** Ingests with the watcher's ingester, then into the other store with a new one, and compares the two. */
    private void ingestBoth() {
        watcher.ingest();
        new Ingester(fx.vault, wholeDates, new SimpleNoteReader(), names -> OwnerResolver.asWritten(), IngestFixture.CLOCK,
                new IngestStore(wholeDates)).ingest();
        assertEquals(tasks(wholeDates), tasks(fx.db), "tasks");
        assertEquals(meetings(wholeDates), meetings(fx.db), "meetings");
        for (String words : List.of("contract", "report", "job", "referrals", "roadmap", "pricing", "party")) {
            assertEquals(search(wholeDates, words), search(fx.db, words), "search " + words);
        }
    }

    private static List<Task> tasks(Database db) {
        return new TaskStore(db).all().stream().sorted(Comparator.comparing(Task::id)).toList();
    }

    private static List<Meeting> meetings(Database db) {
        return new MeetingStore(db).all().stream().sorted(Comparator.comparing(Meeting::id)).toList();
    }

    private static List<String> search(Database db, String words) {
        return new TaskStore(db).search(words, 20).stream().map(Task::id).sorted().toList();
    }

}

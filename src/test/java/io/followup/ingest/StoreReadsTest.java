package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.MeetingStore;
import io.followup.store.SearchQuery;
import io.followup.store.TaskStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TaskStore and MeetingStore reads on a real SQLite file filled by a real ingest. */
class StoreReadsTest {

    @TempDir
    Path dir;
    IngestFixture fx;
    TaskStore tasks;
    MeetingStore meetings;

    @BeforeEach
    void setUp() {
        fx = new IngestFixture(dir);
        fx.write("Meetings/a.md", "title: Pricing sync", "date: 2025-10-28", "participants: Ana Lima, Bo Chen",
                "- [ ] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-01",
                "- [x] Book the venue for the offsite @Bo Chen \u2705 2025-10-29",
                "- [ ] Review the Tom\u00e1s contract @Bo Chen \uD83D\uDCC5 2025-10-30");
        fx.write("Meetings/b.md", "title: Hiring", "date: 2025-11-02", "- [/] Interview the SRE candidates @Ana Lima");
        fx.write("Projects/p.md", "title: Cloud", "type: projects", "- [ ] Write the roadmap");
        fx.ingest();
        tasks = new TaskStore(fx.db);
        meetings = new MeetingStore(fx.db);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void open_tasks_are_sorted_by_due_date_with_undated_last() {
        List<String> open = tasks.open().stream().map(Task::description).toList();
        assertEquals(List.of("Review the Tom\u00e1s contract", "Draft the pricing page", "Interview the SRE candidates", "Write the roadmap"), open);
    }

    @Test
    void open_by_owner_ignores_case() {
        assertEquals(2, tasks.openByOwner("ana lima").size());
        assertEquals(List.of("Ana Lima", "Bo Chen"), tasks.knownOwners());
    }

    @Test
    void by_id_and_by_meeting_return_tasks_with_sources_and_meeting() {
        Task t = tasks.all().get(0);
        Task again = tasks.byId(t.id().toUpperCase()).orElseThrow();
        assertEquals(t, again);
        assertEquals("Pricing sync", t.meeting().title());
        assertEquals(LocalDate.parse("2025-10-28"), t.meeting().date());
        assertEquals(3, tasks.byMeeting(t.meeting().id()).size());
        assertTrue(tasks.byId("nope").isEmpty());
    }

    @Test
    void search_finds_words_accents_ignored_and_never_fails_on_odd_text() {
        assertEquals("Review the Tom\u00e1s contract", tasks.search("tomas", 10).get(0).description());
        assertEquals(1, tasks.search("pric", 10).size());
        assertEquals(2, tasks.search("ana", 10).size(), "owner is searchable");
        for (String odd : List.of("", "   ", "\"", "AND OR NOT", "price*\"(", "NEAR(a b)", "'; DROP TABLE tasks; --", "^x", "col:val", "\u0000")) {
            tasks.search(odd, 10);
            meetings.search(odd, 10);
        }
        assertEquals(List.of(), tasks.search("", 10));
        assertEquals("", SearchQuery.of("()\"*"));
    }

    @Test
    void meetings_have_notes_task_ids_and_are_searchable() {
        List<Meeting> all = meetings.all();
        assertEquals(2, all.size());
        Meeting pricing = all.get(0);
        assertEquals("Pricing sync", pricing.title());
        assertEquals(List.of("Meetings/a.md"), pricing.sources().stream().map(s -> s.path()).toList());
        assertEquals(3, pricing.taskIds().size());
        assertEquals(List.of("Ana Lima", "Bo Chen"), pricing.participants());
        assertEquals("Hiring", meetings.recent(1).get(0).title());
        assertEquals("Pricing sync", meetings.search("summary pricing", 5).get(0).title());
        assertEquals(pricing, meetings.byId(pricing.id()).orElseThrow());
    }

    @Test
    void a_chat_change_not_yet_written_back_survives_a_re_merge() {
        Task t = tasks.search("venue", 1).get(0);
        fx.db.jdbi().useHandle(h -> h.execute("UPDATE tasks SET status = 'open', status_symbol = ' ', done = NULL, writeback_pending = 1 WHERE id = ?", t.id()));
        fx.write("Meetings/a.md", "title: Pricing sync", "date: 2025-10-28", "participants: Ana Lima, Bo Chen",
                "- [ ] Draft the pricing page @Ana Lima \uD83D\uDCC5 2025-11-02",
                "- [x] Book the venue for the offsite @Bo Chen \u2705 2025-10-29",
                "- [ ] Review the Tom\u00e1s contract @Bo Chen \uD83D\uDCC5 2025-10-30");

        fx.ingest();

        Task after = tasks.byId(t.id()).orElseThrow();
        assertEquals(TaskStatus.OPEN, after.status());
        assertTrue(after.writebackPending());
    }
}

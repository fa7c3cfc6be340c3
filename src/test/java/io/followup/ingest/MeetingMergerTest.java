package io.followup.ingest;

import static io.followup.ingest.TestNotes.meeting;
import static io.followup.ingest.TestNotes.project;
import static io.followup.ingest.TestNotes.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.followup.model.OwnerKind;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeetingMergerTest {

    /** Myself is Jason Vallery; first names resolve to the one participant who has them. */
    private static final OwnerResolver OWNERS = (raw, participants) -> {
        String name = raw.equals("Myself") ? "Jason Vallery" : raw;
        for (String p : participants) {
            if (p.startsWith(name + " ")) {
                name = p;
            }
        }
        return new OwnerResolver.Owner(name, OwnerKind.PERSON);
    };

    private final MeetingMerger merger = new MeetingMerger(OWNERS);
    private final List<String> people = List.of("Lior Genzel", "Jason Vallery");

    @Test
    void reworded_follow_up_with_the_same_owner_and_due_date_is_one_task() {
        var a = meeting("a.md", "1:1 Lior", "2025-10-30", people,
                task(5, "x", "Follow up with Igal (Azure compute) thanking for new VMs; CC Yonce and Renata; clarify non-blocking stance.",
                        "Lior", "2025-10-31", "2025-11-08"));
        var b = meeting("b.md", "1:1 Lior", "2025-10-30", people,
                task(9, "?", "Follow up with Igal (Azure compute) thanking him for the updated VM roadmap; CC Yonsi and Renata; "
                        + "clarify that VAST is not trying to block him (manage internal politics).", "Lior Genzel", "2025-10-31"));

        var result = merger.merge(List.of(a, b));

        assertEquals(1, result.meetings().size());
        assertEquals(1, result.meetings().get(0).tasks().size());
        Task merged = result.meetings().get(0).tasks().get(0).toTask("id", null);
        assertEquals(TaskStatus.DONE, merged.status());
        assertEquals(LocalDate.parse("2025-11-08"), merged.done());
        assertEquals(2, merged.sources().size());
        assertEquals("Lior Genzel", merged.owner());
    }

    @Test
    void misspelt_name_and_myself_pair_up() {
        var a = meeting("a.md", "One", "2025-10-30", people,
                task(1, "x", "Send Ronnie Borker\u2019s LinkedIn/contact to Lior.", "Jason Vallery", null));
        var b = meeting("b.md", "Two", "2025-10-30", people,
                task(1, "?", "Send Ronnie Booker\u2019s LinkedIn/contact information to Lior.", "Myself", null));

        var result = merger.merge(List.of(a, b));

        assertEquals(1, result.meetings().size(), "the task lists match, so the notes are one meeting");
        assertEquals(1, result.meetings().get(0).tasks().size());
    }

    @Test
    void a_line_pairs_with_its_better_partner_not_a_similar_one() {
        var a = meeting("a.md", "Sync", "2025-10-30", people,
                task(1, "x", "Set a call with Billy (GCP) to review Google programs and GKE-integrated deployment patterns (if calendar allows).",
                        "Lior", "2025-10-31"),
                task(2, "x", "Review GCP programs with Billy and define GKE-native integration path and resource needs.", "Jason Vallery", null));
        var b = meeting("b.md", "Sync", "2025-10-30", people,
                task(1, "?", "Set a call with Billy (GCP) to review Google programs and GKE-integrated deployment patterns (if calendar allows).",
                        "Lior Genzel", "2025-10-31"));

        var tasks = merger.merge(List.of(a, b)).meetings().get(0).tasks();

        assertEquals(2, tasks.size());
        var review = tasks.stream().filter(t -> t.primary().task().description().startsWith("Review")).findFirst().orElseThrow();
        assertEquals(1, review.sources().size());
    }

    @Test
    void the_review_task_alone_does_not_pair_with_the_call_task() {
        var a = meeting("a.md", "Sync", "2025-10-30", people,
                task(2, "x", "Review GCP programs with Billy and define GKE-native integration path and resource needs.", "Jason Vallery", null));
        var b = meeting("b.md", "Sync", "2025-10-30", people,
                task(1, "?", "Set a call with Billy (GCP) to review Google programs and GKE-integrated deployment patterns (if calendar allows).",
                        "Lior Genzel", "2025-10-31"));

        assertEquals(2, merger.merge(List.of(a, b)).meetings().get(0).tasks().size());
    }

    @Test
    void notes_of_one_date_with_different_titles_and_tasks_are_two_meetings() {
        var a = meeting("a.md", "Budget review", "2025-10-30", people, task(1, " ", "Approve the hiring plan", "Lior", null));
        var b = meeting("b.md", "Design review", "2025-10-30", people, task(1, " ", "Draw the storage diagram", "Lior", null));

        assertEquals(2, merger.merge(List.of(a, b)).meetings().size());
    }

    @Test
    void titles_that_differ_only_in_numbers_are_one_meeting() {
        var a = meeting("a.md", "Weekly sync 2025-10-30", "2025-10-30", people);
        var b = meeting("b.md", "Weekly Sync", "2025-10-30", people);

        var meetings = merger.merge(List.of(a, b)).meetings();

        assertEquals(1, meetings.size());
        assertEquals("Weekly Sync", meetings.get(0).title());
    }

    @Test
    void project_page_tasks_are_standalone() {
        var p = project("Projects/Cloud.md", "Cloud", task(3, " ", "Write the roadmap", "Myself", null));

        var result = merger.merge(List.of(p));

        assertEquals(0, result.meetings().size());
        assertEquals(1, result.standalone().size());
        assertNull(result.standalone().get(0).toTask("x", null).meeting());
    }

    @Test
    void merged_fields_come_from_the_most_advanced_line_and_fill_gaps_from_others() {
        var a = meeting("a.md", "Sync", "2025-10-30", people, task(1, "/", "Ship the beta build to testers", "Lior", "2025-11-01"));
        var b = meeting("b.md", "Sync", "2025-10-30", people, task(7, "?", "Ship the beta build to testers", null, null));

        Task t = merger.merge(List.of(a, b)).meetings().get(0).tasks().get(0).toTask("id", null);

        assertEquals(TaskStatus.IN_PROGRESS, t.status());
        assertEquals(LocalDate.parse("2025-11-01"), t.due());
        assertEquals("Lior Genzel", t.owner());
        assertEquals(Set.of("a.md", "b.md"), t.sources().stream().map(s -> s.path()).collect(Collectors.toSet()));
    }

    @Test
    void identical_lines_in_one_note_stay_two_tasks() {
        var a = meeting("a.md", "Sync", "2025-10-30", people, task(1, " ", "Call Bob", null, null), task(2, " ", "Call Bob", null, null));

        var tasks = merger.merge(List.of(a)).meetings().get(0).tasks();

        assertEquals(2, tasks.size());
        assertEquals(Set.of(0, 1), tasks.stream().map(t -> t.sources().get(0).occurrence()).collect(Collectors.toSet()));
    }

    @Test
    void a_first_name_alone_gives_way_to_the_full_name_of_the_other_line() {
        var a = meeting("a.md", "Sync", "2025-10-28", people, task(1, "x", "Finalize the collateral tracks", "Brian", null));
        var b = meeting("b.md", "Sync", "2025-10-28", people, task(1, "?", "Finalize the collateral tracks", "Brian Moore", null));

        Task t = merger.merge(List.of(a, b)).meetings().get(0).tasks().get(0).toTask("id", null);

        assertEquals("Brian Moore", t.owner());
        assertEquals(TaskStatus.DONE, t.status());
    }
}

package io.followup.digest;

import static io.followup.digest.TestTasks.open;
import static io.followup.digest.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.digest.Digest.Group;
import io.followup.digest.Digest.Item;
import io.followup.digest.Digest.Section;
import io.followup.digest.Digest.SectionKind;
import io.followup.model.OwnerKind;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestBuilderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10); // a Tuesday

    static LocalDate days(int n) {
        return TODAY.plusDays(n);
    }

    static List<String> ids(Section s) {
        return s.groups().stream().flatMap(g -> g.items().stream()).map(i -> i.task().id()).toList();
    }

    static Section section(Digest d, SectionKind kind) {
        return d.sections().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    @Test
    void tasks_are_sorted_into_overdue_today_and_upcoming_by_due_date() {
        Digest d = DigestBuilder.build(TODAY, 3, List.of(
                open("late3", "Send contract", "Ana Lima", days(-3)),
                open("today", "Book room", "Ana Lima", TODAY),
                open("in3", "Draft memo", "Ben Okafor", days(3)),
                open("in4", "Too far ahead", "Ben Okafor", days(4)),
                open("nodue", "Someday", "Ben Okafor", null)));

        assertEquals(List.of(SectionKind.OVERDUE, SectionKind.DUE_TODAY, SectionKind.UPCOMING),
                d.sections().stream().map(Section::kind).toList());
        assertEquals(List.of("late3"), ids(section(d, SectionKind.OVERDUE)));
        assertEquals(3, section(d, SectionKind.OVERDUE).groups().get(0).items().get(0).daysLate());
        assertEquals(List.of("today"), ids(section(d, SectionKind.DUE_TODAY)));
        assertEquals(List.of("in3"), ids(section(d, SectionKind.UPCOMING)));
    }

    @Test
    void done_and_cancelled_tasks_never_appear() {
        Digest d = DigestBuilder.build(TODAY, 3, List.of(
                task("d1", "Finished", "Ana Lima", TaskStatus.DONE, days(-2)),
                task("c1", "Dropped", "Ana Lima", TaskStatus.CANCELLED, TODAY),
                task("c2", "Dropped, no owner", null, TaskStatus.CANCELLED, null)));

        assertTrue(d.isEmpty());
        assertTrue(d.reminders().isEmpty());
    }

    @Test
    void groups_are_per_owner_with_counts_sorted_by_name_ignoring_accents() {
        Digest d = DigestBuilder.build(TODAY, 3, List.of(
                open("z1", "Z task", "Zoe Park", days(-1)),
                open("t1", "T task", "Tomás Ortega", days(-5)),
                open("t2", "T task two", "Tomás Ortega", days(-2)),
                open("a1", "A task", "Ana Lima", days(-1))));

        List<Group> groups = section(d, SectionKind.OVERDUE).groups();
        assertEquals(List.of("Ana Lima", "Tomás Ortega", "Zoe Park"), groups.stream().map(Group::owner).toList());
        assertEquals(2, groups.get(1).count());
        assertEquals(List.of("t1", "t2"), groups.get(1).items().stream().map(i -> i.task().id()).toList(), "most late first");
        assertEquals(4, d.count(SectionKind.OVERDUE));
    }

    @Test
    void proposed_tasks_wait_for_their_owner_and_unassigned_tasks_are_offered_to_everyone() {
        Digest d = DigestBuilder.build(TODAY, 3, List.of(
                task("p1", "Maybe do this", "Ana Lima", TaskStatus.PROPOSED, days(-1)),
                task("u1", "Nobody's yet", null, TaskStatus.OPEN, days(10)),
                task("u2", "Nobody's, proposed", null, TaskStatus.PROPOSED, null)));

        assertEquals(List.of("p1"), ids(section(d, SectionKind.PROPOSED)));
        Section unassigned = section(d, SectionKind.UNASSIGNED);
        assertEquals(List.of("u1", "u2"), ids(unassigned));
        assertNull(unassigned.groups().get(0).owner());
        assertEquals(0, d.count(SectionKind.OVERDUE), "a proposed task is not counted as overdue");
        assertTrue(d.reminders().isEmpty(), "proposed and unassigned tasks are not reminded");
    }

    @Test
    void reminders_cover_overdue_today_and_tomorrow_and_owners_with_nothing_due_get_nothing() {
        Digest d = DigestBuilder.build(TODAY, 7, List.of(
                open("a1", "Late", "Ana Lima", days(-2)),
                open("a2", "Today", "Ana Lima", TODAY),
                open("a3", "Tomorrow", "Ana Lima", days(1)),
                open("a4", "Later", "Ana Lima", days(2)),
                task("b1", "In progress, tomorrow", "Ben Okafor", TaskStatus.IN_PROGRESS, days(1)),
                open("c1", "Next week", "Chen Wu", days(6)),
                open("c2", "No date", "Chen Wu", null)));

        assertEquals(List.of("Ana Lima", "Ben Okafor"), d.reminders().stream().map(Reminder::owner).toList());
        Reminder ana = d.reminders().get(0);
        assertEquals(List.of("a1"), ana.overdue().stream().map(i -> i.task().id()).toList());
        assertEquals(List.of("a2"), ana.dueToday().stream().map(i -> i.task().id()).toList());
        assertEquals(List.of("a3"), ana.dueTomorrow().stream().map(i -> i.task().id()).toList());
        assertEquals(3, ana.count());
    }

    @Test
    void team_tasks_are_reminded_in_the_teams_channel() {
        Task team = task("t1", "Rotate keys", "Platform team", OwnerKind.TEAM, TaskStatus.OPEN, TODAY);
        Task noChannel = task("t2", "Fix build", "Data team", OwnerKind.TEAM, TaskStatus.OPEN, TODAY);
        Digest d = new DigestBuilder(TODAY, 3, Map.of("platform TEAM", "C0PLATFORM")).build(List.of(team, noChannel));

        Reminder data = d.reminders().get(0);
        Reminder platform = d.reminders().get(1);
        assertEquals("Platform team", platform.owner());
        assertTrue(platform.isTeam());
        assertEquals("C0PLATFORM", platform.teamChannel());
        assertNull(data.teamChannel(), "a team without a channel in the people file has nowhere to go");
        assertEquals(OwnerKind.TEAM, section(d, SectionKind.DUE_TODAY).groups().get(0).ownerKind());
    }

    @Test
    void lookahead_zero_shows_no_upcoming_section_but_tomorrow_is_still_reminded() {
        Digest d = DigestBuilder.build(TODAY, 0, List.of(open("a1", "Tomorrow", "Ana Lima", days(1))));

        assertTrue(d.isEmpty());
        assertEquals(1, d.reminders().size());
    }

    @Test
    void days_late_count_calendar_days_across_a_month_and_year_end() {
        LocalDate jan2 = LocalDate.of(2027, 1, 2);
        Digest d = DigestBuilder.build(jan2, 3, List.of(open("x", "Year end", "Ana Lima", LocalDate.of(2026, 12, 28))));

        Item item = section(d, SectionKind.OVERDUE).groups().get(0).items().get(0);
        assertEquals(5, item.daysLate());
    }

    @Test
    void negative_lookahead_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new DigestBuilder(TODAY, -1));
    }

    @Test
    void text_rendering_names_sections_owners_ids_days_late_and_meeting() {
        Digest d = DigestBuilder.build(TODAY, 3, List.of(
                open("k3f9x2ab", "Send contract", "Ana Lima", days(-3)),
                task("u1", "Nobody's yet", null, TaskStatus.OPEN, null)));

        String text = DigestText.channel(d);
        assertTrue(text.startsWith("Followup digest for Tuesday 2026-03-10: 2 tasks"), text);
        assertTrue(text.contains("Overdue (1)"), text);
        assertTrue(text.contains("Ana Lima (1)"), text);
        assertTrue(text.contains("Send contract [k3f9x2ab] — 3 days late (due 2026-03-07) · from Weekly sync, 2026-03-02"), text);
        assertTrue(text.contains("Unassigned"), text);
        String reminder = DigestText.reminder(d.reminders().get(0), TODAY);
        assertTrue(reminder.startsWith("Your tasks for Tuesday 2026-03-10: 1 overdue"), reminder);
    }
}

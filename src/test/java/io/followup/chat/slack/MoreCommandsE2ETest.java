package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.ADMIN;
import static io.followup.chat.slack.SlackServerFixture.LIOR;
import static io.followup.chat.slack.SlackServerFixture.MAREN;
import static io.followup.chat.slack.SlackServerFixture.PRIYA;
import static io.followup.chat.slack.SlackServerFixture.STRANGER;
import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.TaskStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoreCommandsE2ETest extends SlackServerTestBase {

    private String tasks(String user, String text) throws Exception {
        return f.slack.ack(user, "/tasks", text).get("text").getAsString();
    }

    private String meetings(String user, String text) throws Exception {
        return f.slack.ack(user, "/meetings", text).get("text").getAsString();
    }

    @Test
    void overdue_lists_the_whole_team_grouped_by_owner() throws Exception {
        String text = tasks(PRIYA, "overdue");
        assertTrue(text.contains("Maren Holt"), text);
        assertTrue(text.contains("Tomás Ortega"), text);
        assertTrue(text.contains("Check the \"rate card\""), text);
        assertTrue(text.contains("1 day overdue"), text);
        assertFalse(text.contains("Book the demo room"), text);
    }

    @Test
    void meeting_words_matching_several_meetings_name_the_others() throws Exception {
        String weekly = f.task("Book the demo room").meeting().id();
        String carrier = f.task("Collect the Q1 scorecards").meeting().id();
        String text = tasks(TOMAS, "meeting the");
        boolean weeklyShown = text.contains("Book the demo room");
        assertTrue(text.contains("Also matching: " + (weeklyShown ? "Carrier review (2026-03-02) " + carrier
                : "Weekly sync (2026-02-25) " + weekly) + " — /tasks meeting <id>"), text);
    }

    @Test
    void overdue_mine_narrows_to_the_caller() throws Exception {
        String text = tasks(TOMAS, "overdue mine");
        assertTrue(text.contains("Send the revised contract"), text);
        assertFalse(text.contains("rate card"), text);
    }

    @Test
    void due_today_tomorrow_and_week() throws Exception {
        String today = tasks(TOMAS, "due today");
        assertTrue(today.contains("Book the demo room") && today.contains("Collect the Q1 scorecards"), today);
        String tomorrow = tasks(TOMAS, "due tomorrow");
        assertTrue(tomorrow.contains("Draft the launch email"), tomorrow);
        assertFalse(tomorrow.contains("Book the demo room"), tomorrow);
        String week = tasks(TOMAS, "due week");
        assertTrue(week.contains("Call Blue Heron") && week.contains("Update the pricing sheet"), week);
        assertFalse(week.contains("Send the revised contract"), week);
        String mine = tasks(PRIYA, "due week mine");
        assertTrue(mine.contains("Book the demo room") && !mine.contains("Call Blue Heron"), mine);
    }

    @Test
    void someone_elses_tasks_by_mention_or_name() throws Exception {
        String byMention = tasks(TOMAS, "<@" + MAREN + "|maren>");
        assertTrue(byMention.contains("Call Blue Heron about the late lanes"), byMention);
        String byName = tasks(TOMAS, "owner maren");
        assertTrue(byName.contains("Call Blue Heron about the late lanes"), byName);
        String accents = tasks(MAREN, "owner tomas ortega");
        assertTrue(accents.contains("Send the revised contract"), accents);
    }

    @Test
    void meeting_words_list_its_action_items() throws Exception {
        String text = tasks(TOMAS, "meeting carrier review");
        assertTrue(text.contains("Carrier review"), text);
        assertTrue(text.contains("Collect the Q1 scorecards") && text.contains("Call Blue Heron"), text);
        assertFalse(text.contains("Book the demo room"), text);
    }

    @Test
    void snooze_by_relative_date_and_weekday() throws Exception {
        String id = f.id("Send the revised contract");
        assertTrue(tasks(TOMAS, "snooze " + id + " +3d").contains("Snoozed to 2026-03-07"));
        assertEquals(LocalDate.parse("2026-03-07"), f.chat.tasks.byId(id).orElseThrow().due());
        tasks(TOMAS, "snooze " + id + " monday");
        assertEquals(LocalDate.parse("2026-03-09"), f.chat.tasks.byId(id).orElseThrow().due());
        String bad = tasks(TOMAS, "snooze " + id + " someday maybe");
        assertTrue(bad.contains("can't read"), bad);
    }

    @Test
    void assign_to_a_mentioned_user() throws Exception {
        String id = f.id("Update the pricing sheet");
        String text = tasks(TOMAS, "assign " + id + " <@" + LIOR + "|lior>");
        assertTrue(text.contains("Reassigned to Lior Genzel"), text);
        assertEquals("Lior Genzel", f.chat.tasks.byId(id).orElseThrow().owner());
        assertTrue(tasks(LIOR, "").contains("Update the pricing sheet"));
        String history = tasks(LIOR, "history " + id);
        assertTrue(history.contains("Tomás Ortega -> Lior Genzel"), history);
    }

    @Test
    void assigning_to_a_typed_name_nobody_has_is_refused_and_changes_nothing_but_a_known_name_works() throws Exception {
        String id = f.id("Update the pricing sheet");
        String refused = tasks(TOMAS, "assign " + id + " @Nobody Atall");
        assertTrue(refused.contains("I don't know anyone called \"Nobody Atall\""), refused);
        assertEquals("Tomás Ortega", f.chat.tasks.byId(id).orElseThrow().owner());
        assertTrue(f.chat.changes.history(id).isEmpty());

        String done = tasks(TOMAS, "assign " + id + " @maren");
        assertTrue(done.contains("Reassigned to Maren Holt"), done);
    }

    @Test
    void accept_and_decline_by_command() throws Exception {
        String id = f.id("Evaluate a second carrier");
        assertTrue(tasks(TOMAS, "accept " + id).contains("Accepted"));
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
        assertTrue(tasks(TOMAS, "decline " + id).contains("Not a proposed task"));
    }

    @Test
    void done_several_ids_and_unknown_ids() throws Exception {
        String a = f.id("Backlog chore number 01");
        String b = f.id("Backlog chore number 02");
        String text = tasks(TOMAS, "done " + a + ", " + b + " zzzzzzzz");
        assertTrue(text.contains("No task has the id zzzzzzzz"), text);
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(a).orElseThrow().status());
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(b).orElseThrow().status());
        assertTrue(tasks(TOMAS, "done " + a).contains("Already done"));
    }

    @Test
    void whoami_says_who_the_caller_is_linked_to() throws Exception {
        assertTrue(tasks(TOMAS, "whoami").contains("You are Tomás Ortega"), "accent-free directory name links");
        assertTrue(tasks(PRIYA, "whoami").contains("You are Priya Raman"), "email from the people file links");
        assertTrue(tasks(LIOR, "whoami").contains("You are Lior Genzel"), "display name links");
        assertTrue(tasks(ADMIN, "whoami").contains("admin"));
        assertTrue(tasks(STRANGER, "whoami").contains("/tasks link"));
    }

    @Test
    void link_is_for_admins_and_links_the_user() throws Exception {
        assertTrue(tasks(STRANGER, "link <@" + STRANGER + "|sam> Maren Holt").contains("Only an admin"));
        assertTrue(tasks(ADMIN, "link <@" + STRANGER + "|sam> maren holt").contains("Linked"));
        assertTrue(tasks(STRANGER, "whoami").contains("You are Maren Holt"));
        assertTrue(tasks(STRANGER, "").contains("Call Blue Heron"));
    }

    @Test
    void reminders_of_an_unlinked_user_say_that_nothing_will_come_until_they_are_linked() throws Exception {
        String text = tasks(STRANGER, "reminders");
        assertTrue(text.contains("won't get any until you are linked"), text);
        assertTrue(text.contains("/tasks link"), text);
        assertFalse(tasks(PRIYA, "reminders").contains("linked"));
    }

    @Test
    void help_lists_the_commands() throws Exception {
        String text = tasks(TOMAS, "help");
        assertTrue(text.contains("/tasks done") && text.contains("/meetings"), text);
    }

    @Test
    void meetings_recent_words_and_id() throws Exception {
        String recent = meetings(TOMAS, "");
        assertTrue(recent.indexOf("Carrier review") < recent.indexOf("Weekly sync"), recent);
        String one = meetings(TOMAS, "Nimbus");
        assertTrue(one.contains("Attendees: Tomás Ortega, Priya Raman, Lior Genzel"), one);
        assertTrue(one.contains("The Nimbus demo moves to March 10"), one);
        assertTrue(one.contains("[x]") && one.contains("Share the meeting notes"), one);
        String meetingId = f.task("Collect the Q1 scorecards").meeting().id();
        String byId = meetings(TOMAS, meetingId);
        assertTrue(byId.contains("30-day improvement plan"), byId);
        assertTrue(meetings(TOMAS, "\"*(NEAR").contains("No meeting matches"));
    }
}

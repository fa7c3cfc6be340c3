package io.followup.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private Command tasks(String s) {
        return parser.parseTasks(s);
    }

    @Test
    void empty_text_means_my_tasks() {
        assertInstanceOf(Command.MyTasks.class, tasks(""));
        assertInstanceOf(Command.MyTasks.class, tasks("   "));
        assertInstanceOf(Command.MyTasks.class, tasks(null));
    }

    @Test
    void lists_with_windows_and_mine() {
        assertEquals(new Command.Overdue(false), tasks("overdue"));
        assertEquals(new Command.Overdue(true), tasks("OVERDUE mine"));
        assertEquals(new Command.Due(Command.Window.TODAY, false), tasks("due today"));
        assertEquals(new Command.Due(Command.Window.TOMORROW, true), tasks("due tomorrow mine"));
        assertEquals(new Command.Due(Command.Window.WEEK, false), tasks("due week"));
        assertEquals(new Command.Due(Command.Window.WEEK, false), tasks("due"));
    }

    @Test
    void people_by_mention_or_name() {
        assertEquals(new Command.OwnerTasks(PersonRef.user("U0TOMAS", "tomas")), tasks("<@U0TOMAS|tomas>"));
        assertEquals(new Command.OwnerTasks(PersonRef.user("U0TOMAS", null)), tasks("<@U0TOMAS>"));
        assertEquals(new Command.OwnerTasks(PersonRef.named("Tomás Ortega")), tasks("@Tomás Ortega"));
        assertEquals(new Command.OwnerTasks(PersonRef.named("maren")), tasks("owner maren"));
    }

    @Test
    void actions_with_ids() {
        assertEquals(new Command.Done(List.of("k3f9x2ab", "aaaabbbb")), tasks("done K3F9X2AB, aaaabbbb k3f9x2ab"));
        assertEquals(new Command.Undo("k3f9x2ab"), tasks("undo `k3f9x2ab`"));
        assertEquals(new Command.Snooze("k3f9x2ab", "next week"), tasks("snooze k3f9x2ab next week"));
        assertEquals(new Command.Assign("k3f9x2ab", PersonRef.user("U1", "lior")), tasks("assign k3f9x2ab to <@U1|lior>"));
        assertEquals(new Command.Accept("k3f9x2ab"), tasks("accept k3f9x2ab"));
        assertEquals(new Command.Decline("k3f9x2ab"), tasks("decline k3f9x2ab"));
        assertEquals(new Command.History("k3f9x2ab"), tasks("history k3f9x2ab"));
        assertEquals(new Command.Link(PersonRef.user("U9", "sam"), "Sam Stone"), tasks("link <@U9|sam> Sam Stone"));
        assertInstanceOf(Command.WhoAmI.class, tasks("whoami"));
    }

    @Test
    void search_and_meeting_keep_any_text() {
        assertEquals(new Command.Search("\"*(NEAR"), tasks("search \"*(NEAR"));
        assertEquals(new Command.MeetingTasks("weekly sync"), tasks("meeting weekly sync"));
    }

    @Test
    void unknown_or_incomplete_commands_become_help() {
        Command.Help unknown = (Command.Help) tasks("frobnicate now");
        assertTrue(unknown.problem().contains("frobnicate"));
        assertNull(((Command.Help) tasks("help")).problem());
        assertInstanceOf(Command.Help.class, tasks("done"));
        assertInstanceOf(Command.Help.class, tasks("snooze k3f9x2ab"));
        assertInstanceOf(Command.Help.class, tasks("assign k3f9x2ab"));
        assertInstanceOf(Command.Help.class, tasks("link Sam"));
        assertInstanceOf(Command.Help.class, tasks("search"));
    }

    @Test
    void control_characters_and_huge_text_are_tamed() {
        assertEquals(new Command.Search("a b"), tasks("search a\u0000\n\tb"));
        Command c = tasks("search " + "x".repeat(100_000));
        assertTrue(((Command.Search) c).words().length() < CommandParser.MAX_TEXT);
    }

    @Test
    void meetings_query() {
        assertEquals(new Command.Meetings(""), parser.parseMeetings("recent"));
        assertEquals(new Command.Meetings("carrier"), parser.parseMeetings(" carrier "));
    }

    @Test
    void reminders_take_the_rest_as_their_arguments() {
        CommandParser p = new CommandParser();
        org.junit.jupiter.api.Assertions.assertEquals(new Command.Reminders("at 08:30"), p.parseTasks("reminders at 08:30"));
        org.junit.jupiter.api.Assertions.assertEquals(new Command.Reminders("off"), p.parseTasks("reminder off"));
        org.junit.jupiter.api.Assertions.assertEquals(new Command.Reminders(""), p.parseTasks("reminders"));
    }
}

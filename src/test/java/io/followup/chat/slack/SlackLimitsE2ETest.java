package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.MAREN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notes far larger than Slack allows in one text or message: every answer still fits Slack's Block Kit limits. */
class SlackLimitsE2ETest {

    static final String TITLE = "Planning " + "with a very long title ".repeat(180).strip();
    static final String LONG_TASK = "Huge " + "description ".repeat(420).strip();

    @TempDir
    Path dir;
    SlackServerFixture f;
    String meetingId;

    @BeforeEach
    void start() throws Exception {
        List<String> note = new ArrayList<>(List.of("---", "title: " + TITLE, "date: 2026-03-03", "participants: [Maren Holt]", "---", "",
                "## Summary", "", "Long.", "", "## Action items", "",
                "- [ ] " + LONG_TASK + " @Maren Holt 📅 2026-03-06",
                "- [x] Finished item @Maren Holt ✅ 2026-03-03",
                "- [-] Dropped item @Maren Holt ❌ 2026-03-03",
                "- [/] Half-done item @Maren Holt 📅 2026-03-09"));
        for (int i = 1; i <= 60; i++) {
            note.add("- [ ] Limits check item number " + i + " with a description of moderate length to fill the text @Maren Holt");
        }
        f = new SlackServerFixture(dir, Map.of("meetings/2026-03-03 Long planning.md", String.join("\n", note) + "\n"));
        meetingId = f.task("Finished item").meeting().id();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private JsonObject ack(String command, String text) throws Exception {
        JsonObject ack = f.slack.ack(MAREN, command, text);
        assertFalse(ack.get("text").getAsString().isBlank(), "a plain-text fallback");
        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertEquals(List.of(), BlockKitLimits.problems(blocks, false), command + " " + text);
        return ack;
    }

    @Test
    void answers_about_a_meeting_with_a_title_longer_than_slack_allows_fit_its_limits() throws Exception {
        ack("/tasks", "meeting " + meetingId);
        ack("/tasks", "meeting very long title");
        ack("/meetings", meetingId);
        ack("/meetings", "planning");
        ack("/tasks", "history " + f.id("Huge description"));
        ack("/tasks", "search description");
        ack("/tasks", "");
    }

    @Test
    void meetings_marks_each_action_items_state_and_says_where_the_rest_are() throws Exception {
        List<String> texts = BlockKitLimits.texts(ack("/meetings", meetingId).getAsJsonArray("blocks"));
        List<String> items = texts.stream().filter(t -> t.startsWith("*Action items")).flatMap(t -> t.lines().skip(1)).toList();
        assertTrue(items.stream().anyMatch(l -> l.startsWith(":white_check_mark:") && l.contains("Finished item")), String.join("\n", items));
        assertTrue(items.stream().anyMatch(l -> l.startsWith(":heavy_multiplication_x:") && l.contains("Dropped item")), String.join("\n", items));
        assertTrue(items.stream().anyMatch(l -> l.startsWith(":arrow_forward:") && l.contains("Half-done item")), String.join("\n", items));
        for (String line : items) {
            assertTrue(line.endsWith("`") || line.contains("/tasks meeting " + meetingId), "a whole item or the pointer: " + line);
        }
        long shown = items.stream().filter(l -> l.endsWith("`")).count();
        assertTrue(shown == 64 || items.get(items.size() - 1).contains((64 - shown) + " more"), items.get(items.size() - 1));
        assertTrue(texts.stream().anyMatch(t -> t.contains("1 attendee:") || t.equals("Attendees: Maren Holt")), String.join("\n", texts));
        List<String> brief = BlockKitLimits.texts(ack("/meetings", "recent").getAsJsonArray("blocks"));
        assertTrue(brief.stream().anyMatch(t -> t.contains("1 attendee · 64 action items, 62 open")), String.join("\n", brief));
    }
}

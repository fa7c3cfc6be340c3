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

    /** The ids of the tasks a view or message shows, in order (from their actions blocks). */
    private static List<String> taskIds(JsonArray blocks) {
        List<String> ids = new ArrayList<>();
        for (com.google.gson.JsonElement b : blocks) {
            String blockId = b.getAsJsonObject().has("block_id") ? b.getAsJsonObject().get("block_id").getAsString() : "";
            if (blockId.startsWith("t|")) {
                ids.add(blockId.split("\\|")[1]);
            }
        }
        return ids;
    }

    private static JsonObject moreButton(JsonArray blocks) {
        for (com.google.gson.JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.get("type").getAsString().equals("actions") && block.get("block_id").getAsString().equals("more")) {
                JsonObject button = block.getAsJsonArray("elements").get(0).getAsJsonObject().deepCopy();
                button.addProperty("block_id", "more");
                return button;
            }
        }
        throw new AssertionError("no More button in " + blocks);
    }

    @Test
    void a_click_on_the_second_page_of_app_home_redraws_the_second_page() throws Exception {
        f.slack.openHome(MAREN, "Ev0PAGES");
        JsonArray page1 = f.api.await("views.publish", 1).get(0).param("view").getAsJsonArray("blocks");
        f.slack.click(MAREN, moreButton(page1), true, "1700000400.000001");
        JsonArray page2 = f.api.await("views.publish", 2).get(1).param("view").getAsJsonArray("blocks");
        List<String> firstPage = taskIds(page1);
        List<String> secondPage = taskIds(page2);
        assertFalse(secondPage.isEmpty());
        assertTrue(java.util.Collections.disjoint(firstPage, secondPage), firstPage + " / " + secondPage);

        String id = secondPage.get(0);
        f.slack.click(MAREN, SlackServerFixture.element(page2, id, "followup.done"), true, "1700000400.000002");
        JsonObject redrawn = f.api.await("views.publish", 3).get(2).param("view");
        assertEquals(io.followup.model.TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        assertTrue(redrawn.toString().contains("Marked done"), redrawn.toString());
        List<String> after = taskIds(redrawn.getAsJsonArray("blocks"));
        assertEquals(secondPage.get(1), after.get(0), "still the second page, the done task gone from it");
        assertTrue(java.util.Collections.disjoint(firstPage, after), after.toString());
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

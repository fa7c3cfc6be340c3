package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.ADMIN;
import static io.followup.chat.slack.SlackServerFixture.PRIYA;
import static io.followup.chat.slack.SlackServerFixture.STRANGER;
import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.followup.model.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlashCommandsE2ETest extends SlackServerTestBase {

    private String text(JsonObject ack) {
        return ack.get("text").getAsString();
    }

    @Test
    void my_tasks_list_overdue_first_with_buttons() throws Exception {
        JsonObject ack = f.slack.ack(TOMAS, "/tasks", "");
        assertEquals("ephemeral", ack.get("response_type").getAsString());
        String text = text(ack);
        assertTrue(text.indexOf("Overdue") < text.indexOf("Due today"), text);
        assertTrue(text.indexOf("Due today") < text.indexOf("Upcoming"), text);
        assertTrue(text.contains("Send the revised contract to Nimbus Freight"), text);
        assertTrue(text.contains("3 days overdue"), text);
        String contract = f.id("Send the revised contract");
        SlackServerFixture.element(ack.getAsJsonArray("blocks"), contract, "followup.done");
        SlackServerFixture.element(ack.getAsJsonArray("blocks"), contract, "followup.snooze");
        SlackServerFixture.element(ack.getAsJsonArray("blocks"), contract, "followup.reassign");
    }

    /** Written as bytes, not through the servlet's Writer: the declared charset and length must still be the body's. */
    @Test
    void the_ack_is_json_in_utf8_with_its_length() throws Exception {
        java.net.http.HttpResponse<String> r = f.slack.command(TOMAS, "/tasks", "");
        assertEquals(200, r.statusCode());
        assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        assertEquals(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Long.parseLong(r.headers().firstValue("Content-Length").orElseThrow()));
        String text = com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject().get("text").getAsString();
        assertTrue(text.contains("Tomás"), text); // not ISO-8859-1 or mojibake
    }

    @Test
    void done_by_the_owner_completes_the_task_and_records_history() throws Exception {
        String id = f.id("Book the demo room");
        JsonObject ack = f.slack.ack(PRIYA, "/tasks", "done " + id);
        assertTrue(text(ack).contains("Marked done"), text(ack));
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        JsonObject history = f.slack.ack(PRIYA, "/tasks", "history " + id);
        assertTrue(text(history).contains("complete"), text(history));
        assertTrue(text(history).contains(PRIYA), text(history));
        java.time.Instant at = f.chat.changes.history(id).get(0).at();
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
                .format(at.atZone(java.time.ZoneId.of("Europe/Berlin")));
        assertTrue(text(history).contains(local + " · Priya Raman"), "in FOLLOWUP_TZ: " + text(history));
    }

    @Test
    void completing_someone_elses_task_is_refused() throws Exception {
        String id = f.id("Book the demo room");
        JsonObject ack = f.slack.ack(TOMAS, "/tasks", "done " + id);
        assertTrue(text(ack).contains("Only Priya Raman"), text(ack));
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
        assertTrue(f.chat.changes.history(id).isEmpty());
    }

    @Test
    void an_admin_may_complete_anyones_task() throws Exception {
        String id = f.id("Book the demo room");
        JsonObject ack = f.slack.ack(ADMIN, "/tasks", "done " + id);
        assertTrue(text(ack).contains("Marked done"), text(ack));
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
    }

    @Test
    void unknown_subcommand_answers_with_help() throws Exception {
        JsonObject ack = f.slack.ack(TOMAS, "/tasks", "frobnicate everything");
        assertTrue(text(ack).contains("I don't know \"frobnicate\""), text(ack));
        assertTrue(text(ack).contains("/tasks snooze"), text(ack));
    }

    @Test
    void unlinked_user_is_told_how_to_get_linked() throws Exception {
        JsonObject ack = f.slack.ack(STRANGER, "/tasks", "");
        assertTrue(text(ack).contains("/tasks link"), text(ack));
        assertFalse(text(ack).contains("Exception"));
    }

    @Test
    void fts_hostile_search_text_is_safe() throws Exception {
        for (String q : List.of("\"*(NEAR", "rate card\" OR", "NEAR(", "*", "'); DROP TABLE tasks; --", "^~`", "\"\"\"")) {
            JsonObject ack = f.slack.ack(TOMAS, "/tasks", "search " + q);
            assertFalse(text(ack).contains("went wrong"), q + " -> " + text(ack));
        }
        JsonObject ack = f.slack.ack(TOMAS, "/tasks", "search \"rate card\" (NEAR");
        assertTrue(text(ack).contains("Check the \"rate card\" (NEAR) terms"), text(ack));
    }
}

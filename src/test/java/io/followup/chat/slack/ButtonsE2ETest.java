package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.ADMIN;
import static io.followup.chat.slack.SlackServerFixture.LIOR;
import static io.followup.chat.slack.SlackServerFixture.PRIYA;
import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.followup.model.TaskStatus;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ButtonsE2ETest extends SlackServerTestBase {

    private JsonArray blocks(String user, String text) throws Exception {
        return f.slack.ack(user, "/tasks", text).getAsJsonArray("blocks");
    }

    /** Clicks and returns the response_url message that answered the click. */
    private JsonObject click(String user, JsonObject action, String ts) throws Exception {
        int before = f.api.calls("response_url").size();
        HttpResponse<String> r = f.slack.click(user, action, false, ts);
        assertEquals(200, r.statusCode(), r.body());
        return f.api.await("response_url", before + 1).get(before).json();
    }

    @Test
    void done_button_completes_and_redraws_the_message_in_place() throws Exception {
        String id = f.id("Send the revised contract");
        JsonObject response = click(TOMAS, SlackServerFixture.element(blocks(TOMAS, ""), id, "followup.done"), "1700000001.000001");
        assertTrue(response.get("replace_original").getAsBoolean());
        assertTrue(response.get("text").getAsString().contains("Marked done: Send the revised contract"), response.toString());
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        assertEquals(LocalDate.parse("2026-03-04"), f.chat.tasks.byId(id).orElseThrow().done());
        assertTrue(f.chat.changes.history(id).get(0).origin().startsWith("slack:message C0GENERAL"));
    }

    @Test
    void snooze_menu_moves_the_due_date() throws Exception {
        String id = f.id("Send the revised contract");
        JsonObject menu = SlackServerFixture.element(blocks(TOMAS, ""), id, "followup.snooze");
        JsonObject chosen = menu.getAsJsonArray("options").get(1).getAsJsonObject(); // next Monday
        menu.add("selected_option", chosen);
        JsonObject response = click(TOMAS, menu, "1700000002.000001");
        assertEquals(LocalDate.parse("2026-03-09"), f.chat.tasks.byId(id).orElseThrow().due());
        assertTrue(response.get("text").getAsString().contains("Snoozed to 2026-03-09"), response.toString());
    }

    @Test
    void reassign_menu_gives_the_task_to_the_selected_user() throws Exception {
        String id = f.id("Send the revised contract");
        JsonObject menu = SlackServerFixture.element(blocks(TOMAS, ""), id, "followup.reassign");
        menu.addProperty("selected_user", LIOR);
        JsonObject response = click(TOMAS, menu, "1700000003.000001");
        assertEquals("Lior Genzel", f.chat.tasks.byId(id).orElseThrow().owner());
        assertTrue(response.get("text").getAsString().contains("Reassigned to Lior Genzel"), response.toString());
    }

    @Test
    void accept_and_decline_a_proposed_task() throws Exception {
        String id = f.id("Evaluate a second carrier");
        JsonArray mine = blocks(TOMAS, "");
        click(TOMAS, SlackServerFixture.element(mine, id, "followup.accept"), "1700000004.000001");
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
        // the same card in an older message can still be declined only while proposed
        JsonObject again = click(TOMAS, SlackServerFixture.element(mine, id, "followup.decline"), "1700000004.000002");
        assertTrue(again.get("text").getAsString().contains("Not a proposed task"), again.toString());
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
    }

    @Test
    void decline_cancels_a_proposed_task_and_undo_reopens_it() throws Exception {
        String id = f.id("Evaluate a second carrier");
        JsonObject response = click(TOMAS, SlackServerFixture.element(blocks(TOMAS, ""), id, "followup.decline"), "1700000005.000001");
        assertEquals(TaskStatus.CANCELLED, f.chat.tasks.byId(id).orElseThrow().status());
        JsonArray after = f.slack.ack(TOMAS, "/tasks", "undo " + id).getAsJsonArray("blocks");
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
        assertTrue(response.get("text").getAsString().contains("Declined"), response.toString());
        assertFalse(after.isEmpty());
    }

    @Test
    void undo_button_on_a_done_card_reopens_the_task() throws Exception {
        String id = f.id("Book the demo room");
        JsonArray done = f.slack.ack(PRIYA, "/tasks", "done " + id).getAsJsonArray("blocks");
        click(PRIYA, SlackServerFixture.element(done, id, "followup.undo"), "1700000006.000001");
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
        assertEquals(null, f.chat.tasks.byId(id).orElseThrow().done());
    }

    @Test
    void a_click_by_someone_else_is_refused_ephemerally_and_changes_nothing() throws Exception {
        String id = f.id("Book the demo room");
        JsonObject action = SlackServerFixture.element(blocks(TOMAS, "due today"), id, "followup.done");
        JsonObject response = click(TOMAS, action, "1700000007.000001");
        assertEquals("ephemeral", response.get("response_type").getAsString());
        assertFalse(response.get("replace_original").getAsBoolean());
        assertTrue(response.get("text").getAsString().contains("Only Priya Raman"), response.toString());
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
        assertTrue(f.chat.changes.history(id).isEmpty());
    }

    @Test
    void an_admin_click_overrides_ownership() throws Exception {
        String id = f.id("Book the demo room");
        click(ADMIN, SlackServerFixture.element(blocks(ADMIN, "due today"), id, "followup.done"), "1700000008.000001");
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        assertEquals(ADMIN, f.chat.changes.history(id).get(0).actor());
    }

    @Test
    void a_double_click_applies_once() throws Exception {
        String id = f.id("Send the revised contract");
        JsonObject action = SlackServerFixture.element(blocks(TOMAS, ""), id, "followup.done");
        click(TOMAS, action, "1700000009.000001");
        JsonObject second = click(TOMAS, action, "1700000009.000002");
        assertTrue(second.get("text").getAsString().contains("Already done"), second.toString());
        assertEquals(1, f.chat.changes.history(id).size());
    }

    @Test
    void a_redelivered_click_is_ignored() throws Exception {
        String id = f.id("Send the revised contract");
        JsonObject action = SlackServerFixture.element(blocks(TOMAS, ""), id, "followup.done");
        click(TOMAS, action, "1700000010.000001");
        int responses = f.api.calls("response_url").size();
        HttpResponse<String> again = f.slack.click(TOMAS, action, false, "1700000010.000001");
        assertEquals(200, again.statusCode());
        f.api.assertStays("response_url", responses);
        assertEquals(1, f.chat.changes.history(id).size());
    }

    @Test
    void show_more_pages_through_a_long_list() throws Exception {
        JsonObject ack = f.slack.ack(TOMAS, "/tasks", "");
        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertTrue(blocks.size() <= 50);
        JsonObject more = null;
        for (var b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if (o.get("block_id") != null && o.get("block_id").getAsString().equals("more")) {
                more = o.getAsJsonArray("elements").get(0).getAsJsonObject().deepCopy();
                more.addProperty("block_id", "more");
            }
        }
        assertTrue(more != null, "a Show more button: " + ack);
        JsonObject page2 = click(TOMAS, more, "1700000011.000001");
        assertTrue(page2.get("replace_original").getAsBoolean());
        assertTrue(page2.get("text").getAsString().contains("Backlog chore number 12"), page2.toString());
        assertFalse(ack.get("text").getAsString().contains("Backlog chore number 12"));
    }
}

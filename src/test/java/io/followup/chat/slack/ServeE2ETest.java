package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.ADMIN;
import static io.followup.chat.slack.SlackServerFixture.PRIYA;
import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.followup.model.TaskStatus;
import io.followup.store.ReminderPrefsStore;
import io.followup.store.TaskEvent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrated product, as {@code serve} runs it: chat, write-back to the notes, and the vault watched live. */
class ServeE2ETest {

    static final String WEEKLY = "meetings/2026-02-25 Weekly sync.md";
    static final String CONTRACT_LINE = "- [ ] Send the revised contract to Nimbus Freight @Tomás Ortega 📅 2026-03-01 ⏫";

    @TempDir
    Path dir;

    private static JsonObject clickAndAwait(ServeFixture f, String user, JsonObject action, String ts) throws Exception {
        int before = f.api.calls("response_url").size();
        HttpResponse<String> r = f.slack.click(user, action, false, ts);
        assertEquals(200, r.statusCode(), r.body());
        return f.api.await("response_url", before + 1).get(before).json();
    }

    private static String text(JsonObject ack) {
        return ack.get("text").getAsString();
    }

    private static String ask(ServeFixture f, String user, String command) {
        try {
            return text(f.slack.ack(user, "/tasks", command));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_done_click_completes_the_task_in_its_markdown_line_and_nothing_else_changes() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            byte[] original = Files.readAllBytes(f.note(WEEKLY));
            String id = f.task("Send the revised contract").id();
            JsonArray mine = f.slack.ack(TOMAS, "/tasks", "").getAsJsonArray("blocks");
            JsonObject response = clickAndAwait(f, TOMAS, SlackServerFixture.element(mine, id, "followup.done"), "1700000100.000001");

            assertTrue(text(response).contains("Marked done"), response.toString());
            assertFalse(text(response).contains("not written"), response.toString());
            String expected = new String(original, StandardCharsets.UTF_8)
                    .replace(CONTRACT_LINE, CONTRACT_LINE.replace("- [ ]", "- [x]") + " ✅ 2026-03-04");
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f.note(WEEKLY)));
            assertFalse(f.serving.chat.tasks.byId(id).orElseThrow().writebackPending());
            assertFalse(ask(f, TOMAS, "").contains("Send the revised contract"));
        }
    }

    @Test
    void with_write_back_off_the_answer_says_the_note_was_not_written_and_the_task_shows_it() throws Exception {
        try (ServeFixture f = new ServeFixture(dir, Map.of("FOLLOWUP_WRITEBACK", "off"), Map.of())) {
            byte[] original = Files.readAllBytes(f.note(WEEKLY));
            String id = f.task("Send the revised contract").id();
            JsonObject ack = f.slack.ack(TOMAS, "/tasks", "snooze " + id + " +7d");

            assertTrue(text(ack).contains("note was not written"), text(ack));
            assertTrue(text(ack).contains("changed in chat, not yet in the note"), text(ack));
            assertTrue(ack.getAsJsonArray("blocks").toString().contains("Changed in chat, not yet in the note"), ack.toString());
            assertFalse(text(ack).contains("Exception"), text(ack));
            assertArrayEquals(original, Files.readAllBytes(f.note(WEEKLY)));
            assertEquals(LocalDate.parse("2026-03-11"), f.serving.chat.tasks.byId(id).orElseThrow().due());
            assertTrue(f.serving.chat.tasks.byId(id).orElseThrow().writebackPending());
            assertTrue(ask(f, TOMAS, "").contains("changed in chat, not yet in the note"));
        }
    }

    @Test
    void a_task_added_to_a_note_while_serving_shows_up_in_chat() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            assertFalse(ask(f, TOMAS, "search pallet").contains("Print the pallet labels"));
            Files.writeString(f.note(WEEKLY), "- [ ] Print the pallet labels @Tomás Ortega 📅 2026-03-06\n",
                    StandardOpenOption.APPEND);
            assertTrue(ServeFixture.eventually(() -> ask(f, TOMAS, "search pallet").contains("Print the pallet labels")),
                    "the new task reaches /tasks while serving");
            assertTrue(ask(f, TOMAS, "").contains("Print the pallet labels"));
        }
    }

    @Test
    void a_recurring_task_completed_in_slack_can_be_undone_by_its_id_and_its_next_instance_stays() throws Exception {
        Map<String, String> notes = Map.of("2026-03-02 Chores.md", "# Chores\n- [ ] Water the office plants @Tomás Ortega 🔁 every week 📅 2026-03-04\n");
        try (ServeFixture f = new ServeFixture(dir, Map.of(), notes)) {
            String id = f.task("Water the office plants").id();
            assertTrue(ask(f, TOMAS, "done " + id).contains("Marked done"));
            // the watcher reads our own write: the next instance appears as a task of its own
            assertTrue(ServeFixture.eventually(() -> f.serving.chat.tasks.all().stream()
                    .filter(t -> t.description().startsWith("Water the office plants")).count() == 2));
            assertEquals(TaskStatus.DONE, f.serving.chat.tasks.byId(id).orElseThrow().status());

            String undo = ask(f, TOMAS, "undo " + id);
            assertTrue(undo.contains("Reopened"), undo);
            assertTrue(ServeFixture.eventually(() -> {
                try {
                    return Files.readString(f.note("2026-03-02 Chores.md")).equals("# Chores\n"
                            + "- [ ] Water the office plants @Tomás Ortega 🔁 every week 📅 2026-03-11\n"
                            + "- [ ] Water the office plants @Tomás Ortega 🔁 every week 📅 2026-03-04\n");
                } catch (IOException e) {
                    return false;
                }
            }), () -> {
                try {
                    return Files.readString(f.note("2026-03-02 Chores.md"));
                } catch (IOException e) {
                    return e.toString();
                }
            });
            assertEquals(TaskStatus.OPEN, f.serving.chat.tasks.byId(id).orElseThrow().status());
            assertEquals(LocalDate.parse("2026-03-04"), f.serving.chat.tasks.byId(id).orElseThrow().due());
        }
    }

    @Test
    void ticking_a_box_in_the_note_is_recorded_in_the_history_as_the_vault() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            String id = f.task("Book the demo room").id();
            String note = Files.readString(f.note(WEEKLY));
            Files.writeString(f.note(WEEKLY), note.replace("- [ ] Book the demo room @Priya Raman 📅 2026-03-04",
                    "- [x] Book the demo room @Priya Raman 📅 2026-03-04 ✅ 2026-03-04"));
            assertTrue(ServeFixture.eventually(() -> f.serving.chat.tasks.byId(id).orElseThrow().status() == TaskStatus.DONE));
            String history = ask(f, PRIYA, "history " + id);
            assertTrue(history.contains("vault") && history.contains("complete"), history);
            TaskEvent event = f.serving.chat.changes.history(id).get(0);
            assertEquals("vault", event.actor());
        }
    }

    @Test
    void claim_on_a_digest_message_takes_the_task_and_answers_only_the_presser() throws Exception {
        Map<String, String> notes = Map.of("2026-03-03 Standup.md", String.join("\n", "---", "title: Standup", "date: 2026-03-03", "---",
                "## Action items", "- [ ] Renew the warehouse lease 📅 2026-03-05", ""));
        try (ServeFixture f = new ServeFixture(dir, Map.of(), notes)) {
            String id = f.task("Renew the warehouse lease").id();
            JsonObject response = clickAndAwait(f, PRIYA, digestButton(id, "followup.claim"), "1700000200.000001");

            assertEquals("ephemeral", response.get("response_type").getAsString(), response.toString());
            assertFalse(response.get("replace_original").getAsBoolean(), "the channel digest is not replaced");
            assertTrue(text(response).contains("Claimed"), response.toString());
            assertEquals("Priya Raman", f.serving.chat.tasks.byId(id).orElseThrow().owner());
            assertEquals("claim", f.serving.chat.changes.history(id).get(0).action());
            assertTrue(Files.readString(f.note("2026-03-03 Standup.md")).contains("Renew the warehouse lease @Priya Raman"),
                    Files.readString(f.note("2026-03-03 Standup.md")));
        }
    }

    @Test
    void claiming_someone_elses_task_is_refused_unless_admin_and_done_on_a_digest_answers_ephemerally() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            String id = f.task("Send the revised contract").id();
            JsonObject refused = clickAndAwait(f, PRIYA, digestButton(id, "followup.claim"), "1700000300.000001");
            assertEquals("ephemeral", refused.get("response_type").getAsString());
            assertTrue(text(refused).contains("only an admin can claim"), refused.toString());
            assertEquals("Tomás Ortega", f.serving.chat.tasks.byId(id).orElseThrow().owner());

            JsonObject done = clickAndAwait(f, TOMAS, digestButton(id, "followup.done"), "1700000300.000002");
            assertEquals("ephemeral", done.get("response_type").getAsString());
            assertFalse(done.get("replace_original").getAsBoolean());
            assertTrue(text(done).contains("Marked done"), done.toString());
            assertEquals(TaskStatus.DONE, f.serving.chat.tasks.byId(id).orElseThrow().status());
            assertTrue(f.serving.chat.changes.history(id).stream().noneMatch(e -> e.actor().equals(ADMIN)));
        }
    }

    @Test
    void reminders_are_turned_off_on_and_timed_from_chat() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            ReminderPrefsStore prefs = new ReminderPrefsStore(f.serving.db());
            assertTrue(ask(f, TOMAS, "reminders off").contains("Reminders are off"));
            assertFalse(prefs.get(TOMAS).enabled());
            assertTrue(ask(f, TOMAS, "reminder at 08:30").contains("08:30"));
            assertTrue(ask(f, TOMAS, "reminders on").contains("Reminders are on"));
            assertTrue(prefs.get(TOMAS).enabled());
            assertEquals(LocalTime.of(8, 30), prefs.get(TOMAS).time());
            assertTrue(ask(f, TOMAS, "help").contains("/tasks reminders"));
        }
    }

    /** A button of a digest or reminder message, as DigestBlocks renders it. */
    private static JsonObject digestButton(String taskId, String actionId) {
        JsonObject a = new JsonObject();
        a.addProperty("type", "button");
        a.addProperty("action_id", actionId);
        a.addProperty("block_id", ActionIds.taskBlock(taskId, new io.followup.chat.Reply.View(DigestBlocks.DIGEST_VIEW, 0)));
        a.addProperty("value", taskId);
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", "Claim");
        a.add("text", text);
        return a;
    }
}

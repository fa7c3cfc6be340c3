package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.MAREN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.TaskStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack answering response_url posts slowly (as it does, from across the internet) holds up no click: serve as it runs. */
class ResponseUrlE2ETest {

    /** More clicks than the threads that do clicks' work (8): each would hold one while its redraw waits for Slack. */
    static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliet", "kilo", "lima");

    @TempDir
    Path dir;
    ServeFixture f;

    @BeforeEach
    void start() throws Exception {
        List<String> note = new ArrayList<>(List.of("---", "title: Slow Slack drill", "date: 2026-03-03", "participants: [Maren Holt]",
                "---", "", "## Action items", ""));
        WORDS.forEach(w -> note.add("- [ ] Drill task " + w + " @Maren Holt 📅 2026-03-10"));
        f = new ServeFixture(dir, Map.of(), Map.of("Slow Slack drill.md", String.join("\n", note) + "\n"));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void clicks_are_saved_and_written_while_their_redraws_wait_for_slack() throws Exception {
        List<String> ids = new ArrayList<>();
        List<com.google.gson.JsonObject> buttons = new ArrayList<>();
        for (String w : WORDS) {
            String id = f.task("Drill task " + w).id();
            ids.add(id);
            buttons.add(SlackServerFixture.element(f.slack.ack(MAREN, "/tasks", "search drill " + w).getAsJsonArray("blocks"), id, "followup.done"));
        }
        CountDownLatch slack = new CountDownLatch(1);
        f.api.respondGate = slack;
        f.api.clear();
        for (int i = 0; i < buttons.size(); i++) {
            assertEquals(200, f.slack.click(MAREN, buttons.get(i), false, "1700000100.0000" + (10 + i)).statusCode());
        }
        // every change is saved and in the note while Slack has not answered a single redraw
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && !ids.stream().allMatch(this::done)) {
            Thread.sleep(20);
        }
        assertTrue(ids.stream().allMatch(this::done), "done and written while the redraws wait: " + ids.stream().filter(this::done).count() + " of " + ids.size());
        String note = java.nio.file.Files.readString(f.note("Slow Slack drill.md"));
        WORDS.forEach(w -> assertTrue(note.contains("- [x] Drill task " + w + " @Maren Holt 📅 2026-03-10 ✅ 2026-03-04"), note));
        // and every redraw has reached Slack, which has answered none of them yet
        List<FakeSlackApi.Call> redraws = f.api.await("response_url", WORDS.size());
        assertEquals(1, slack.getCount());
        slack.countDown();
        assertTrue(redraws.stream().allMatch(r -> r.json().get("replace_original").getAsBoolean()), redraws.toString());
        assertTrue(redraws.stream().allMatch(r -> r.json().get("text").getAsString().contains("Marked done: Drill task")), redraws.toString());
        f.api.assertStays("response_url", WORDS.size());
    }

    /** Done in the store and written to the note. */
    private boolean done(String id) {
        io.followup.model.Task t = f.serving.chat.tasks.byId(id).orElseThrow();
        return t.status() == TaskStatus.DONE && !t.writebackPending();
    }
}

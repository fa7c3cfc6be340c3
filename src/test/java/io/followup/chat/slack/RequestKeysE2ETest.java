package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.followup.model.TaskStatus;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Acks never wait for the database's writer (an ingest can hold it for seconds): a request's key is claimed in memory
 * for the ack, and in the store before the request changes anything, so a click delivered again to a restarted
 * server is still applied once.
 */
class RequestKeysE2ETest extends SlackServerTestBase {

    @Test
    void commands_and_clicks_are_acked_while_another_write_holds_the_store_and_applied_after_it() throws Exception {
        String id = f.id("Send the revised contract");
        JsonObject done = SlackServerFixture.element(f.slack.ack(TOMAS, "/tasks", "").getAsJsonArray("blocks"), id, "followup.done");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> held = writer.submit(() -> {
            f.db.useWrite(h -> {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
            });
            return null;
        });
        try {
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            // answered while the writer is still held (it waits 30 s for us): nothing on the way to the ack writes
            ExecutorService client = Executors.newSingleThreadExecutor();
            assertTrue(client.submit(() -> f.slack.ack(TOMAS, "/tasks", "")).get(10, TimeUnit.SECONDS).has("blocks"));
            int before = f.api.calls("response_url").size();
            HttpResponse<String> ack = client.submit(() -> f.slack.click(TOMAS, done, false, "1700000101.000001")).get(10, TimeUnit.SECONDS);
            client.shutdown();
            assertEquals(200, ack.statusCode(), ack.body());
            assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status(), "not applied yet: the store is busy");
            release.countDown();
            held.get(10, TimeUnit.SECONDS);
            JsonObject redrawn = f.api.await("response_url", before + 1).get(before).json();
            assertTrue(redrawn.get("text").getAsString().contains("Marked done"), redrawn.toString());
            assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        } finally {
            release.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void a_click_delivered_again_to_a_restarted_server_is_not_applied_again() throws Exception {
        String id = f.id("Send the revised contract");
        var blocks = f.slack.ack(TOMAS, "/tasks", "").getAsJsonArray("blocks");
        JsonObject done = SlackServerFixture.element(blocks, id, "followup.done");
        int calls = f.api.calls("response_url").size();
        assertEquals(200, f.slack.click(TOMAS, done, false, "1700000201.000001").statusCode());
        f.api.await("response_url", calls + 1);
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        f.slack.ack(TOMAS, "/tasks", "undo " + id);
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());

        // a new server on the same store remembers nothing in memory; the store knows the click
        try (SlackServer restarted = f.chat.slackServer(() -> true)) {
            SignedSlack again = new SignedSlack(restarted.start(), f.api);
            assertEquals(200, again.click(TOMAS, done, false, "1700000201.000001").statusCode());
            // a later, different click is handled (and shows that the repeated one was dropped, not merely slow)
            JsonObject fresh = SlackServerFixture.element(again.ack(TOMAS, "/tasks", "").getAsJsonArray("blocks"), id, "followup.done");
            int before = f.api.calls("response_url").size();
            assertEquals(200, again.click(TOMAS, fresh, false, "1700000202.000001").statusCode());
            f.api.await("response_url", before + 1);
        }
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        assertEquals(2, f.chat.changes.history(id).stream().filter(e -> e.action().equals("complete")).count(),
                "the first click and the later one; not the repeated delivery");
    }
}

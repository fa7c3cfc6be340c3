package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.PRIYA;
import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.followup.model.TaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityAndEventsE2ETest extends SlackServerTestBase {

    private String doneBody(String user, String id) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("command", "/tasks");
        form.put("text", "done " + id);
        form.put("user_id", user);
        form.put("team_id", "T0TEST");
        form.put("channel_id", "C0GENERAL");
        form.put("response_url", f.api.newResponseUrl());
        form.put("trigger_id", "trigger-" + id);
        return SignedSlack.encode(form);
    }

    @Test
    void a_bad_signature_gets_401_and_nothing_is_done() throws Exception {
        String id = f.id("Book the demo room");
        HttpResponse<String> r = f.slack.postSigned(doneBody(PRIYA, id), "application/x-www-form-urlencoded", SignedSlack.now(),
                "v0=" + "0".repeat(64), Map.of());
        assertEquals(401, r.statusCode());
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
    }

    @Test
    void a_missing_signature_gets_401() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(doneBody(PRIYA, f.id("Book the demo room")))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    @Test
    void a_stale_timestamp_gets_401_and_nothing_is_done() throws Exception {
        String id = f.id("Book the demo room");
        String old = Long.toString(System.currentTimeMillis() / 1000 - 6 * 60);
        HttpResponse<String> r = f.slack.post(doneBody(PRIYA, id), "application/x-www-form-urlencoded", old, Map.of());
        assertEquals(401, r.statusCode());
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
    }

    @Test
    void a_malformed_payload_gets_a_clear_400() throws Exception {
        HttpResponse<String> r = f.slack.post("payload=%7Bnot+json", "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("Malformed Slack request"), r.body());
        assertFalse(r.body().contains("Exception"));
    }

    @Test
    void an_oversized_body_gets_413() throws Exception {
        String big = "text=" + "a".repeat(SlackEventsServlet.MAX_BODY + 10);
        HttpResponse<String> r = f.slack.post(big, "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("too large"), r.body());
    }

    @Test
    void a_retried_slash_command_does_not_apply_twice() throws Exception {
        String id = f.id("Book the demo room");
        String body = doneBody(PRIYA, id);
        HttpResponse<String> first = f.slack.post(body, "application/x-www-form-urlencoded", SignedSlack.now(), Map.of());
        HttpResponse<String> retry = f.slack.post(body, "application/x-www-form-urlencoded", SignedSlack.now(),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertEquals(200, first.statusCode());
        assertEquals(200, retry.statusCode());
        assertTrue(JsonParser.parseString(retry.body()).getAsJsonObject().get("text").getAsString().contains("Already handled"));
        assertEquals(1, f.chat.changes.history(id).size());
    }

    @Test
    void url_verification_is_answered() throws Exception {
        JsonObject challenge = new JsonObject();
        challenge.addProperty("type", "url_verification");
        challenge.addProperty("token", "legacy-token");
        challenge.addProperty("challenge", "abc123");
        HttpResponse<String> r = f.slack.post(challenge.toString(), "application/json", SignedSlack.now(), Map.of());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("abc123"), r.body());
    }

    @Test
    void opening_app_home_publishes_my_tasks_once_even_when_retried() throws Exception {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", TOMAS);
        event.addProperty("channel", "D0TOMAS");
        event.addProperty("tab", "home");
        event.addProperty("event_ts", "1700000000.000200");
        assertEquals(200, f.slack.event(event, "Ev0HOME1", null).statusCode());
        List<FakeSlackApi.Call> published = f.api.await("views.publish", 1);
        assertEquals(TOMAS, published.get(0).params().get("user_id"));
        JsonObject view = published.get(0).param("view");
        assertEquals("home", view.get("type").getAsString());
        assertTrue(view.toString().contains("Send the revised contract"), view.toString());
        assertTrue(view.getAsJsonArray("blocks").size() <= 100);
        assertEquals(200, f.slack.event(event, "Ev0HOME1", 1).statusCode());
        f.api.assertStays("views.publish", 1);
    }

    @Test
    void a_change_republishes_the_owners_app_home() throws Exception {
        String id = f.id("Send the revised contract");
        f.slack.ack(TOMAS, "/tasks", "done " + id);
        List<FakeSlackApi.Call> published = f.api.await("views.publish", 1);
        FakeSlackApi.Call home = published.stream().filter(c -> TOMAS.equals(c.params().get("user_id"))).findFirst().orElseThrow();
        assertFalse(home.param("view").toString().contains("Send the revised contract"), "the done task left the home tab");
    }

    @Test
    void a_burst_of_changes_redraws_the_owners_app_home_once_with_the_latest_state() throws Exception {
        String first = f.id("Send the revised contract");
        String second = f.id("Collect the Q1 scorecards");
        f.slack.ack(TOMAS, "/tasks", "done " + first);
        f.slack.ack(TOMAS, "/tasks", "done " + second);
        List<FakeSlackApi.Call> published = f.api.await("views.publish", 1);
        f.api.assertStays("views.publish", 1);
        String view = published.get(0).param("view").toString();
        assertFalse(view.contains("Send the revised contract"), view);
        assertFalse(view.contains("Collect the Q1 scorecards"), view);
    }

    @Test
    void buttons_in_app_home_act_and_republish_it() throws Exception {
        f.slack.openHome(TOMAS, "Ev0HOME2");
        JsonObject view = f.api.await("views.publish", 1).get(0).param("view");
        String id = f.id("Collect the Q1 scorecards");
        JsonObject done = SlackServerFixture.element(view.getAsJsonArray("blocks"), id, "followup.done");
        f.slack.click(TOMAS, done, true, "1700000100.000001");
        List<FakeSlackApi.Call> after = f.api.await("views.publish", 2);
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
        assertTrue(after.get(1).param("view").toString().contains("Marked done: Collect the Q1 scorecards"));
        assertEquals("slack:app-home", f.chat.changes.history(id).get(0).origin());
    }

    @Test
    void the_workspace_directory_is_first_read_once_the_first_ingest_is_done_not_during_it() throws Exception {
        f.api.await("users.list", 1); // the fixture's own server, ready from the start
        f.api.clear();
        java.util.concurrent.atomic.AtomicBoolean ingested = new java.util.concurrent.atomic.AtomicBoolean();
        try (SlackServer second = f.chat.slackServer(ingested::get)) {
            second.start();
            Thread.sleep(800);
            assertTrue(f.api.calls("users.list").isEmpty(), "its links would be written while the first ingest's transaction runs");
            ingested.set(true);
            f.api.await("users.list", 1);
        }
    }

    @Test
    void healthz_answers_ok() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }
}

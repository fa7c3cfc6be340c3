package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.TOMAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.followup.model.TaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SLACK_APP_TOKEN (and no signing secret) the real server talks Socket Mode: it asks apps.connections.open for
 * a WebSocket URL, connects, and answers commands and button clicks that arrive as envelopes, exactly as over HTTP.
 */
class SocketModeE2ETest {

    @TempDir
    Path dir;
    FakeSocketMode socket;
    SlackServerFixture f;

    @BeforeEach
    void start() throws Exception {
        socket = new FakeSocketMode();
        f = new SlackServerFixture(dir, Map.of(), Map.of("SLACK_APP_TOKEN", "xapp-1-A0FOLLOWUP-0000-test-app-token", "SLACK_SIGNING_SECRET", ""),
                api -> api.socketModeUrl = socket.url());
        socket.awaitConnected();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        socket.close();
    }

    @Test
    void slash_commands_and_buttons_work_over_socket_mode() throws Exception {
        assertTrue(f.api.calls("apps.connections.open").size() >= 1, "the WebSocket URL came from apps.connections.open");
        JsonObject command = new JsonObject();
        for (String[] kv : new String[][] {{"token", "legacy"}, {"team_id", "T0TEST"}, {"team_domain", "followup-test"},
                {"channel_id", "C0GENERAL"}, {"channel_name", "general"}, {"user_id", TOMAS}, {"user_name", "tomas"},
                {"command", "/tasks"}, {"text", ""}, {"api_app_id", "A0FOLLOWUP"}, {"response_url", f.api.newResponseUrl()},
                {"trigger_id", "trigger-socket-1"}}) {
            command.addProperty(kv[0], kv[1]);
        }
        JsonObject ack = socket.send("slash_commands", "env-1", command).getAsJsonObject("payload");
        assertTrue(ack.get("text").getAsString().startsWith("Open tasks of Tomás Ortega"), ack.toString());
        JsonArray blocks = ack.getAsJsonArray("blocks");
        assertEquals(java.util.List.of(), BlockKitLimits.problems(blocks, false));

        String id = f.id("Send the revised contract");
        JsonObject done = SlackServerFixture.element(blocks, id, "followup.done");
        JsonObject click = f.slack.clickPayload(TOMAS, done, false, "1700000200.000001");
        socket.send("interactive", "env-2", click);

        String redrawn = f.api.await("response_url", 1).get(0).body();
        assertTrue(redrawn.contains("Marked done: Send the revised contract"), redrawn);
        assertEquals(TaskStatus.DONE, f.chat.tasks.byId(id).orElseThrow().status());
    }

    @Test
    void without_a_signing_secret_there_is_no_http_endpoint_for_slack_but_healthz_answers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        String id = f.id("Send the revised contract");
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("command=/tasks&user_id=" + TOMAS + "&text=done+" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(events.statusCode() == 404 || events.statusCode() == 405, "no unsigned requests over HTTP: " + events.statusCode());
        assertEquals(TaskStatus.OPEN, f.chat.tasks.byId(id).orElseThrow().status());
    }
}

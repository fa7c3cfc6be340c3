package io.followup.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} without Slack credentials still ingests, serves /healthz and says what Slack needs. */
class ServeWithoutSlackTest {

    @TempDir
    Path dir;

    @Test
    void serve_without_slack_credentials_answers_healthz_and_503_on_slack_events() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Files.writeString(vault.resolve("2026-02-25 Sync.md"), String.join("\n", "---", "title: Sync", "date: 2026-02-25", "---",
                "- [ ] Send the revised contract @Tomás Ortega \uD83D\uDCC5 2026-03-01", ""));
        Config config = Config.fromEnv(Map.of("FOLLOWUP_VAULT", vault.toString(), "FOLLOWUP_DB", dir.resolve("f.db").toString(),
                "FOLLOWUP_TODAY", "2026-03-04", "PORT", "0"));
        StringWriter out = new StringWriter();
        HttpClient http = HttpClient.newHttpClient();
        try (Serving serving = Serving.start(config, new PrintWriter(out, true))) {
            URI base = URI.create("http://127.0.0.1:" + serving.port());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            HttpResponse<String> events = http.send(HttpRequest.newBuilder(base.resolve("/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("command=%2Ftasks")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, events.statusCode());
            assertTrue(events.body().contains("Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)"),
                    events.body());
            assertEquals(1, serving.chat.tasks.all().size());
        }
        assertTrue(out.toString().contains("without Slack"), out.toString());
        assertTrue(out.toString().contains("digest and reminders are not scheduled"), out.toString());
    }
}

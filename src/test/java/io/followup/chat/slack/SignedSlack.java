package io.followup.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends requests to the running server exactly as Slack does: form-encoded slash commands, {@code payload=}
 * JSON for interactions, JSON events, each signed with v0 HMAC-SHA256 and a request timestamp.
 */
final class SignedSlack {

    static final String SECRET = "test-signing-secret-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final FakeSlackApi api;
    private final RequestSignature signer = new RequestSignature(SECRET, Clock.systemUTC());

    SignedSlack(int port, FakeSlackApi api) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.api = api;
    }

    /** A slash command; returns the HTTP response (the ack). */
    HttpResponse<String> command(String user, String command, String text) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", "T0TEST");
        form.put("team_domain", "followup-test");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0FOLLOWUP");
        form.put("response_url", api.newResponseUrl());
        form.put("trigger_id", UUID.randomUUID().toString());
        return post(encode(form), "application/x-www-form-urlencoded", now(), Map.of());
    }

    /** The ack of a slash command, parsed (Bolt escapes it with Gson, so never grep it). */
    JsonObject ack(String user, String command, String text) throws IOException, InterruptedException {
        HttpResponse<String> r = command(user, command, text);
        if (r.statusCode() != 200) {
            throw new AssertionError("status " + r.statusCode() + ": " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** Clicks an element of a message (container type message) or of the App Home (container type view). */
    HttpResponse<String> click(String user, JsonObject action, boolean inHome, String actionTs) throws IOException, InterruptedException {
        JsonObject payload = clickPayload(user, action, inHome, actionTs);
        String body = "payload=" + URLEncoder.encode(new Gson().toJson(payload), StandardCharsets.UTF_8);
        return post(body, "application/x-www-form-urlencoded", now(), Map.of());
    }

    /** The block_actions payload Slack sends for a click (over HTTP as {@code payload=}, over Socket Mode in an envelope). */
    JsonObject clickPayload(String user, JsonObject action, boolean inHome, String actionTs) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("username", user.toLowerCase());
        u.addProperty("team_id", "T0TEST");
        payload.add("user", u);
        payload.addProperty("api_app_id", "A0FOLLOWUP");
        payload.addProperty("token", "legacy-token");
        JsonObject team = new JsonObject();
        team.addProperty("id", "T0TEST");
        payload.add("team", team);
        payload.addProperty("trigger_id", UUID.randomUUID().toString());
        JsonObject container = new JsonObject();
        if (inHome) {
            container.addProperty("type", "view");
            container.addProperty("view_id", "V0HOME");
            JsonObject view = new JsonObject();
            view.addProperty("id", "V0HOME");
            view.addProperty("type", "home");
            payload.add("view", view);
        } else {
            container.addProperty("type", "message");
            container.addProperty("message_ts", "1700000000.000100");
            container.addProperty("channel_id", "C0GENERAL");
            container.addProperty("is_ephemeral", true);
            JsonObject channel = new JsonObject();
            channel.addProperty("id", "C0GENERAL");
            channel.addProperty("name", "general");
            payload.add("channel", channel);
            payload.addProperty("response_url", api.newResponseUrl());
        }
        payload.add("container", container);
        JsonObject a = action.deepCopy();
        a.addProperty("action_ts", actionTs);
        JsonArray actions = new JsonArray();
        actions.add(a);
        payload.add("actions", actions);
        return payload;
    }

    /** The app_home_opened event Slack sends when {@code user} opens the bot's Home tab. */
    HttpResponse<String> openHome(String user, String eventId) throws IOException, InterruptedException {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("tab", "home");
        return event(event, eventId, null);
    }

    /** An Events API callback (optionally as Slack's retry). */
    HttpResponse<String> event(JsonObject event, String eventId, Integer retryNum) throws IOException, InterruptedException {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "legacy-token");
        envelope.addProperty("team_id", "T0TEST");
        envelope.addProperty("api_app_id", "A0FOLLOWUP");
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", eventId);
        envelope.addProperty("event_time", System.currentTimeMillis() / 1000);
        Map<String, String> headers = retryNum == null ? Map.of()
                : Map.of("X-Slack-Retry-Num", retryNum.toString(), "X-Slack-Retry-Reason", "http_timeout");
        return post(new Gson().toJson(envelope), "application/json", now(), headers);
    }

    HttpResponse<String> post(String body, String contentType, String timestamp, Map<String, String> headers)
            throws IOException, InterruptedException {
        return postSigned(body, contentType, timestamp, signer.sign(timestamp, body), headers);
    }

    HttpResponse<String> postSigned(String body, String contentType, String timestamp, String signature, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

package io.followup.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A small Slack Web API over real HTTP for end-to-end tests: auth.test, conversations.open, chat.postMessage
 * (with metadata), conversations.history/replies, users.info. chat.postMessage can be scripted to answer 429
 * with Retry-After, 500, or to record the message and then answer too slowly for the client.
 */
public final class FakeSlackWebApi implements AutoCloseable {

    /** A message as Slack stored it. */
    public record Posted(String channel, String ts, String threadTs, String text, JsonArray blocks, String key) {
    }

    /** What the next chat.postMessage call does instead of a plain success. */
    public sealed interface Fault {
    }

    public record RateLimit(int retryAfterSeconds) implements Fault {
    }

    public record ServerError(int status) implements Fault {
    }

    /** Stores the message, then answers only after {@code millis}: the client may give up first. */
    public record Slow(long millis) implements Fault {
    }

    private final HttpServer server;
    private final List<Posted> posted = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, String> zones = new ConcurrentHashMap<>();
    private final Set<String> missingUsers = ConcurrentHashMap.newKeySet();
    private final Set<String> archivedChannels = ConcurrentHashMap.newKeySet();
    private volatile boolean historyAllowed = true;
    private long ts = 1773130000_000100L;

    public FakeSlackWebApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The prefix to give the Slack client (SLACK_API_URL). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public synchronized void fail(Fault... next) {
        faults.addAll(List.of(next));
    }

    public void userZone(String user, String tz) {
        zones.put(user, tz);
    }

    public void missingUser(String user) {
        missingUsers.add(user);
    }

    public void archived(String channel) {
        archivedChannels.add(channel);
    }

    public void denyHistory() {
        historyAllowed = false;
    }

    public synchronized List<Posted> posted() {
        return List.copyOf(posted);
    }

    public synchronized List<Posted> postedTo(String channel) {
        return posted.stream().filter(p -> p.channel().equals(channel)).toList();
    }

    public synchronized long calls(String method) {
        return calls.stream().filter(method::equals).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (this) {
                calls.add(method);
            }
            switch (method) {
                case "auth.test" -> ok(ex, Map.of("user_id", "U0BOT", "team_id", "T0TEAM", "bot_id", "B0BOT"));
                case "conversations.open" -> open(ex, form);
                case "chat.postMessage" -> post(ex, form);
                case "conversations.history" -> history(ex, form, false);
                case "conversations.replies" -> history(ex, form, true);
                case "users.info" -> {
                    String tz = zones.get(form.get("user"));
                    ok(ex, Map.of("user", tz == null ? Map.of("id", form.get("user")) : Map.of("id", form.get("user"), "tz", tz)));
                }
                case "users.list" -> ok(ex, Map.of("members", List.of(), "response_metadata", Map.of("next_cursor", "")));
                default -> error(ex, 200, "unknown_method");
            }
        }
    }

    private void open(HttpExchange ex, Map<String, String> form) throws IOException {
        String user = form.get("users");
        if (missingUsers.contains(user)) {
            error(ex, 200, "user_not_found");
            return;
        }
        ok(ex, Map.of("channel", Map.of("id", "D" + user)));
    }

    private void post(HttpExchange ex, Map<String, String> form) throws IOException {
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        if (fault instanceof RateLimit r) {
            ex.getResponseHeaders().add("Retry-After", String.valueOf(r.retryAfterSeconds()));
            error(ex, 429, "ratelimited");
            return;
        }
        if (fault instanceof ServerError e) {
            error(ex, e.status(), "internal_error");
            return;
        }
        String channel = form.get("channel");
        if (channel.startsWith("U")) {
            channel = "D" + channel;
        }
        if (archivedChannels.contains(channel)) {
            error(ex, 200, "is_archived");
            return;
        }
        if (channel.startsWith("C0MISSING")) {
            error(ex, 200, "channel_not_found");
            return;
        }
        String key = null;
        if (form.get("metadata") != null) {
            JsonObject md = JsonParser.parseString(form.get("metadata")).getAsJsonObject();
            key = md.getAsJsonObject("event_payload").get("key").getAsString();
        }
        JsonArray blocks = form.get("blocks") == null ? new JsonArray() : JsonParser.parseString(form.get("blocks")).getAsJsonArray();
        Posted p;
        synchronized (this) {
            ts++;
            String t = String.valueOf(ts);
            p = new Posted(channel, t.substring(0, 10) + "." + t.substring(10), form.get("thread_ts"), form.get("text"), blocks, key);
            posted.add(p);
        }
        if (fault instanceof Slow s) {
            try {
                Thread.sleep(s.millis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ok(ex, Map.of("channel", channel, "ts", p.ts()));
    }

    private void history(HttpExchange ex, Map<String, String> form, boolean replies) throws IOException {
        if (!historyAllowed) {
            error(ex, 200, "missing_scope");
            return;
        }
        String channel = form.get("channel");
        String thread = form.get("ts");
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Posted p : posted()) {
            boolean inThread = replies ? thread.equals(p.threadTs()) || thread.equals(p.ts()) : p.threadTs() == null;
            if (p.channel().equals(channel) && inThread) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "message");
                m.put("ts", p.ts());
                m.put("text", p.text());
                if (p.key() != null) {
                    m.put("metadata", Map.of("event_type", SlackChatGateway.METADATA_EVENT, "event_payload", Map.of("key", p.key())));
                }
                messages.add(m);
            }
        }
        ok(ex, Map.of("messages", messages, "has_more", false));
    }

    private static void ok(HttpExchange ex, Map<String, Object> fields) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.putAll(fields);
        send(ex, 200, new Gson().toJson(body));
    }

    private static void error(HttpExchange ex, int status, String error) throws IOException {
        send(ex, status, new Gson().toJson(Map.of("ok", false, "error", error)));
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (a slow answer): the message is stored all the same
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

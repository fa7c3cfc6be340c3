package io.followup.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Slack's Web API and response_url endpoints: answers auth.test, users.list,
 * users.info, users.lookupByEmail, chat.postMessage, chat.update, views.publish and apps.connections.open, and records
 * every call.
 */
final class FakeSlackApi implements AutoCloseable {

    /** One recorded call: the Web API method (or "response_url"), its form/JSON parameters and raw body. */
    record Call(String method, Map<String, String> params, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        JsonObject param(String name) {
            return JsonParser.parseString(params.get(name)).getAsJsonObject();
        }
    }

    /** A workspace member. */
    record Member(String id, String realName, String displayName, String email) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final AtomicInteger responseUrls = new AtomicInteger();
    /** What apps.connections.open hands out (Socket Mode); null: it answers as for a bot token. */
    volatile String socketModeUrl;
    /** How long users.info takes to answer (a slow Slack). */
    volatile long usersInfoDelayMillis;
    /** While set and not yet counted down, response_url POSTs are recorded as they arrive and answered only then (a slow Slack). */
    volatile java.util.concurrent.CountDownLatch respondGate;
    /** Members users.info knows but users.list does not show (joined since the directory was read). */
    final java.util.Set<String> unlisted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        // a thread per exchange, so a response_url held at the gate holds up no other call
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    void add(Member m) {
        members.add(m);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String newResponseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + responseUrls.incrementAndGet();
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    void clear() {
        calls.clear();
    }

    /** Waits until at least {@code n} calls of the method were made; returns them. */
    List<Call> await(String method, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> found = calls(method);
            if (found.size() >= n) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + n + " call(s) of " + method + ", got " + calls(method).size() + "; all: "
                + calls.stream().map(Call::method).toList());
    }

    /** Gives in-flight work a moment, then asserts the count did not grow past {@code n}. */
    void assertStays(String method, int n) throws InterruptedException {
        Thread.sleep(400);
        if (calls(method).size() != n) {
            throw new AssertionError("expected exactly " + n + " " + method + " call(s), got " + calls(method).size());
        }
    }

    private void api(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = form(body);
        calls.add(new Call(method, params, body));
        JsonObject out = new JsonObject();
        out.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                out.addProperty("url", "https://followup-test.slack.com/");
                out.addProperty("team", "Followup Test");
                out.addProperty("user", "followup");
                out.addProperty("team_id", "T0TEST");
                out.addProperty("user_id", "U0BOT");
                out.addProperty("bot_id", "B0BOT");
            }
            case "users.list" -> {
                JsonArray list = new JsonArray();
                members.stream().filter(m -> !unlisted.contains(m.id())).forEach(m -> list.add(user(m)));
                out.add("members", list);
                JsonObject meta = new JsonObject();
                meta.addProperty("next_cursor", "");
                out.add("response_metadata", meta);
            }
            case "users.info" -> {
                pause(usersInfoDelayMillis);
                Member m = members.stream().filter(x -> x.id().equals(params.get("user"))).findFirst().orElse(null);
                if (m == null) {
                    out.addProperty("ok", false);
                    out.addProperty("error", "user_not_found");
                } else {
                    out.add("user", user(m));
                }
            }
            case "users.lookupByEmail" -> {
                Member m = members.stream().filter(x -> x.email() != null && x.email().equalsIgnoreCase(params.get("email")))
                        .findFirst().orElse(null);
                if (m == null) {
                    out.addProperty("ok", false);
                    out.addProperty("error", "users_not_found");
                } else {
                    out.add("user", user(m));
                }
            }
            case "chat.postMessage", "chat.update" -> {
                out.addProperty("channel", params.getOrDefault("channel", "C0TEST"));
                out.addProperty("ts", "1700000000." + String.format("%06d", calls.size()));
            }
            case "views.publish" -> out.add("view", new JsonObject());
            case "apps.connections.open" -> {
                if (socketModeUrl == null) {
                    out.addProperty("ok", false);
                    out.addProperty("error", "not_allowed_token_type");
                } else {
                    out.addProperty("url", socketModeUrl);
                }
            }
            default -> {
                out.addProperty("ok", false);
                out.addProperty("error", "unknown_method");
            }
        }
        send(ex, new Gson().toJson(out));
    }

    private void respond(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call("response_url", Map.of("url", ex.getRequestURI().getPath()), body));
        java.util.concurrent.CountDownLatch gate = respondGate;
        if (gate != null) {
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(ex, "ok");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject user(Member m) {
        JsonObject u = new JsonObject();
        u.addProperty("id", m.id());
        u.addProperty("name", m.id().toLowerCase());
        u.addProperty("real_name", m.realName());
        u.addProperty("deleted", false);
        u.addProperty("is_bot", false);
        JsonObject profile = new JsonObject();
        profile.addProperty("real_name", m.realName());
        profile.addProperty("display_name", m.displayName() == null ? "" : m.displayName());
        if (m.email() != null) {
            profile.addProperty("email", m.email());
        }
        u.add("profile", profile);
        return u;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        java.util.concurrent.CountDownLatch gate = respondGate;
        while (gate != null && gate.getCount() > 0) {
            gate.countDown();
        }
        server.stop(0);
    }

    static List<String> texts(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        blocks.forEach(b -> {
            JsonObject o = b.getAsJsonObject();
            if (o.has("text") && o.get("text").isJsonObject()) {
                out.add(o.getAsJsonObject("text").get("text").getAsString());
            }
        });
        return out;
    }
}

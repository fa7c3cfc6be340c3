package io.followup.bench;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local Slack Web API for the benchmarks, on 127.0.0.1 only: auth.test, users.list, users.info,
 * users.lookupByEmail, conversations.open, conversations.history/replies (empty), chat.postMessage, chat.update,
 * views.publish, and response_url POSTs ({@code /respond/N}, whose arrival time is recorded). chat.postMessage may
 * be limited to a fixed rate by a token bucket (burst = one second's worth); beyond it the answer is HTTP 429 with
 * Retry-After in whole seconds, as Slack does. Delivered posts are counted per conversation. A response_url POST may
 * be answered only after a set time, as Slack answers from across the internet (its arrival is still the time
 * recorded): what that costs is the server's, whose threads wait for the answer.
 */
final class FakeSlack implements AutoCloseable {

    /** A workspace member for users.list / users.info. */
    record Member(String id, String realName) {
    }

    private static final Gson GSON = new Gson();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> postsPerChannel = new ConcurrentHashMap<>();
    private final Map<Integer, Long> responseArrivals = new ConcurrentHashMap<>();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final AtomicInteger responseUrls = new AtomicInteger();
    private final LongAdder responseBytes = new LongAdder();
    private final AtomicLong ts = new AtomicLong(1_773_130_000_000_100L);
    private final LongAdder rateLimited = new LongAdder();
    private final double rate;
    private final long responseLatencyMillis;
    private final java.util.concurrent.ScheduledExecutorService later;
    private double tokens;
    private long lastRefill = System.nanoTime();

    static {
        // Without TCP_NODELAY on the accepted sockets, Nagle + delayed ACK on loopback add ~40 ms to every call
        // (OkHttp's request headers and body go out as two writes): a fake that slow would measure itself.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** {@code postRate} chat.postMessage calls per second (0: unlimited). */
    FakeSlack(double postRate, int threads) throws IOException {
        this(postRate, threads, 0);
    }

    /** {@code responseLatencyMillis}: how long after its arrival a response_url POST is answered (0: at once). */
    FakeSlack(double postRate, int threads, long responseLatencyMillis) throws IOException {
        this.rate = postRate;
        this.responseLatencyMillis = responseLatencyMillis;
        // answers sent later come from here, so no fake-slack thread waits meanwhile
        this.later = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-slack-later");
            t.setDaemon(true);
            return t;
        });
        this.tokens = postRate;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    void add(Member m) {
        members.put(m.id(), m);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A fresh response_url and its number. */
    String responseUrl(int n) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + n;
    }

    int nextResponseUrl() {
        return responseUrls.incrementAndGet();
    }

    /** The bytes of every response_url POST's body, in all. */
    long responseBytes() {
        return responseBytes.sum();
    }

    /** When (System.nanoTime) the POST to response_url number {@code n} arrived, or null. */
    Long responseArrival(int n) {
        return responseArrivals.get(n);
    }

    long calls(String method) {
        LongAdder a = calls.get(method);
        return a == null ? 0 : a.sum();
    }

    long rateLimited() {
        return rateLimited.sum();
    }

    /** Delivered chat.postMessage calls per conversation. */
    Map<String, Integer> postsPerChannel() {
        Map<String, Integer> out = new LinkedHashMap<>();
        postsPerChannel.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void api(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.computeIfAbsent(method, k -> new LongAdder()).increment();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            switch (method) {
                case "auth.test" -> {
                    out.put("url", "https://followup-bench.slack.com/");
                    out.put("team", "Followup Bench");
                    out.put("user", "followup");
                    out.put("team_id", "T0BENCH");
                    out.put("user_id", "U0BOT");
                    out.put("bot_id", "B0BOT");
                }
                case "users.list" -> {
                    out.put("members", members.values().stream().map(FakeSlack::user).toList());
                    out.put("response_metadata", Map.of("next_cursor", ""));
                }
                case "users.info" -> {
                    String id = form.getOrDefault("user", "");
                    Member m = members.getOrDefault(id, new Member(id, null));
                    out.put("user", user(m));
                }
                case "users.lookupByEmail" -> {
                    out.put("ok", false);
                    out.put("error", "users_not_found");
                }
                case "conversations.open" -> out.put("channel", Map.of("id", "D" + form.getOrDefault("users", "X").split(",")[0]));
                case "conversations.history", "conversations.replies" -> {
                    out.put("messages", List.of());
                    out.put("has_more", false);
                }
                case "chat.postMessage" -> {
                    long wait = take();
                    if (wait > 0) {
                        rateLimited.increment();
                        ex.getResponseHeaders().add("Retry-After", Long.toString(wait));
                        send(ex, 429, GSON.toJson(Map.of("ok", false, "error", "ratelimited")));
                        return;
                    }
                    String channel = form.getOrDefault("channel", "C0BENCH");
                    postsPerChannel.computeIfAbsent(channel, k -> new AtomicInteger()).incrementAndGet();
                    out.put("channel", channel);
                    out.put("ts", ts());
                }
                case "chat.update" -> {
                    out.put("channel", form.getOrDefault("channel", "C0BENCH"));
                    out.put("ts", form.getOrDefault("ts", ts()));
                }
                case "views.publish" -> out.put("view", Map.of("id", "V0HOME", "type", "home"));
                default -> {
                    out.put("ok", false);
                    out.put("error", "unknown_method");
                }
            }
            send(ex, 200, GSON.toJson(out));
        }
    }

    private void respond(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        int size = ex.getRequestBody().readAllBytes().length;
        calls.computeIfAbsent("response_url", k -> new LongAdder()).increment();
        responseBytes.add(size);
        try {
            responseArrivals.putIfAbsent(Integer.parseInt(ex.getRequestURI().getPath().substring("/respond/".length())), now);
        } catch (NumberFormatException e) {
            // not one of ours
        }
        if (responseLatencyMillis <= 0) {
            answerOk(ex);
        } else {
            later.schedule(() -> answerOk(ex), responseLatencyMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private static void answerOk(HttpExchange ex) {
        try (ex) {
            send(ex, 200, "ok");
        } catch (IOException e) {
            // the server gave up on the post: its problem to report
        }
    }

    /** Takes a token; 0 when allowed, else the whole seconds to wait (at least 1), as Retry-After says. */
    private synchronized long take() {
        if (rate <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        tokens = Math.min(rate, tokens + (now - lastRefill) / 1e9 * rate);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
    }

    private String ts() {
        String t = Long.toString(ts.incrementAndGet());
        return t.substring(0, 10) + "." + t.substring(10);
    }

    private static Map<String, Object> user(Member m) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", m.id());
        u.put("name", m.id().toLowerCase(java.util.Locale.ROOT));
        u.put("deleted", false);
        u.put("is_bot", false);
        u.put("tz", "UTC");
        Map<String, Object> profile = new LinkedHashMap<>();
        if (m.realName() != null) {
            u.put("real_name", m.realName());
            profile.put("real_name", m.realName());
        }
        profile.put("display_name", "");
        u.put("profile", profile);
        return u;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty() || body.startsWith("{")) {
            return out;
        }
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
        later.shutdownNow();
        executor.shutdownNow();
    }
}

package io.followup.bench;

import com.google.gson.Gson;
import io.followup.bench.SlackBench.Kind;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SlackBench's clients: signed requests exactly as Slack sends them (slash commands as forms, button clicks as
 * block_actions payloads, v0 HMAC-SHA256 signatures), from N threads over loopback HTTP/1.1, one kept-alive
 * connection each ({@link LoopbackHttp}). Two ways to load the
 * server: closed loop (each client sends its next request when the last one was answered: the most the server can
 * do, its throughput) and open loop at a fixed rate (request i is due at start + i/rate on connection i mod N, sent
 * then whether or not the server kept up, and timed from when it was due, as wrk2 does: its latency at that rate,
 * with the queueing a slow server causes counted rather than hidden).
 */
final class SlackLoad implements AutoCloseable {

    private static final Gson GSON = new Gson();

    /** One answered request: when it counted from (due, or sent), its kind, and how long its answer took. */
    record Answer(long fromNanos, Kind kind, long tookNanos) {
    }

    /** One phase's numbers. */
    static final class Phase {
        final String name;
        /** Warm-up: Done and Undo in turn on a few tasks set aside, so warming the JIT uses up no task. */
        boolean warmup;
        final Map<Kind, Latencies> latencies = new LinkedHashMap<>();
        final Map<Kind, AtomicInteger> errorsOf = new LinkedHashMap<>();
        final Latencies all = new Latencies();
        /** Done clicks: from sending (or, open loop, from when due) until the redrawn card reached response_url. */
        final Latencies completions = new Latencies();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger slowAcks = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, Long> doneStartedAt = new ConcurrentHashMap<>();
        final List<String> doneIds = Collections.synchronizedList(new ArrayList<>());
        /** Every answer, in the order they came, when {@link #traced} (BENCH_TRACE): to see when slow answers came. */
        final List<Answer> trace = Collections.synchronizedList(new ArrayList<>());
        boolean traced;
        volatile String firstError;
        volatile boolean timedOut;
        long startNanos;
        long endNanos;
        long lastCompletionNanos;
        double offeredRate;

        Phase(String name) {
            this.name = name;
            for (Kind k : Kind.values()) {
                latencies.put(k, new Latencies());
                errorsOf.put(k, new AtomicInteger());
            }
        }

        /** From the first request until the last answer. */
        double wallSeconds() {
            return Math.max(1e-9, (endNanos - startNanos) / 1e9);
        }

        /** Answered requests per second. */
        double throughput() {
            return all.count() / wallSeconds();
        }

        /** From the first request until the last answer AND the last Done click's redrawn card. */
        double completedSeconds() {
            return Math.max(1e-9, (Math.max(endNanos, lastCompletionNanos) - startNanos) / 1e9);
        }

        /** Requests per second counting a Done click only once its change is applied and its card redrawn. */
        double sustained() {
            return all.count() / completedSeconds();
        }

        void error(Kind k, String what) {
            errors.incrementAndGet();
            errorsOf.get(k).incrementAndGet();
            if (firstError == null) {
                firstError = name + ", " + k + ": " + what;
            }
        }

        /** Waits for the response_url POST of every Done click; records how long each took. */
        void awaitCompletions(FakeSlack fake, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            Map<Integer, Long> pending = new LinkedHashMap<>(doneStartedAt);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                pending.entrySet().removeIf(e -> {
                    Long at = fake.responseArrival(e.getKey());
                    if (at != null) {
                        completions.add(at - e.getValue());
                        lastCompletionNanos = Math.max(lastCompletionNanos, at);
                        return true;
                    }
                    return false;
                });
                if (!pending.isEmpty()) {
                    Thread.sleep(20);
                }
            }
        }
    }

    private final FakeSlack fake;
    private final List<String> doneIds;
    private final AtomicInteger nextDone = new AtomicInteger();
    private final List<String> warmIds;
    private final AtomicInteger nextWarm = new AtomicInteger();
    private final Map<String, AtomicInteger> warmClicks = new ConcurrentHashMap<>();
    private final AtomicLong actionTs = new AtomicLong(1_700_000_000_000_000L);
    private final int clients;
    private final String user;
    private final LoopbackHttp http;
    private final ExecutorService pool;
    private final ThreadLocal<Mac> mac;

    /** {@code doneIds}: the tasks measured Done clicks use, each once; {@code warmIds}: the few the warm-up toggles. */
    SlackLoad(int port, FakeSlack fake, List<String> doneIds, List<String> warmIds, int clients, String user, String secret) {
        this.fake = fake;
        this.doneIds = doneIds;
        this.warmIds = warmIds;
        this.clients = clients;
        this.user = user;
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        this.pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        this.http = new LoopbackHttp(port, "/slack/events");
    }

    /** How many Done clicks are left to make (each clicks a task not clicked before). */
    int doneLeft() {
        return doneIds.size() - nextDone.get();
    }

    /** A closed loop whose Done clicks are Done and Undo in turn on the tasks set aside for warming up. */
    Phase warmup(int requests, int maxSeconds, IntFunction<Kind> kindOf) throws InterruptedException {
        return closed(new Phase("warm-up"), requests, maxSeconds, kindOf, true);
    }

    /** Closed loop: {@code requests} requests of the kinds {@code kindOf(i)} from all clients as fast as answered. */
    Phase closed(String name, int requests, int maxSeconds, IntFunction<Kind> kindOf) throws InterruptedException {
        return closed(new Phase(name), requests, maxSeconds, kindOf, false);
    }

    private Phase closed(Phase run, int requests, int maxSeconds, IntFunction<Kind> kindOf, boolean warmup) throws InterruptedException {
        run.warmup = warmup;
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        run.startNanos = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    if (System.nanoTime() > deadline) {
                        run.timedOut = true;
                        return;
                    }
                    one(run, kindOf.apply(i), System.nanoTime());
                }
            }));
        }
        join(run, futures);
        return run;
    }

    /**
     * Open loop: {@code rate} requests a second for {@code seconds}, request i due at start + i/rate and sent on client
     * i mod N when due (later only when that client is still waiting for its previous answer), timed from when due.
     */
    Phase open(String name, double rate, double seconds, IntFunction<Kind> kindOf, boolean traced) throws InterruptedException {
        Phase run = new Phase(name);
        run.traced = traced;
        run.offeredRate = rate;
        int requests = (int) Math.round(rate * seconds);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        run.startNanos = start;
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = client; i < requests; i += clients) {
                    long due = start + i * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    one(run, kindOf.apply(i), due);
                }
            }));
        }
        join(run, futures);
        return run;
    }

    private static void join(Phase run, List<Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                run.error(Kind.HELP, "client crashed: " + e.getCause());
            }
        }
        run.endNanos = System.nanoTime();
    }

    /** Sends one request; {@code from} is when it counts from (sent, or due). */
    private void one(Phase run, Kind kind, long from) {
        int responseUrl = fake.nextResponseUrl();
        String body;
        String doneId = null;
        switch (kind) {
            case TASKS -> body = command("", responseUrl);
            case SEARCH -> body = command("search " + SlackBench.searchWords(responseUrl), responseUrl);
            case HELP -> body = command("help", responseUrl);
            case DONE -> {
                if (run.warmup && !warmIds.isEmpty()) {
                    String id = warmIds.get(Math.floorMod(nextWarm.getAndIncrement(), warmIds.size()));
                    boolean done = warmClicks.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() % 2 == 1;
                    body = click(id, responseUrl, done ? "followup.done" : "followup.undo");
                    run.doneStartedAt.put(responseUrl, from);
                    break;
                }
                int d = nextDone.getAndIncrement();
                if (d >= doneIds.size()) {
                    run.error(kind, "no open task left to click Done on (" + doneIds.size() + " used)");
                    return;
                }
                doneId = doneIds.get(d);
                body = click(doneId, responseUrl, "followup.done");
            }
            default -> throw new IllegalStateException();
        }
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("X-Slack-Request-Timestamp", ts);
        headers.put("X-Slack-Signature", sign(ts, body));
        run.sent.incrementAndGet();
        if (doneId != null) {
            run.doneStartedAt.put(responseUrl, from);
            run.doneIds.add(doneId);
        }
        try {
            LoopbackHttp.Response r = http.post(headers, body, 30_000);
            long took = System.nanoTime() - from;
            if (r.status() != 200) {
                run.error(kind, "HTTP " + r.status() + ": " + r.body());
                return;
            }
            if (kind != Kind.DONE) {
                // a string check: parsing every 20 KB answer would cost the shared CPUs more than some answers do
                String ack = r.body();
                if (ack.contains("Working on it")) {
                    run.slowAcks.incrementAndGet();
                } else if (!ack.contains("\"blocks\"") || ack.contains("Already handled") || ack.contains(":warning: Followup can")
                        || ack.contains(":warning: Something went wrong")) { // (Work.problem's sentences)
                    run.error(kind, "unexpected ack: " + ack.substring(0, Math.min(300, ack.length())));
                    return;
                }
            }
            run.latencies.get(kind).add(took);
            run.all.add(took);
            if (run.traced) {
                run.trace.add(new Answer(from, kind, took));
            }
        } catch (IOException | RuntimeException e) {
            run.error(kind, e.toString());
        }
    }

    private String command(String text, int responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", "T0BENCH");
        form.put("team_domain", "followup-bench");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", "priya");
        form.put("command", "/tasks");
        form.put("text", text);
        form.put("api_app_id", "A0FOLLOWUP");
        form.put("is_enterprise_install", "false");
        form.put("response_url", fake.responseUrl(responseUrl));
        form.put("trigger_id", UUID.randomUUID().toString());
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    /** A Done (or Undo) button on an ephemeral /tasks card, as Slack sends a block_actions payload. */
    private String click(String taskId, int responseUrl, String actionId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", Map.of("id", user, "username", "priya", "team_id", "T0BENCH"));
        payload.put("api_app_id", "A0FOLLOWUP");
        payload.put("token", "legacy-token");
        payload.put("team", Map.of("id", "T0BENCH", "domain", "followup-bench"));
        payload.put("trigger_id", UUID.randomUUID().toString());
        payload.put("container", Map.of("type", "message", "message_ts", "1700000000.000100", "channel_id", "C0GENERAL",
                "is_ephemeral", true));
        payload.put("channel", Map.of("id", "C0GENERAL", "name", "general"));
        payload.put("response_url", fake.responseUrl(responseUrl));
        String blockId = "t|" + taskId + "|0|";
        long ts = actionTs.incrementAndGet();
        payload.put("actions", List.of(Map.of("type", "button", "action_id", actionId, "block_id", blockId,
                "value", taskId, "text", Map.of("type", "plain_text", "text", actionId.endsWith("done") ? "Done" : "Undo"),
                "action_ts", (ts / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", ts % 1_000_000))));
        return "payload=" + enc(GSON.toJson(payload));
    }

    private String sign(String ts, String body) {
        byte[] digest = mac.get().doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(digest);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package io.followup.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.Database;
import io.followup.store.TaskStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Slack benchmark: the real {@code serve} (ChatWiring + SlackServer: Jetty + Bolt) in a child JVM with the
 * scripts' default heap, over the ingested 10,000-note store, the Slack Web API faked locally; 32 concurrent
 * clients send signed requests over loopback HTTP exactly as Slack does (v0 HMAC-SHA256), mixing {@code /tasks},
 * {@code /tasks search}, Done clicks on distinct tasks and {@code /tasks help}. Prints p50/p99 latency and
 * throughput per kind, and the server's peak RSS (VmHWM) as a Markdown table.
 *
 * <p>Environment: BENCH_NOTES (10000), BENCH_SEED, BENCH_DIR (vault and store kept and reused), BENCH_CLIENTS (32),
 * BENCH_REQUESTS (4000 measured), BENCH_WARMUP (800), BENCH_SECONDS (90, a bound on the measured phase),
 * BENCH_JFR (a file: the server records a JFR profile there), FOLLOWUP_SERVE_JAVA_OPTS (the server's JVM flags; scripts/bench sets them as scripts/run would), else FOLLOWUP_JAVA_OPTS.
 */
public final class SlackBench {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final String TOKEN = "xoxb-bench-0123456789-abcdefghijklmnop";
    static final String USER = "U0PRIYA";
    static final String PERSON = NoteGenerator.ME;
    static final String TODAY = NoteGenerator.TODAY.toString();
    static final List<String> SEARCHES = List.of("load test", "invoice", "design tokens", "launch checklist", "on-call rota",
            "steering meeting", "contract", "edge cases");
    private static final Pattern PORT = Pattern.compile("Followup serving Slack on port (\\d+)");

    /** What to run. */
    record Options(int notes, long seed, Path workDir, int clients, int requests, int warmup, int maxSeconds,
                   List<String> javaOpts, Path jfr, String command) {

        static Options fromEnv() {
            // scripts/bench passes the flags scripts/run gives serve; run directly, FOLLOWUP_JAVA_OPTS as before
            String opts = System.getenv("FOLLOWUP_SERVE_JAVA_OPTS") != null ? System.getenv("FOLLOWUP_SERVE_JAVA_OPTS")
                    : BenchStore.env("FOLLOWUP_JAVA_OPTS", "");
            String jfr = BenchStore.env("BENCH_JFR", "");
            return new Options(Integer.parseInt(BenchStore.env("BENCH_NOTES", "10000")),
                    Long.parseLong(BenchStore.env("BENCH_SEED", Long.toString(GenVault.DEFAULT_SEED))),
                    BenchStore.workDirFromEnv(),
                    Integer.parseInt(BenchStore.env("BENCH_CLIENTS", "32")),
                    Integer.parseInt(BenchStore.env("BENCH_REQUESTS", "4000")),
                    Integer.parseInt(BenchStore.env("BENCH_WARMUP", "800")),
                    Integer.parseInt(BenchStore.env("BENCH_SECONDS", "90")),
                    opts.isBlank() ? List.of() : Arrays.asList(opts.split("\\s+")),
                    jfr.isBlank() ? null : Path.of(jfr).toAbsolutePath(),
                    "scripts/bench slack");
        }
    }

    /** The kinds of request, sent round-robin. */
    enum Kind {
        TASKS("`/tasks` (" + PERSON + ")"), SEARCH("`/tasks search <words>`"), DONE("Done click (block_actions): ack"),
        HELP("`/tasks help`");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** What a run measured; {@code markdown} is the report. */
    record Result(String markdown, Map<Kind, Integer> counts, int errors, double throughput, double p99AllMs, long vmHwmKb,
                  int doneApplied, int doneSent) {
    }

    private SlackBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.fromEnv();
        Result r = run(o);
        System.out.print(r.markdown());
        if (r.errors() > 0) {
            System.exit(1);
        }
    }

    static Result run(Options o) throws Exception {
        BenchStore.Prepared store = BenchStore.prepare(o.workDir(), o.notes(), o.seed(), "SlackBench");
        try {
            return run(o, store);
        } finally {
            if (store.tempWork()) {
                IngestBench.deleteTree(store.work());
            }
        }
    }

    private static Result run(Options o, BenchStore.Prepared store) throws Exception {
        Path db = BenchStore.copy(store, "slack-run.db");
        List<String> doneIds;
        int openOfUser;
        try (Database d = Database.open(db)) {
            List<Task> mine = new TaskStore(d).openByOwner(PERSON);
            openOfUser = mine.size();
            doneIds = mine.stream().filter(t -> t.status() == TaskStatus.OPEN || t.status() == TaskStatus.IN_PROGRESS)
                    .map(Task::id).toList();
        }
        try (FakeSlack fake = new FakeSlack(0, 8)) {
            fake.add(new FakeSlack.Member(USER, PERSON));
            Server server = Server.start(o, store, db, fake);
            Run warm;
            Run measured;
            long hwm;
            long rss;
            try {
                Driver driver = new Driver(server.port(), fake, doneIds, o.clients());
                System.err.println("SlackBench: warm-up, " + o.warmup() + " requests ...");
                warm = driver.run(o.warmup(), o.maxSeconds());
                System.err.println("SlackBench: measuring, " + o.requests() + " requests from " + o.clients() + " clients ...");
                measured = driver.run(o.requests(), o.maxSeconds());
                measured.awaitCompletions(fake, Duration.ofSeconds(60));
                long[] mem = server.memoryKb();
                hwm = mem[0];
                rss = mem[1];
                driver.close();
            } finally {
                server.stop();
            }
            int applied;
            try (Database d = Database.open(db)) {
                TaskStore tasks = new TaskStore(d);
                applied = (int) measured.doneIds.stream().map(tasks::byId).filter(t -> t.isPresent() && t.get().status() == TaskStatus.DONE).count();
            }
            BenchStore.deleteDb(db);
            String md = report(o, store, openOfUser, measured, warm, hwm, rss, applied, fake, server);
            Map<Kind, Integer> counts = new LinkedHashMap<>();
            for (Kind k : Kind.values()) {
                counts.put(k, measured.latencies.get(k).count());
            }
            return new Result(md, counts, measured.errors.get(), measured.throughput(), measured.all.percentileMs(99), hwm, applied,
                    measured.doneIds.size());
        }
    }

    private static String report(Options o, BenchStore.Prepared store, int openOfUser, Run m, Run warm, long hwmKb, long rssKb,
                                 int applied, FakeSlack fake, Server server) {
        StringBuilder sb = new StringBuilder(Tables.header(o.command() + envNote(o), Machine.describe()));
        sb.append("Store: ").append(store.describe()).append("  \n");
        sb.append(String.format(Locale.ROOT, "Server: `java %s-cp followup.jar io.followup.app.Main serve` in a child JVM (%s), "
                        + "FOLLOWUP_TODAY=%s, Slack Web API faked on 127.0.0.1  \n",
                o.javaOpts().isEmpty() ? "" : String.join(" ", o.javaOpts()) + " ",
                o.javaOpts().stream().anyMatch(s -> s.startsWith("-Xmx")) ? "JVM flags as scripts/run gives serve"
                        : "default heap, no -Xmx", TODAY));
        sb.append(String.format(Locale.ROOT, "Load: %d concurrent clients (java.net.http, HTTP/1.1, loopback), signed v0 requests sent "
                        + "round-robin; %,d warm-up requests not counted, then %,d measured in %.1f s%s. "
                        + "%s owns %,d open tasks. The machine is shared with two other engineers' builds and tests, "
                        + "and the clients and fake API run on the same 2 cores as the server.%n%n",
                o.clients(), warm.sent.get(), m.sent.get(), m.wallSeconds(), m.timedOut ? " (stopped by BENCH_SECONDS)" : "",
                PERSON, openOfUser));
        List<List<String>> rows = new ArrayList<>();
        for (Kind k : Kind.values()) {
            Latencies l = m.latencies.get(k);
            rows.add(List.of(k.label, String.format(Locale.ROOT, "%,d", l.count()), Tables.ms(l.percentileMs(50)),
                    Tables.ms(l.percentileMs(99)), Tables.ms(l.maxMs()), String.format(Locale.ROOT, "%.0f/s", l.count() / m.wallSeconds()),
                    Integer.toString(m.errorsOf.get(k).get())));
            if (k == Kind.DONE) {
                Latencies c = m.completions;
                rows.add(List.of("Done click: task done and card redrawn (response_url POST arrives)",
                        String.format(Locale.ROOT, "%,d of %,d", c.count(), m.doneIds.size()), Tables.ms(c.percentileMs(50)),
                        Tables.ms(c.percentileMs(99)), Tables.ms(c.maxMs()), "", ""));
            }
        }
        rows.add(List.of("**all requests (acks)**", String.format(Locale.ROOT, "%,d", m.all.count()), Tables.ms(m.all.percentileMs(50)),
                Tables.ms(m.all.percentileMs(99)), Tables.ms(m.all.maxMs()), String.format(Locale.ROOT, "**%.0f/s**", m.throughput()),
                Integer.toString(m.errors.get())));
        sb.append(Tables.table(List.of("request", "count", "p50", "p99", "max", "throughput", "errors"), rows));
        sb.append('\n');
        double p99 = m.all.percentileMs(99);
        List<List<String>> targets = new ArrayList<>();
        targets.add(List.of("p99 latency at " + o.clients() + " concurrent clients (all acks)", Tables.ms(p99), "≤ 50 ms",
                Tables.verdict(p99 <= 50)));
        targets.add(List.of("throughput", String.format(Locale.ROOT, "%.0f commands/s", m.throughput()), "≥ 500 commands/s",
                Tables.verdict(m.throughput() >= 500)));
        targets.add(List.of("peak RSS of `serve` (VmHWM, includes its start-up re-ingest)", hwmKb < 0 ? "n/a" : (hwmKb / 1024) + " MB",
                "≤ 400 MB", hwmKb < 0 ? "n/a" : Tables.verdict(hwmKb / 1024 <= 400)));
        targets.add(List.of("RSS of `serve` after the run (VmRSS)", rssKb < 0 ? "n/a" : (rssKb / 1024) + " MB", "", ""));
        targets.add(List.of("Done clicks applied in the store", applied + " of " + m.doneIds.size(), "all",
                Tables.verdict(applied == m.doneIds.size())));
        targets.add(List.of("slow acks (\"Working on it\", answer later via response_url)", Integer.toString(m.slowAcks.get()), "0", ""));
        targets.add(List.of("Web API calls by the server during the run", "views.publish " + fake.calls("views.publish")
                + ", response_url " + fake.calls("response_url") + ", users.info " + fake.calls("users.info")
                + ", users.list " + fake.calls("users.list"), "", ""));
        sb.append(Tables.table(List.of("target", "result", "goal", "verdict"), targets));
        if (server.jfr() != null) {
            sb.append("\nJFR recording of the server: ").append(server.jfr()).append('\n');
        }
        if (m.firstError != null) {
            sb.append("\nFirst error: ").append(m.firstError).append('\n');
        }
        return sb.toString();
    }

    private static String envNote(Options o) {
        List<String> parts = new ArrayList<>();
        if (o.notes() != 10000) {
            parts.add("BENCH_NOTES=" + o.notes());
        }
        if (o.clients() != 32) {
            parts.add("BENCH_CLIENTS=" + o.clients());
        }
        if (o.requests() != 4000) {
            parts.add("BENCH_REQUESTS=" + o.requests());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** The {@code serve} child process. */
    record Server(Process process, int port, Path out, Path err, Path jfr) {

        static Server start(Options o, BenchStore.Prepared store, Path db, FakeSlack fake) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java));
            cmd.addAll(o.javaOpts());
            if (o.jfr() != null) {
                cmd.add("-XX:StartFlightRecording=filename=" + o.jfr() + ",settings=profile,dumponexit=true");
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.followup.app.Main", "serve"));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            Map<String, String> env = pb.environment();
            env.put("FOLLOWUP_VAULT", store.vault().toString());
            env.put("FOLLOWUP_DB", db.toString());
            env.put("FOLLOWUP_PEOPLE", store.people().toString());
            env.put("FOLLOWUP_TODAY", TODAY);
            env.put("FOLLOWUP_TZ", "UTC");
            env.put("FOLLOWUP_DIGEST_DAYS", "sat"); // 2026-03-04 is a Wednesday: the scheduler runs but stays idle
            env.remove("FOLLOWUP_DIGEST_CHANNEL");
            env.remove("SLACK_APP_TOKEN");
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_URL", fake.apiUrl());
            env.put("PORT", "0");
            Path out = Files.createTempFile("slack-bench-serve", ".out");
            Path err = Files.createTempFile("slack-bench-serve", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            System.err.println("SlackBench: starting serve: " + String.join(" ", cmd.subList(0, cmd.size() - 4)) + " ... serve");
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            int port = -1;
            while (port < 0) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException("serve did not start: " + Files.readString(err));
                }
                Matcher m = PORT.matcher(Files.readString(out));
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                } else {
                    Thread.sleep(100);
                }
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not yet
                }
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException("serve never became ready: " + Files.readString(err));
                }
                Thread.sleep(200);
            }
            System.err.println("SlackBench: serve ready on port " + port + " (pid " + p.pid() + ")");
            return new Server(p, port, out, err, o.jfr());
        }

        /** {VmHWM, VmRSS} in kB from /proc, -1 when unknown. */
        long[] memoryKb() {
            long hwm = -1;
            long rss = -1;
            try {
                for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (l.startsWith("VmHWM:")) {
                        hwm = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    } else if (l.startsWith("VmRSS:")) {
                        rss = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return new long[] {hwm, rss};
        }

        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String errText = Files.readString(err);
            long errors = errText.lines().filter(l -> l.contains(" ERROR ")).count();
            if (errors > 0) {
                System.err.println("SlackBench: the server logged " + errors + " ERROR line(s); first: "
                        + errText.lines().filter(l -> l.contains(" ERROR ")).findFirst().orElse(""));
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** One phase's numbers. */
    static final class Run {
        final Map<Kind, Latencies> latencies = new LinkedHashMap<>();
        final Map<Kind, AtomicInteger> errorsOf = new LinkedHashMap<>();
        final Latencies all = new Latencies();
        final Latencies completions = new Latencies();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger slowAcks = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, Long> doneSentAt = new ConcurrentHashMap<>();
        final List<String> doneIds = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile String firstError;
        volatile boolean timedOut;
        long startNanos;
        long endNanos;

        Run() {
            for (Kind k : Kind.values()) {
                latencies.put(k, new Latencies());
                errorsOf.put(k, new AtomicInteger());
            }
        }

        double wallSeconds() {
            return Math.max(1e-9, (endNanos - startNanos) / 1e9);
        }

        double throughput() {
            return all.count() / wallSeconds();
        }

        void error(Kind k, String what) {
            errors.incrementAndGet();
            errorsOf.get(k).incrementAndGet();
            if (firstError == null) {
                firstError = k + ": " + what;
            }
        }

        /** Waits for the response_url POST of every Done click; records how long each took from the click. */
        void awaitCompletions(FakeSlack fake, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            Map<Integer, Long> pending = new LinkedHashMap<>(doneSentAt);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                pending.entrySet().removeIf(e -> {
                    Long at = fake.responseArrival(e.getKey());
                    if (at != null) {
                        completions.add(at - e.getValue());
                        return true;
                    }
                    return false;
                });
                if (!pending.isEmpty()) {
                    Thread.sleep(50);
                }
            }
        }
    }

    /** Sends signed requests from N client threads. */
    static final class Driver implements AutoCloseable {
        private final URI endpoint;
        private final FakeSlack fake;
        private final List<String> doneIds;
        private final AtomicInteger nextDone = new AtomicInteger();
        private final AtomicLong actionTs = new AtomicLong(1_700_000_000_000_000L);
        private final int clients;
        private final HttpClient http;
        private final ExecutorService pool;
        private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });

        Driver(int port, FakeSlack fake, List<String> doneIds, int clients) {
            this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
            this.fake = fake;
            this.doneIds = doneIds;
            this.clients = clients;
            this.pool = Executors.newFixedThreadPool(clients, r -> {
                Thread t = new Thread(r, "bench-client");
                t.setDaemon(true);
                return t;
            });
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(4, r -> {
                        Thread t = new Thread(r, "bench-http");
                        t.setDaemon(true);
                        return t;
                    })).build();
        }

        Run run(int requests, int maxSeconds) throws InterruptedException {
            Run run = new Run();
            AtomicInteger next = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            run.startNanos = System.nanoTime();
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        if (System.nanoTime() > deadline) {
                            run.timedOut = true;
                            return;
                        }
                        one(run, Kind.values()[i % Kind.values().length], i);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    run.error(Kind.HELP, "client crashed: " + e.getCause());
                }
            }
            run.endNanos = System.nanoTime();
            return run;
        }

        private void one(Run run, Kind kind, int i) {
            int responseUrl = fake.nextResponseUrl();
            String body;
            String doneId = null;
            switch (kind) {
                case TASKS -> body = command("", responseUrl);
                case SEARCH -> body = command("search " + SEARCHES.get(i % SEARCHES.size()), responseUrl);
                case HELP -> body = command("help", responseUrl);
                case DONE -> {
                    int d = nextDone.getAndIncrement();
                    if (d >= doneIds.size()) {
                        run.error(kind, "no open task left to click Done on (" + doneIds.size() + " used)");
                        return;
                    }
                    doneId = doneIds.get(d);
                    body = click(doneId, responseUrl);
                }
                default -> throw new IllegalStateException();
            }
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            HttpRequest req = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", sign(ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            run.sent.incrementAndGet();
            long t0 = System.nanoTime();
            if (doneId != null) {
                run.doneSentAt.put(responseUrl, t0);
                run.doneIds.add(doneId);
            }
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    run.error(kind, "HTTP " + r.statusCode() + ": " + r.body());
                    return;
                }
                if (kind != Kind.DONE) {
                    JsonObject ack = JsonParser.parseString(r.body()).getAsJsonObject();
                    String text = ack.has("text") ? ack.get("text").getAsString() : "";
                    if (text.contains("Working on it")) {
                        run.slowAcks.incrementAndGet();
                    } else if (!ack.has("blocks") || text.contains("Already handled") || text.contains(":warning:")) {
                        run.error(kind, "unexpected ack: " + r.body().substring(0, Math.min(300, r.body().length())));
                        return;
                    }
                }
                run.latencies.get(kind).add(took);
                run.all.add(took);
            } catch (IOException | RuntimeException e) {
                run.error(kind, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String command(String text, int responseUrl) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", "legacy-token");
            form.put("team_id", "T0BENCH");
            form.put("team_domain", "followup-bench");
            form.put("channel_id", "C0GENERAL");
            form.put("channel_name", "general");
            form.put("user_id", USER);
            form.put("user_name", "priya");
            form.put("command", "/tasks");
            form.put("text", text);
            form.put("api_app_id", "A0FOLLOWUP");
            form.put("is_enterprise_install", "false");
            form.put("response_url", fake.responseUrl(responseUrl));
            form.put("trigger_id", UUID.randomUUID().toString());
            return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        }

        /** A Done button on an ephemeral /tasks card, as Slack sends a block_actions payload. */
        private String click(String taskId, int responseUrl) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "block_actions");
            payload.put("user", Map.of("id", USER, "username", "priya", "team_id", "T0BENCH"));
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
            payload.put("actions", List.of(Map.of("type", "button", "action_id", "followup.done", "block_id", blockId,
                    "value", taskId, "text", Map.of("type", "plain_text", "text", "Done"),
                    "action_ts", (ts / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", ts % 1_000_000))));
            return "payload=" + enc(new Gson().toJson(payload));
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
}

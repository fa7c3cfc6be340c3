package io.followup.bench;

import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.Database;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskEvent;
import io.followup.store.TaskStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The Slack benchmark: the real {@code serve} (ChatWiring + SlackServer: Jetty + Bolt) in a child JVM with the
 * scripts' serve flags, over the ingested 10,000-note store, the Slack Web API faked locally; clients send signed
 * requests over loopback HTTP exactly as Slack does (v0 HMAC-SHA256), mixing {@code /tasks}, {@code /tasks search},
 * Done clicks on distinct tasks and {@code /tasks help}.
 *
 * <p>Throughput and latency are measured apart, because one closed-loop run cannot show both (Little's law: 32
 * clients each waiting for its answer at 500 requests/s means 64 ms per request on average). Throughput: 32 clients
 * in a closed loop, counted until every answer AND every Done click's completion (change saved, card redrawn through
 * response_url) has arrived, so after-ack work that falls behind shows. Latency: an open loop at a fixed rate (500/s
 * over 32 connections, each request timed from when it was due), per kind, Done completions included. Then the
 * server's CPU time per request of each kind alone, its memory, who used the machine's CPUs, and whether every Done
 * click was applied exactly once.
 *
 * <p>Each run works on copies of the store and the vault (Done clicks write back to the notes), with
 * BENCH_EDITED notes of the copy edited so that serve's start-up re-ingests them, as after a restart.
 *
 * <p>Environment: BENCH_NOTES (10000), BENCH_SEED, BENCH_DIR (vault and store kept and reused), BENCH_CLIENTS (32),
 * BENCH_REQUESTS (4000, the throughput phase), BENCH_WARMUP (3000: its Done clicks toggle Done/Undo on a few tasks set aside, taken evenly across the open ones; then more
 * while the JIT compilers use BENCH_WARMUP_JIT (10) percent or more of serve's CPU, for up to BENCH_WARMUP_SECONDS, 90), BENCH_RATE (500 requests/s) and BENCH_RATE_SECONDS
 * (8) for the latency phase, BENCH_CPU_REQUESTS (200 of each kind, fewer Done clicks when fewer tasks are left; 0 skips), BENCH_EDITED (1000), BENCH_SECONDS (90, a
 * bound on each phase), BENCH_SLACK_LATENCY_MS (0: how long the fake Slack takes to answer a response_url POST; Slack's own
 * answers come from across the internet), BENCH_JFR (a file: a JFR recording of the measured phases; BENCH_JFR_SETTINGS, default
 * profile, may name a .jfc), BENCH_TRACE (a file: the latency phase's answers, one a line: when due, kind, latency),
 * FOLLOWUP_SERVE_JAVA_OPTS (the server's JVM flags; scripts/bench sets them as
 * scripts/run would), else FOLLOWUP_JAVA_OPTS.
 */
public final class SlackBench {

    static final String SECRET = "bench-signing-secret-0123456789abcdef";
    static final String TOKEN = "xoxb-bench-0123456789-abcdefghijklmnop";
    static final String USER = "U0PRIYA";
    static final String PERSON = NoteGenerator.ME;
    static final String TODAY = NoteGenerator.TODAY.toString();
    /**
     * The words of the {@code n}th search: a verb and an object of the generated tasks, ~700 pairs in a scattered
     * order, so that the store's cache of recent searches (256) is hit about as often as by a team asking many
     * different questions, not by the same few phrases again and again.
     */
    static String searchWords(int n) {
        int h = (int) ((n * 2654435761L) >>> 8);
        String object = Pools.OBJECTS.get(Math.floorMod(h / Pools.VERBS.size(), Pools.OBJECTS.size()));
        return Pools.VERBS.get(Math.floorMod(h, Pools.VERBS.size())) + " " + object.replaceFirst("^the ", "");
    }
    static final double P99_TARGET_MS = 50;
    static final double THROUGHPUT_TARGET = 500;
    static final long RSS_TARGET_MB = 400;
    /** Warm-up rounds after BENCH_WARMUP, of this many requests each: until the JIT's share of serve's CPU in one is below BENCH_WARMUP_JIT. */
    static final int WARM_ROUND = 1000;

    /** What to run. */
    record Options(int notes, long seed, Path workDir, int clients, int requests, int warmup, int warmupSeconds, double warmupJitShare, double rate, double rateSeconds,
                   int cpuRequests, int edited, int maxSeconds, int slackLatencyMs, List<String> javaOpts, Map<String, String> serveEnv, Path jfr,
                   String jfrSettings, Path trace, String command) {

        static Options fromEnv() {
            // scripts/bench passes the flags scripts/run gives serve; run directly, FOLLOWUP_JAVA_OPTS as before
            String opts = System.getenv("FOLLOWUP_SERVE_JAVA_OPTS") != null ? System.getenv("FOLLOWUP_SERVE_JAVA_OPTS")
                    : BenchStore.env("FOLLOWUP_JAVA_OPTS", "");
            String jfr = BenchStore.env("BENCH_JFR", "");
            String trace = BenchStore.env("BENCH_TRACE", "");
            return new Options(Integer.parseInt(BenchStore.env("BENCH_NOTES", "10000")),
                    Long.parseLong(BenchStore.env("BENCH_SEED", Long.toString(GenVault.DEFAULT_SEED))),
                    BenchStore.workDirFromEnv(),
                    Integer.parseInt(BenchStore.env("BENCH_CLIENTS", "32")),
                    Integer.parseInt(BenchStore.env("BENCH_REQUESTS", "4000")),
                    Integer.parseInt(BenchStore.env("BENCH_WARMUP", "3000")),
                    Integer.parseInt(BenchStore.env("BENCH_WARMUP_SECONDS", "90")),
                    Double.parseDouble(BenchStore.env("BENCH_WARMUP_JIT", "10")) / 100,
                    Double.parseDouble(BenchStore.env("BENCH_RATE", "500")),
                    Double.parseDouble(BenchStore.env("BENCH_RATE_SECONDS", "8")),
                    Integer.parseInt(BenchStore.env("BENCH_CPU_REQUESTS", "200")),
                    Integer.parseInt(BenchStore.env("BENCH_EDITED", "1000")),
                    Integer.parseInt(BenchStore.env("BENCH_SECONDS", "90")),
                    Integer.parseInt(BenchStore.env("BENCH_SLACK_LATENCY_MS", "0")),
                    opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+")),
                    SlackBench.parseEnv(BenchStore.env("FOLLOWUP_SERVE_ENV", "")),
                    jfr.isBlank() ? null : Path.of(jfr).toAbsolutePath(),
                    BenchStore.env("BENCH_JFR_SETTINGS", "profile"),
                    trace.isBlank() ? null : Path.of(trace).toAbsolutePath(),
                    "scripts/bench slack");
        }
    }

    /**
     * BENCH_TRACE: the latency phase's answers, one a line in the order they were due, so a p99 can be read as slow
     * answers in bursts (a pause of the whole server) or spread out (requests queued behind each other).
     */
    static void writeTrace(Path file, SlackLoad.Phase lat) throws IOException {
        List<String> lines = new ArrayList<>();
        java.time.Instant began = java.time.Instant.now().minusNanos(System.nanoTime() - lat.startNanos);
        lines.add("# due_ms kind latency_ms: the latency phase's answered requests, due_ms from the phase's start at " + began);
        synchronized (lat.trace) {
            lat.trace.stream().sorted(java.util.Comparator.comparingLong(SlackLoad.Answer::fromNanos)).forEach(a -> lines.add(
                    String.format(Locale.ROOT, "%.3f %s %.3f", (a.fromNanos() - lat.startNanos) / 1e6,
                            a.kind().name().toLowerCase(Locale.ROOT), a.tookNanos() / 1e6)));
        }
        Files.write(file, lines);
    }

    /** "NAME=value NAME2=value2" (scripts/bench passes serve's environment as scripts/run sets it). */
    static Map<String, String> parseEnv(String pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    /** The kinds of request. */
    enum Kind {
        TASKS("`/tasks` (" + PERSON + ")"), SEARCH("`/tasks search <words>`"), DONE("Done click (block_actions): ack"),
        HELP("`/tasks help`");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Done clicks checked in the store after the run. */
    record Clicks(int sent, int appliedOnce, int twice, int written, List<String> problems) {
    }

    /** What a run measured; {@code markdown} is the report. */
    record Result(String markdown, Map<Kind, Integer> counts, int errors, double throughput, double sustained, double p99AllMs,
                  long vmHwmKb, int doneApplied, int doneSent) {
    }

    private SlackBench() {
    }

    public static void main(String[] args) throws Exception {
        Result r = run(Options.fromEnv());
        System.out.print(r.markdown());
        if (r.errors() > 0) {
            System.exit(1);
        }
    }

    static Result run(Options o) throws Exception {
        String loadBefore = MachineLoad.loadLine("before the run");
        MachineSpeed.Speed speedBefore = MachineSpeed.inChildJvm();
        BenchStore.Prepared store = BenchStore.prepare(o.workDir(), o.notes(), o.seed(), "SlackBench");
        try {
            return run(o, store, loadBefore, speedBefore);
        } finally {
            if (store.tempWork()) {
                IngestBench.deleteTree(store.work());
            }
        }
    }

    private static Result run(Options o, BenchStore.Prepared store, String loadBefore, MachineSpeed.Speed speedBefore) throws Exception {
        Path db = BenchStore.copy(store, "slack-run.db");
        Path vault = copyVault(store.vault(), store.work().resolve("slack-run-vault"));
        int edited = editNotes(vault, o.edited());
        List<String> doneIds;
        int openOfUser;
        try (Database d = Database.open(db)) {
            List<Task> mine = new TaskStore(d).openByOwner(PERSON);
            openOfUser = mine.size();
            doneIds = mine.stream().filter(t -> t.status() == TaskStatus.OPEN || t.status() == TaskStatus.IN_PROGRESS)
                    .map(Task::id).toList();
        }
        // a few tasks set aside for the warm-up, which clicks Done and Undo on them in turn
        WarmSample sample = warmSample(doneIds, Math.min(64, doneIds.size() / 10));
        List<String> warmIds = sample.warm();
        doneIds = sample.measured();
        try (FakeSlack fake = new FakeSlack(0, 8, o.slackLatencyMs())) {
            fake.add(new FakeSlack.Member(USER, PERSON));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("FOLLOWUP_VAULT", vault.toString());
            env.put("FOLLOWUP_DB", db.toString());
            env.put("FOLLOWUP_PEOPLE", store.people().toString());
            env.put("FOLLOWUP_TODAY", TODAY);
            env.put("FOLLOWUP_TZ", "UTC");
            env.put("FOLLOWUP_DIGEST_DAYS", "sat"); // 2026-03-04 is a Wednesday: the scheduler runs but stays idle
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_URL", fake.apiUrl());
            env.put("PORT", "0");
            env.putAll(o.serveEnv());
            ServeProcess server = ServeProcess.start(o.javaOpts(), env, store.work().resolve("slack-serve.log"));
            Measured m;
            ServeProcess.Logged logged;
            try (SlackLoad load = new SlackLoad(server.port(), fake, doneIds, warmIds, o.clients(), USER, SECRET)) {
                m = measure(o, server, load, fake);
            } finally {
                logged = server.stop();
            }
            Clicks clicks = check(db, m.clicked());
            BenchStore.deleteDb(db);
            String loadAfter = MachineLoad.loadLine("after it");
            SlackReport.Run run = new SlackReport.Run(o, store, edited, openOfUser, server.startupSeconds(), m, clicks, logged,
                    loadBefore, loadAfter, MachineSpeed.line(speedBefore, MachineSpeed.inChildJvm()), fake, server.log());
            String md = SlackReport.markdown(run);
            Map<Kind, Integer> counts = new LinkedHashMap<>();
            for (Kind k : Kind.values()) {
                counts.put(k, m.throughput().latencies.get(k).count());
            }
            int errors = m.warm().errors.get() + m.throughput().errors.get() + m.latency().errors.get() + m.cpuErrors();
            return new Result(md, counts, errors, m.throughput().throughput(), m.throughput().sustained(),
                    m.latency().all.percentileMs(99), m.atEnd().hwmKb(), clicks.appliedOnce(), clicks.sent());
        }
    }

    /** Everything the phases measured. */
    record Measured(ServeProcess.Memory atReady, double startupCpu, SlackLoad.Phase warm, int warmRequests, double warmJitShare,
                    SlackLoad.Phase throughput, MachineLoad.Cpu thrFrom, MachineLoad.Cpu thrTo, SlackLoad.Phase latency,
                    MachineLoad.Cpu latFrom, MachineLoad.Cpu latTo, double latJitShare, Map<Kind, Double> cpuPerRequest,
                    Map<Kind, Map<String, Double>> cpuByThreads, int cpuDoneClicks, int cpuErrors, String cpuFirstError,
                    ServeProcess.Memory atEnd, List<String> clicked) {
    }

    /**
     * Splits the open tasks into {@code count} for the warm-up, taken evenly across them, and the rest, in their order. Evenly,
     * so the warm-up's clicks do what the measured ones do: with the last 64 in due order, it clicked no recurring task (the
     * benchmark store has 48 among the 2,324), so the measured clicks' next instances, which the vault watcher ingests,
     * ran ingest code the warm-up had not (stop 20: the JIT compilers used 14-24% of serve's CPU in the latency phase).
     */
    static WarmSample warmSample(List<String> ids, int count) {
        List<String> warm = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int step = count <= 0 ? Integer.MAX_VALUE : Math.max(1, ids.size() / count);
        for (int i = 0; i < ids.size(); i++) {
            if (warm.size() < count && i % step == step - 1) {
                warm.add(ids.get(i));
            } else {
                rest.add(ids.get(i));
            }
        }
        return new WarmSample(warm, rest);
    }

    /** The tasks the warm-up toggles, and the rest, which the measured clicks take in order. */
    record WarmSample(List<String> warm, List<String> measured) {
    }

    /** The JIT compiler threads' share of serve's CPU between two readings of its threads' CPU (MachineLoad.threadCpu). */
    static double jitShare(Map<String, Double> before, Map<String, Double> after) {
        double all = after.values().stream().mapToDouble(Double::doubleValue).sum() - before.values().stream().mapToDouble(Double::doubleValue).sum();
        return all <= 0 ? 0 : (after.getOrDefault(MachineLoad.JIT, 0.0) - before.getOrDefault(MachineLoad.JIT, 0.0)) / all;
    }

    private static Measured measure(Options o, ServeProcess server, SlackLoad load, FakeSlack fake) throws Exception {
        ServeProcess.Memory atReady = server.memory();
        writeNativeMemory(o, server, "slack-serve-nmt-ready.txt");
        double startupCpu = MachineLoad.processCpuSeconds(server.pid());
        IntFunction<Kind> roundRobin = i -> Kind.values()[i % Kind.values().length];
        List<String> clicked = new ArrayList<>();

        System.err.println("SlackBench: warm-up, " + o.warmup() + " requests ...");
        SlackLoad.Phase warm = load.warmup(o.warmup(), o.maxSeconds(), roundRobin);
        warm.awaitCompletions(fake, Duration.ofSeconds(120));
        // then more, until the JIT compilers have caught up (a young JVM compiles for minutes on two CPUs)
        long warmUntil = System.nanoTime() + Duration.ofSeconds(o.warmupSeconds()).toNanos();
        int warmRequests = warm.sent.get();
        double jitShare = 1;
        while (System.nanoTime() < warmUntil) {
            Map<String, Double> before = MachineLoad.threadCpu(server.pid());
            SlackLoad.Phase more = load.warmup(WARM_ROUND, o.maxSeconds(), roundRobin);
            more.awaitCompletions(fake, Duration.ofSeconds(60));
            warmRequests += more.sent.get();
            jitShare = jitShare(before, MachineLoad.threadCpu(server.pid()));
            if (jitShare < o.warmupJitShare()) {
                break;
            }
        }
        System.err.printf(Locale.ROOT, "SlackBench: warmed up with %,d requests; the JIT used %.0f%% of serve's CPU in the last %,d%n",
                warmRequests, jitShare * 100, WARM_ROUND);
        awaitQuiet(server);
        if (o.jfr() != null) {
            server.startRecording(o.jfr(), o.jfrSettings());
        }

        System.err.println("SlackBench: throughput, closed loop, " + o.requests() + " requests from " + o.clients() + " clients ...");
        MachineLoad.Cpu thrFrom = MachineLoad.Cpu.now(server.pid());
        SlackLoad.Phase thr = load.closed("throughput", o.requests(), o.maxSeconds(), roundRobin);
        thr.awaitCompletions(fake, Duration.ofSeconds(120));
        MachineLoad.Cpu thrTo = MachineLoad.Cpu.now(server.pid());
        clicked.addAll(thr.doneIds);
        awaitQuiet(server);

        System.err.printf(Locale.ROOT, "SlackBench: latency, open loop, %.0f requests/s for %.0f s over %d connections ...%n",
                o.rate(), o.rateSeconds(), o.clients());
        // kinds interleaved on every connection (request i on connection i mod N)
        IntFunction<Kind> interleaved = i -> Kind.values()[(i + i / o.clients()) % Kind.values().length];
        MachineLoad.Cpu latFrom = MachineLoad.Cpu.now(server.pid());
        Map<String, Double> latThreads0 = MachineLoad.threadCpu(server.pid());
        SlackLoad.Phase lat = load.open("latency", o.rate(), o.rateSeconds(), interleaved, o.trace() != null);
        if (o.trace() != null) {
            writeTrace(o.trace(), lat);
        }
        lat.awaitCompletions(fake, Duration.ofSeconds(120));
        MachineLoad.Cpu latTo = MachineLoad.Cpu.now(server.pid());
        double latJitShare = jitShare(latThreads0, MachineLoad.threadCpu(server.pid()));
        clicked.addAll(lat.doneIds);
        if (o.jfr() != null) {
            server.stopRecording();
        }

        Map<Kind, Double> cpu = new LinkedHashMap<>();
        Map<Kind, Map<String, Double>> cpuByThreads = new LinkedHashMap<>();
        int cpuErrors = 0;
        int cpuDoneClicks = 0;
        String cpuFirstError = null;
        if (o.cpuRequests() > 0) {
            System.err.println("SlackBench: CPU time per request, " + o.cpuRequests() + " of each kind alone ...");
            for (Kind k : List.of(Kind.HELP, Kind.TASKS, Kind.SEARCH, Kind.DONE)) {
                double idle = awaitQuiet(server);
                Map<String, Double> threads0 = MachineLoad.threadCpu(server.pid());
                double c0 = MachineLoad.processCpuSeconds(server.pid());
                long t0 = System.nanoTime();
                int n = k == Kind.DONE ? Math.min(o.cpuRequests(), load.doneLeft()) : o.cpuRequests();
                SlackLoad.Phase p = load.closed("cpu " + k, n, o.maxSeconds(), i -> k);
                p.awaitCompletions(fake, Duration.ofSeconds(120));
                if (k == Kind.DONE) {
                    awaitQuiet(server); // the watcher's re-ingest of the notes the clicks changed is part of their cost
                }
                double used = MachineLoad.processCpuSeconds(server.pid()) - c0 - idle * (System.nanoTime() - t0) / 1e9;
                cpu.put(k, p.all.count() == 0 ? Double.NaN : used / p.all.count());
                Map<String, Double> t1 = MachineLoad.threadCpu(server.pid());
                Map<String, Double> per = new LinkedHashMap<>();
                t1.forEach((g, v) -> per.put(g, (v - threads0.getOrDefault(g, 0.0)) / Math.max(1, p.all.count())));
                cpuByThreads.put(k, per);
                cpuErrors += p.errors.get();
                cpuFirstError = cpuFirstError == null ? p.firstError : cpuFirstError;
                clicked.addAll(p.doneIds);
                cpuDoneClicks += p.doneIds.size();
            }
        }
        writeNativeMemory(o, server, "slack-serve-nmt.txt");
        return new Measured(atReady, startupCpu, warm, warmRequests, jitShare, thr, thrFrom, thrTo, lat, latFrom, latTo, latJitShare, cpu, cpuByThreads,
                cpuDoneClicks, cpuErrors, cpuFirstError, server.memory(), clicked);
    }

    /** With -XX:NativeMemoryTracking in serve's flags: its native memory summary and heap, with its RSS, into {@code name}. */
    private static void writeNativeMemory(Options o, ServeProcess server, String name) throws Exception {
        if (o.javaOpts().stream().noneMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
            return;
        }
        Path nmt = server.log().resolveSibling(name);
        Files.writeString(nmt, server.memory() + "\n" + server.jcmdOutput("VM.native_memory", "summary") + "\n"
                + server.jcmdOutput("GC.heap_info"));
        System.err.println("SlackBench: the server's native memory summary is in " + nmt);
    }

    /**
     * Waits (up to 15 s) until serve has used under 3% of a CPU for half a second (the watcher's re-ingest of notes
     * the last clicks changed comes a moment after them); returns its CPU use then, in CPUs.
     */
    private static double awaitQuiet(ServeProcess server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        double rate;
        do {
            double c0 = MachineLoad.processCpuSeconds(server.pid());
            long t0 = System.nanoTime();
            Thread.sleep(500);
            rate = (MachineLoad.processCpuSeconds(server.pid()) - c0) / ((System.nanoTime() - t0) / 1e9);
        } while (rate > 0.03 && System.nanoTime() < deadline);
        return Math.max(0, rate);
    }

    /** Each clicked task, in the store after the run: completed once by the bench's user (and done, or recurring on). */
    static Clicks check(Path db, List<String> clicked) {
        int once = 0;
        int twice = 0;
        int written = 0;
        List<String> problems = new ArrayList<>();
        try (Database d = Database.open(db)) {
            TaskStore tasks = new TaskStore(d);
            TaskChangeStore changes = new TaskChangeStore(d);
            for (String id : clicked) {
                List<TaskEvent> completes = changes.history(id).stream()
                        .filter(e -> USER.equals(e.actor()) && "complete".equals(e.action())).toList();
                Task t = tasks.byId(id).orElse(null);
                // a recurring task's id moves on to the next instance the write-back adds above it (the ingest's rule)
                boolean done = t != null && (t.status() == TaskStatus.DONE || t.recurrence() != null);
                if (completes.size() == 1 && done) {
                    once++;
                } else if (completes.size() > 1) {
                    twice++;
                }
                if (completes.size() != 1 || !done) {
                    if (problems.size() < 5) {
                        problems.add(id + ": " + (t == null ? "no such task" : t.status().jsonName() + (t.writebackPending() ? ", pending" : ""))
                                + ", " + completes.size() + " complete event(s); history " + changes.history(id).stream()
                                .map(e -> e.actor() + " " + e.action() + " " + e.detail()).toList());
                    }
                }
                if (t != null && !t.writebackPending()) {
                    written++;
                }
            }
        }
        return new Clicks(clicked.size(), once, twice, written, problems);
    }

    // ---- the vault copy -------------------------------------------------------------------------------------------

    /** A fresh copy of the vault with the files' timestamps, so the store's fingerprints still match it. */
    static Path copyVault(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            IngestBench.deleteTree(to);
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    /**
     * Edits {@code n} notes spread over the vault so that serve's start-up re-reads and merges them again: an empty
     * line before the first task line moves every task line down one (same tasks, new lines), which merging sees. A
     * note without tasks gets an empty line at its end (read again; nothing to merge).
     */
    static int editNotes(Path vault, int n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        List<Path> notes;
        try (Stream<Path> files = Files.walk(vault)) {
            notes = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int edited = 0;
        double step = Math.max(1.0, notes.size() / (double) n);
        for (double i = 0; i < notes.size() && edited < n; i += step) {
            Path note = notes.get((int) i);
            Files.write(note, withLineBeforeFirstTask(Files.readAllBytes(note)));
            edited++;
        }
        return edited;
    }

    /** The note's bytes with an empty line (in the line's own ending) before its first "- [" line, else at its end. */
    static byte[] withLineBeforeFirstTask(byte[] note) {
        for (int at = 0; at + 3 <= note.length; at++) {
            if ((at == 0 || note[at - 1] == '\n') && note[at] == '-' && note[at + 1] == ' ' && note[at + 2] == '[') {
                byte[] eol = at >= 2 && note[at - 2] == '\r' ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
                byte[] out = new byte[note.length + eol.length];
                System.arraycopy(note, 0, out, 0, at);
                System.arraycopy(eol, 0, out, at, eol.length);
                System.arraycopy(note, at, out, at + eol.length, note.length - at);
                return out;
            }
        }
        byte[] out = Arrays.copyOf(note, note.length + 1);
        out[note.length] = '\n';
        return out;
    }
}

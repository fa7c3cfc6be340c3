package io.followup.bench;

import io.followup.app.Config;
import io.followup.app.DigestWiring;
import io.followup.chat.ChatGateway;
import io.followup.digest.Digest;
import io.followup.digest.DigestBuilder;
import io.followup.model.OwnerKind;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.people.People;
import io.followup.schedule.DailyScheduler;
import io.followup.schedule.DigestMessages;
import io.followup.schedule.OutboxSender;
import io.followup.schedule.ScheduleSettings;
import io.followup.schedule.Sleeper;
import io.followup.schedule.UserZones;
import io.followup.store.Database;
import io.followup.store.OutboxRow;
import io.followup.store.OutboxStore;
import io.followup.store.ReminderPrefsStore;
import io.followup.store.TaskStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The digest benchmark. (1) The digest of the whole ingested store: {@code TaskStore.open()} plus
 * {@code DigestBuilder.build} (and rendering the channel message), cold and warm. (2) Delivery: 5,000 owners with
 * due tasks go through the production DailyScheduler (enqueueAllNow) into the outbox, and the production
 * OutboxSender drains it through SlackChatGateway to a fake Web API that allows BENCH_RATE chat.postMessage calls a
 * second (token bucket, HTTP 429 + Retry-After beyond it). Every DM must arrive exactly once (counted per
 * conversation at the fake) within 1.2x the floor (messages / rate). Runs the production policy (Policy.DEFAULT:
 * unpaced, 429 + Retry-After handling), then the same sender paced at the limit.
 *
 * <p>Environment: BENCH_NOTES, BENCH_SEED, BENCH_DIR (as SlackBench), BENCH_OWNERS (5000), BENCH_RATE (50),
 * BENCH_POLICIES (default,paced; "unpaced" is another name for default).
 */
public final class DigestBench {

    static final LocalDate STORE_TODAY = NoteGenerator.TODAY;

    /** What to run. */
    record Options(int notes, long seed, Path workDir, int owners, double rate, List<String> policies,
                   int digestRepeats, String command) {

        static Options fromEnv() {
            return new Options(Integer.parseInt(BenchStore.env("BENCH_NOTES", "10000")),
                    Long.parseLong(BenchStore.env("BENCH_SEED", Long.toString(GenVault.DEFAULT_SEED))),
                    BenchStore.workDirFromEnv(),
                    Integer.parseInt(BenchStore.env("BENCH_OWNERS", "5000")),
                    Double.parseDouble(BenchStore.env("BENCH_RATE", "50")),
                    Arrays.asList(BenchStore.env("BENCH_POLICIES", "default,paced").split(",")),
                    5, "scripts/bench digest");
        }
    }

    /** One delivery run. */
    record Delivery(String policy, int messages, int recipientsOnce, int duplicates, int missing, long rateLimited,
                    double enqueueSecs, double drainSecs, double floorSecs, OutboxSender.Report report, long outboxSent) {

        double ratio() {
            return drainSecs / floorSecs;
        }

        boolean exactlyOnce() {
            return duplicates == 0 && missing == 0 && recipientsOnce == messages;
        }
    }

    /** The digest timing over the store. */
    record Build(int openTasks, int reminders, double coldQueryMs, double coldBuildMs, double coldRenderMs, double warmQueryMs,
                 double warmBuildMs, double warmRenderMs) {

        double cold() {
            return coldQueryMs + coldBuildMs;
        }

        double warm() {
            return warmQueryMs + warmBuildMs;
        }
    }

    /** Everything measured, and the report. */
    record Result(String markdown, Build build, List<Delivery> deliveries) {
    }

    private DigestBench() {
    }

    public static void main(String[] args) throws Exception {
        Result r = run(Options.fromEnv());
        System.out.print(r.markdown());
        if (r.deliveries().stream().anyMatch(d -> !d.exactlyOnce())) {
            System.exit(1);
        }
    }

    static Result run(Options o) throws Exception {
        String loadBefore = MachineLoad.loadLine("before the run");
        BenchStore.Prepared store = BenchStore.prepare(o.workDir(), o.notes(), o.seed(), "DigestBench");
        try {
            System.err.println("DigestBench: building the digest of the store ...");
            Build build = build(store, o.digestRepeats());
            List<Delivery> deliveries = new ArrayList<>();
            OutboxSender.Policy d = OutboxSender.Policy.DEFAULT;
            for (String p : o.policies()) {
                switch (p.strip()) {
                    case "paced" -> {
                        Duration pace = Duration.ofNanos((long) (1e9 / o.rate()));
                        deliveries.add(deliver(store, "paced at the limit (pace " + pace.toMillis() + " ms, rest as DEFAULT)",
                                d.withPace(pace), o.owners(), o.rate()));
                    }
                    case "default", "unpaced" -> deliveries.add(deliver(store, "production default (Policy.DEFAULT: " + describe(d) + ")",
                            d, o.owners(), o.rate()));
                    case "" -> {
                    }
                    default -> throw new IllegalArgumentException("BENCH_POLICIES: unknown policy " + p + " (default, paced)");
                }
            }
            String load = String.join("; ", java.util.stream.Stream.of(loadBefore, MachineLoad.loadLine("after it"))
                    .filter(x -> !x.isEmpty()).toList());
            return new Result(report(o, store, build, deliveries, load), build, deliveries);
        } finally {
            if (store.tempWork()) {
                IngestBench.deleteTree(store.work());
            }
        }
    }

    static String describe(OutboxSender.Policy p) {
        return "pace " + p.pace().toMillis() + " ms, per conversation " + p.channelPace().toMillis() + " ms, "
                + p.concurrency() + " in flight, 429 pauses all";
    }

    static Build build(BenchStore.Prepared store, int repeats) {
        People people = People.load(store.people());
        Map<String, String> teams = DigestWiring.settings(Config.fromEnv(Map.of()), people).teamChannels();
        double[] query = new double[repeats];
        double[] builds = new double[repeats];
        double[] render = new double[repeats];
        int open = 0;
        int reminders = 0;
        try (Database db = Database.open(store.db())) {
            TaskStore tasks = new TaskStore(db);
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                List<Task> openTasks = tasks.open();
                long t1 = System.nanoTime();
                Digest digest = new DigestBuilder(STORE_TODAY, 3, teams).build(openTasks);
                long t2 = System.nanoTime();
                DigestMessages.channel(digest);
                digest.reminders().forEach(r -> DigestMessages.reminder(r, STORE_TODAY));
                long t3 = System.nanoTime();
                query[i] = (t1 - t0) / 1e6;
                builds[i] = (t2 - t1) / 1e6;
                render[i] = (t3 - t2) / 1e6;
                open = openTasks.size();
                reminders = digest.reminders().size();
            }
        }
        return new Build(open, reminders, query[0], builds[0], render[0], median(query, 1), median(builds, 1), median(render, 1));
    }

    private static double median(double[] v, int skip) {
        if (v.length <= skip) {
            return v[v.length - 1];
        }
        double[] w = Arrays.copyOfRange(v, skip, v.length);
        Arrays.sort(w);
        return w[w.length / 2];
    }

    static Delivery deliver(BenchStore.Prepared store, String name, OutboxSender.Policy policy, int owners, double rate)
            throws Exception {
        System.err.printf(Locale.ROOT, "DigestBench: delivering %,d reminders, %s, fake limit %.0f/s ...%n", owners, name, rate);
        Path dbFile = store.work().resolve("digest-outbox.db");
        BenchStore.deleteDb(dbFile);
        Clock clock = Clock.systemUTC();
        LocalDate today = LocalDate.now(clock);
        List<Task> tasks = tasks(owners, today);
        try (FakeSlack fake = new FakeSlack(rate, 8); Database db = Database.open(dbFile)) {
            Config config = Config.fromEnv(Map.of("SLACK_BOT_TOKEN", SlackBench.TOKEN, "SLACK_API_URL", fake.apiUrl(), "FOLLOWUP_TZ", "UTC"));
            ChatGateway gateway = DigestWiring.slackGateway(config);
            ScheduleSettings settings = new ScheduleSettings(ZoneOffset.UTC, LocalTime.of(9, 0), EnumSet.allOf(DayOfWeek.class), null, 3,
                    Map.of());
            OutboxStore outbox = new OutboxStore(db);
            OutboxSender sender = new OutboxSender(outbox, gateway, clock, Sleeper.REAL, policy);
            DailyScheduler scheduler = new DailyScheduler(settings, clock, () -> tasks, () -> DigestBuilder.earliestRemindableDue(tasks), name1 -> Optional.of(userOf(name1)),
                    new UserZones(gateway, ZoneOffset.UTC, clock), new ReminderPrefsStore(db), outbox, sender);
            long t0 = System.nanoTime();
            DailyScheduler.Enqueued enq = scheduler.enqueueAllNow();
            double enqueueSecs = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            OutboxSender.Report report = sender.drainUntilIdle(Duration.ofHours(3));
            double drainSecs = (System.nanoTime() - t0) / 1e9;
            Map<String, Integer> posts = fake.postsPerChannel();
            int once = 0;
            int dupes = 0;
            int missing = 0;
            for (int i = 0; i < owners; i++) {
                int n = posts.getOrDefault("D" + userOf(ownerName(i)), 0);
                if (n == 1) {
                    once++;
                } else if (n == 0) {
                    missing++;
                } else {
                    dupes++;
                }
            }
            return new Delivery(name, enq.messages(), once, dupes, missing, fake.rateLimited(), enqueueSecs, drainSecs, enq.messages() / rate,
                    report, outbox.count(OutboxRow.State.SENT));
        } finally {
            BenchStore.deleteDb(dbFile);
        }
    }

    /** Owner i has 1 to 3 open tasks: overdue, due today, due tomorrow. */
    static List<Task> tasks(int owners, LocalDate today) {
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            String owner = ownerName(i);
            for (int k = 0; k <= i % 3; k++) {
                String id = String.format(Locale.ROOT, "b%03d%04d", k, i).substring(0, 8);
                out.add(new Task(id, "Follow up on the benchmark item " + k + " for account " + i, owner, owner, OwnerKind.PERSON,
                        TaskStatus.OPEN, " ", today.plusDays(k - 1), null, null, null, null, null, null, null, List.of(), null, null,
                        List.of(), false));
            }
        }
        return out;
    }

    static String ownerName(int i) {
        return String.format(Locale.ROOT, "Owner %05d", i);
    }

    static String userOf(String ownerName) {
        return "U" + ownerName.replaceAll("[^0-9]", "") + "BENCH";
    }

    private static String report(Options o, BenchStore.Prepared store, Build b, List<Delivery> deliveries, String load) {
        StringBuilder sb = new StringBuilder(Tables.header(o.command(), Machine.describe()));
        if (!load.isEmpty()) {
            sb.append("Load: ").append(load).append(".  \n");
        }
        sb.append("Store: ").append(store.describe()).append("  \n");
        sb.append(String.format(Locale.ROOT, "Delivery: %,d owners with 1–3 due tasks each → production DailyScheduler.enqueueAllNow → "
                        + "outbox (SQLite) → OutboxSender → SlackChatGateway → fake Web API on 127.0.0.1 allowing %.0f chat.postMessage/s "
                        + "(token bucket, burst %.0f; HTTP 429 + Retry-After beyond it; conversations.open and users.info not limited).%n%n",
                o.owners(), o.rate(), o.rate()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(String.format(Locale.ROOT, "digest of the %,d-note store: `TaskStore.open()` (%,d open tasks)", b.openTasks() == 0 ? 0 : store.ingest().notes(), b.openTasks()),
                Tables.ms(b.coldQueryMs()) + " cold / " + Tables.ms(b.warmQueryMs()) + " warm", "", ""));
        rows.add(List.of("`DigestBuilder.build` (" + b.reminders() + " reminders)", Tables.ms(b.coldBuildMs()) + " cold / "
                + Tables.ms(b.warmBuildMs()) + " warm", "", ""));
        rows.add(List.of("**query + build**", Tables.ms(b.cold()) + " cold / " + Tables.ms(b.warm()) + " warm", "≤ 1 s",
                Tables.verdict(b.cold() <= 1000)));
        rows.add(List.of("rendering the channel message and every reminder (not in the target)", Tables.ms(b.coldRenderMs()) + " cold / "
                + Tables.ms(b.warmRenderMs()) + " warm", "", ""));
        sb.append(Tables.table(List.of("measure", "result", "target", "verdict"), rows)).append('\n');

        List<List<String>> d = new ArrayList<>();
        for (Delivery x : deliveries) {
            String time = String.format(Locale.ROOT, "%.1f s (floor %.1f s)", x.drainSecs(), x.floorSecs());
            String ratio = String.format(Locale.ROOT, "%.2f×", x.ratio());
            String verdict = Tables.verdict(x.ratio() <= 1.2);
            d.add(List.of(x.policy(), String.format(Locale.ROOT, "%,d", x.messages()),
                    String.format(Locale.ROOT, "%,d once, %d twice+, %d missing%s", x.recipientsOnce(), x.duplicates(), x.missing(),
                            x.exactlyOnce() ? "" : " **NOT EXACTLY ONCE**"),
                    Long.toString(x.rateLimited()), String.format(Locale.ROOT, "%.1f s", x.enqueueSecs()), time, ratio + " — " + verdict));
        }
        sb.append(Tables.table(List.of("sender policy", "DMs", "delivered (per recipient, at the fake)", "429s", "enqueue",
                "drain time", "vs floor (target ≤ 1.2×)"), d));
        return sb.toString();
    }
}

package io.followup.chat.slack;

import static io.followup.digest.TestTasks.open;
import static io.followup.digest.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.followup.chat.slack.FakeSlackWebApi.Posted;
import io.followup.chat.slack.FakeSlackWebApi.RateLimit;
import io.followup.chat.slack.FakeSlackWebApi.ServerError;
import io.followup.chat.slack.FakeSlackWebApi.Slow;
import io.followup.model.OwnerKind;
import io.followup.digest.DigestBuilder;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.schedule.DailyScheduler;
import io.followup.schedule.OutboxSender;
import io.followup.schedule.ScheduleSettings;
import io.followup.schedule.Sleeper;
import io.followup.schedule.UserZones;
import io.followup.store.Database;
import io.followup.store.OutboxRow;
import io.followup.store.OutboxRow.State;
import io.followup.store.OutboxStore;
import io.followup.store.ReminderPrefsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest and reminders posted through the real Slack client over HTTP to a fake Web API that misbehaves. */
class DigestEndToEndTest {

    static final LocalDate TUE = LocalDate.of(2026, 3, 10);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Map<String, String> USERS = Map.of("Ana Lima", "U0ANA", "Ben Okafor", "U0BEN", "Gone Person", "U0GONE");
    static final ScheduleSettings SETTINGS = new ScheduleSettings(BERLIN, LocalTime.of(9, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "C0DIGEST", 3, Map.of("Platform team", "C0PLATFORM"));
    static final OutboxSender.Policy FAST = new OutboxSender.Policy(Duration.ofMillis(1100), Duration.ofSeconds(2),
            Duration.ofMinutes(1), 6, Duration.ofMinutes(5));

    @TempDir
    Path dir;
    FakeSlackWebApi slack;
    Database db;
    OutboxStore outbox;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-10T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final Sleeper sleeper = d -> now.accumulateAndGet(null, (n, x) -> n.plus(d));
    final List<Task> tasks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        slack = new FakeSlackWebApi();
        db = Database.open(dir.resolve("followup.db"));
        outbox = new OutboxStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
        slack.close();
    }

    SlackChatGateway gateway() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url());
        config.setHttpClientReadTimeoutMillis(400);
        config.setHttpClientCallTimeoutMillis(600);
        return new SlackChatGateway(Slack.getInstance(config).methods("xoxb-0000000000-test-token-for-followup"));
    }

    DailyScheduler scheduler(SlackChatGateway gateway) {
        OutboxSender sender = new OutboxSender(outbox, gateway, clock, sleeper, FAST);
        return new DailyScheduler(SETTINGS, clock, () -> List.copyOf(tasks), () -> DigestBuilder.earliestRemindableDue(tasks), name -> Optional.ofNullable(USERS.get(name)),
                new UserZones(gateway, BERLIN, clock), new ReminderPrefsStore(db), outbox, sender);
    }

    OutboxSender sender(SlackChatGateway gateway) {
        return new OutboxSender(outbox, gateway, clock, sleeper, FAST);
    }

    static String text(Posted p) {
        return p.blocks().toString();
    }

    void team() {
        tasks.add(open("ana1late", "Send the signed contract", "Ana Lima", TUE.minusDays(3)));
        tasks.add(open("ana2today", "Book the review room", "Ana Lima", TUE));
        tasks.add(task("ana3done", "Already finished", "Ana Lima", TaskStatus.DONE, TUE));
        tasks.add(open("ben1tmrw", "Review <budget> & plan", "Ben Okafor", TUE.plusDays(1)));
        tasks.add(task("team1", "Rotate the API keys", "Platform team", OwnerKind.TEAM, TaskStatus.OPEN, TUE));
        tasks.add(open("free1", "Write the onboarding guide", null, null));
        tasks.add(task("prop1", "Maybe migrate the wiki", "Ben Okafor", TaskStatus.PROPOSED, null));
    }

    @Test
    void the_right_people_get_the_right_tasks_once_despite_429s_500s_and_slow_answers() throws Exception {
        team();
        slack.userZone("U0BEN", "America/New_York");
        slack.fail(new RateLimit(3), new ServerError(500), new Slow(1200), new ServerError(503));
        SlackChatGateway gateway = gateway();
        DailyScheduler s = scheduler(gateway);

        s.tick(); // 09:00 Berlin
        sender(gateway).drainUntilIdle(Duration.ofMinutes(10));
        now.set(Instant.parse("2026-03-10T13:00:00Z")); // 09:00 New York
        s.tick();
        sender(gateway).drainUntilIdle(Duration.ofMinutes(10));

        assertEquals(4, slack.posted().size(), slack.posted().toString());
        assertEquals(4, slack.posted().stream().map(Posted::key).distinct().count(), "each message once");
        String digest = text(slack.postedTo("C0DIGEST").get(0));
        for (String id : List.of("ana1late", "ana2today", "ben1tmrw", "team1", "free1", "prop1")) {
            assertTrue(digest.contains(id), id + " in " + digest);
        }
        assertTrue(!digest.contains("ana3done"), "done tasks never appear");
        assertTrue(digest.contains("Review &lt;budget&gt; &amp; plan"), "user text is escaped");
        assertTrue(digest.contains("followup.claim") && digest.contains("followup.done") && digest.contains("followup.snooze"));

        String ana = text(slack.postedTo("DU0ANA").get(0));
        assertTrue(ana.contains("ana1late") && ana.contains("ana2today") && !ana.contains("ben1tmrw"), ana);
        String ben = text(slack.postedTo("DU0BEN").get(0));
        assertTrue(ben.contains("ben1tmrw") && !ben.contains("prop1"), ben);
        String platform = text(slack.postedTo("C0PLATFORM").get(0));
        assertTrue(platform.contains("team1"), platform);

        for (OutboxRow r : outbox.byDay(TUE)) {
            assertEquals(State.SENT, r.state(), r.toString());
            assertNotNull(r.sentTs());
        }
        assertTrue(slack.calls("conversations.history") >= 1, "the slow post was looked up, not re-posted");
    }

    @Test
    void a_second_digest_run_the_same_day_posts_nothing_new() throws Exception {
        team();
        SlackChatGateway gateway = gateway();
        DailyScheduler s = scheduler(gateway);
        DailyScheduler.Enqueued first = s.enqueueAllNow();
        sender(gateway).drainUntilIdle(Duration.ofMinutes(1));
        int posts = slack.posted().size();

        now.set(now.get().plus(Duration.ofHours(2)));
        DailyScheduler.Enqueued second = s.enqueueAllNow();
        sender(gateway).drainUntilIdle(Duration.ofMinutes(1));
        s.tick();

        assertEquals(4, first.messages(), "digest, Ana, Ben, Platform team");
        assertEquals(0, second.messages());
        assertEquals(posts, slack.posted().size());
    }

    @Test
    void two_concurrent_senders_post_each_message_once() throws Exception {
        for (int i = 0; i < 24; i++) {
            tasks.add(open("t" + i, "Task " + i, i % 3 == 0 ? "Ana Lima" : "Ben Okafor", TUE));
        }
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add("Person " + i);
            tasks.add(open("p" + i, "Thing " + i, "Person " + i, TUE));
        }
        DailyScheduler s = new DailyScheduler(SETTINGS, clock, () -> List.copyOf(tasks), () -> DigestBuilder.earliestRemindableDue(tasks),
                name -> name.startsWith("Person ") ? Optional.of("U0P" + name.substring(7)) : Optional.ofNullable(USERS.get(name)),
                new UserZones(gateway(), BERLIN, clock), new ReminderPrefsStore(db), outbox, sender(gateway()));
        s.enqueueAllNow();
        slack.fail(new RateLimit(1), new ServerError(500));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<OutboxSender.Report>> runs = List.of(
                pool.submit(() -> sender(gateway()).drainUntilIdle(Duration.ofMinutes(5))),
                pool.submit(() -> sender(gateway()).drainUntilIdle(Duration.ofMinutes(5))));
        for (Future<OutboxSender.Report> f : runs) {
            f.get();
        }
        pool.shutdown();
        sender(gateway()).drainUntilIdle(Duration.ofMinutes(5));

        assertEquals(23, outbox.byDay(TUE).stream().filter(r -> r.state() == State.SENT).count(), "digest + Ana + Ben + 20 people");
        assertEquals(23, slack.posted().stream().filter(p -> p.threadTs() == null).count());
        int digestParts = outbox.byDay(TUE).stream().filter(r -> r.recipient().equals("C0DIGEST")).findFirst().orElseThrow().partsSent();
        assertEquals(22 + digestParts, slack.posted().size());
        assertEquals(slack.posted().size(), slack.posted().stream().map(Posted::key).distinct().count(), "no part posted twice");
    }

    @Test
    void permanent_errors_are_recorded_once_and_not_retried() throws Exception {
        tasks.add(open("g1", "Gone person's task", "Gone Person", TUE));
        tasks.add(open("a1", "Ana's task", "Ana Lima", TUE));
        slack.missingUser("U0GONE");
        slack.archived("C0DIGEST");
        SlackChatGateway gateway = gateway();
        DailyScheduler s = scheduler(gateway);

        s.tick();
        sender(gateway).drainUntilIdle(Duration.ofHours(1));
        s.tick();

        List<OutboxRow> rows = outbox.byDay(TUE);
        assertEquals("is_archived", rows.stream().filter(r -> r.recipient().equals("C0DIGEST")).findFirst().orElseThrow().lastError());
        assertEquals("user_not_found", rows.stream().filter(r -> r.recipient().equals("U0GONE")).findFirst().orElseThrow().lastError());
        assertEquals(State.SENT, rows.stream().filter(r -> r.recipient().equals("U0ANA")).findFirst().orElseThrow().state());
        assertEquals(2, slack.calls("chat.postMessage"), "digest (archived) and Ana; the gone user never got as far as posting");
    }

    @Test
    void a_large_digest_continues_in_its_thread_within_slacks_limits() throws Exception {
        for (int i = 0; i < 70; i++) {
            tasks.add(open(String.format("late%04d", i), "Overdue task number " + i + " with a fairly long description to fill space",
                    i % 2 == 0 ? "Ana Lima" : "Ben Okafor", TUE.minusDays(1 + i % 5)));
        }
        SlackChatGateway gateway = gateway();
        scheduler(gateway).tick();
        sender(gateway).drainUntilIdle(Duration.ofMinutes(1));

        List<Posted> digest = slack.postedTo("C0DIGEST");
        assertTrue(digest.size() > 2, "split into " + digest.size());
        Posted first = digest.get(0);
        assertNull(first.threadTs());
        for (Posted reply : digest.subList(1, digest.size())) {
            assertEquals(first.ts(), reply.threadTs());
        }
        int chars = 0;
        for (Posted p : digest) {
            assertTrue(p.blocks().size() <= 50, "blocks: " + p.blocks().size());
            chars += p.blocks().toString().length();
        }
        for (int i = 0; i < 70; i++) {
            String id = String.format("late%04d", i);
            assertEquals(1, digest.stream().filter(p -> p.blocks().toString().contains(id)).count(), id);
        }
        assertTrue(chars > 3000);
        assertEquals(digest.size(), outbox.byDay(TUE).stream().filter(r -> r.recipient().equals("C0DIGEST")).findFirst().orElseThrow().partsSent());
    }

    @Test
    void without_history_access_a_timed_out_post_is_not_repeated() throws Exception {
        tasks.add(open("a1", "Ana's task", "Ana Lima", TUE));
        slack.denyHistory();
        slack.fail(new Slow(1200));
        SettingsFreeRun run = new SettingsFreeRun();
        run.go();

        assertEquals(1, slack.posted().size(), "the slow post arrived; it is not posted again");
        OutboxRow row = outbox.byDay(TUE).get(0);
        assertEquals(State.FAILED, row.state());
        assertTrue(row.lastError().contains("not posted again"), row.lastError());
    }

    /** Only Ana's reminder: no channel digest. */
    private final class SettingsFreeRun {
        void go() throws Exception {
            ScheduleSettings noChannel = new ScheduleSettings(BERLIN, LocalTime.of(9, 0), EnumSet.allOf(DayOfWeek.class), null, 3, Map.of());
            SlackChatGateway gateway = gateway();
            OutboxSender sender = sender(gateway);
            new DailyScheduler(noChannel, clock, () -> List.copyOf(tasks), () -> DigestBuilder.earliestRemindableDue(tasks), name -> Optional.ofNullable(USERS.get(name)),
                    new UserZones(gateway, BERLIN, clock), new ReminderPrefsStore(db), outbox, sender).tick();
            sender.drainUntilIdle(Duration.ofMinutes(5));
        }
    }
}

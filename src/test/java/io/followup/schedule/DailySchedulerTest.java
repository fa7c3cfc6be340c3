package io.followup.schedule;

import static io.followup.digest.TestTasks.open;
import static io.followup.digest.TestTasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.chat.ChatMessage;
import io.followup.chat.ChatMessage.Block;
import io.followup.model.OwnerKind;
import io.followup.digest.DigestBuilder;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.Database;
import io.followup.store.OutboxRow;
import io.followup.store.OutboxRow.State;
import io.followup.store.OutboxStore;
import io.followup.store.ReminderPrefsStore;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailySchedulerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Map<String, String> USERS = Map.of("Ana Lima", "U0ANA", "Ben Okafor", "U0BEN");

    @TempDir
    Path dir;
    Database db;
    OutboxStore outbox;
    ReminderPrefsStore prefs;
    RecordingGateway chat = new RecordingGateway();
    final List<Task> tasks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("f.db"));
        outbox = new OutboxStore(db);
        prefs = new ReminderPrefsStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static ScheduleSettings settings(ZoneId zone, String time, EnumSet<DayOfWeek> days) {
        return new ScheduleSettings(zone, LocalTime.parse(time), days, "C0DIGEST", 3, Map.of("Platform team", "C0PLATFORM"));
    }

    static ScheduleSettings berlin() {
        return settings(BERLIN, "09:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    DailyScheduler scheduler(ScheduleSettings s, MutableClock clock) {
        OutboxSender sender = new OutboxSender(outbox, chat, clock, clock.sleeper(), OutboxSender.Policy.DEFAULT);
        return new DailyScheduler(s, clock, () -> List.copyOf(tasks), () -> DigestBuilder.earliestRemindableDue(tasks), name -> Optional.ofNullable(USERS.get(name)),
                new UserZones(chat, s.zone(), clock), prefs, outbox, sender);
    }

    static MutableClock at(String instant) {
        return new MutableClock(Instant.parse(instant), BERLIN);
    }

    List<String> delivered() {
        return chat.delivered.stream().map(RecordingGateway.Post::to).toList();
    }

    static String text(ChatMessage m) {
        return m.blocks().stream().map(b -> b.text() + " " + (b.taskId() == null ? "" : b.taskId())).reduce("", String::concat);
    }

    @Test
    void the_digest_and_reminders_go_out_at_the_digest_time_once() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        tasks.add(open("a1", "Send contract", "Ana Lima", tue.minusDays(2)));
        tasks.add(open("b1", "Plan offsite", "Ben Okafor", tue.plusDays(3)));
        MutableClock clock = at("2026-03-10T07:59:00Z");
        DailyScheduler s = scheduler(berlin(), clock);

        s.tick();
        assertTrue(chat.posts.isEmpty(), "08:59 in Berlin: too early");

        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        s.tick();
        assertEquals(List.of("C0DIGEST", "U0ANA"), delivered(), "Ben has nothing due by tomorrow: no DM");
        assertTrue(text(chat.delivered.get(0).message()).contains("a1"));
        assertTrue(text(chat.delivered.get(0).message()).contains("b1"));

        clock.advance(Duration.ofMinutes(1));
        s.tick();
        clock.advance(Duration.ofHours(3));
        s.tick();
        assertEquals(2, chat.delivered.size());
    }

    @Test
    void done_and_cancelled_tasks_are_in_no_message() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        tasks.add(task("d1", "Already done", "Ana Lima", TaskStatus.DONE, tue));
        tasks.add(task("c1", "Dropped", "Ana Lima", TaskStatus.CANCELLED, tue));
        tasks.add(open("a1", "Still open", "Ana Lima", tue));
        DailyScheduler s = scheduler(berlin(), at("2026-03-10T08:00:00Z"));

        s.tick();

        for (RecordingGateway.Post p : chat.delivered) {
            String t = text(p.message());
            assertFalse(t.contains("d1") || t.contains("c1"), t);
            assertTrue(t.contains("a1"), t);
        }
    }

    @Test
    void no_digest_at_the_weekend_and_monday_follows_the_summer_time_change_in_berlin() throws Exception {
        tasks.add(open("a1", "Send contract", "Ana Lima", LocalDate.of(2026, 3, 27)));
        MutableClock clock = at("2026-03-28T09:00:00Z"); // Saturday
        DailyScheduler s = scheduler(berlin(), clock);
        s.tick();
        clock.set(Instant.parse("2026-03-29T08:00:00Z")); // Sunday, the day clocks go forward
        s.tick();
        assertTrue(chat.posts.isEmpty());

        clock.set(Instant.parse("2026-03-30T06:59:59Z")); // Monday 08:59:59 CEST (a week ago this was 07:59 CET)
        s.tick();
        assertTrue(chat.posts.isEmpty());
        clock.set(Instant.parse("2026-03-30T07:00:00Z")); // 09:00 CEST
        s.tick();
        assertEquals(List.of("C0DIGEST", "U0ANA"), delivered());
        assertEquals(LocalDate.of(2026, 3, 30), outbox.byDay(LocalDate.of(2026, 3, 30)).get(0).day());
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), berlin().nextDigestAfter(Instant.parse("2026-03-27T08:00:00Z")));
    }

    @Test
    void new_york_digest_moves_an_hour_earlier_in_utc_after_the_march_8_change() {
        ScheduleSettings ny = settings(NEW_YORK, "09:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

        assertEquals(Instant.parse("2026-03-06T14:00:00Z"), ny.digestAt(LocalDate.of(2026, 3, 6)));
        assertEquals(Instant.parse("2026-03-09T13:00:00Z"), ny.nextDigestAfter(Instant.parse("2026-03-06T14:00:01Z")));
    }

    @Test
    void a_digest_time_skipped_by_the_clock_change_moves_forward_by_the_gap() {
        ScheduleSettings everyDay = settings(BERLIN, "02:30", EnumSet.allOf(DayOfWeek.class));

        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), everyDay.digestAt(LocalDate.of(2026, 3, 29)), "03:30 CEST");
        assertEquals(Instant.parse("2026-03-28T01:30:00Z"), everyDay.digestAt(LocalDate.of(2026, 3, 28)), "02:30 CET");
    }

    @Test
    void an_owner_in_new_york_gets_the_dm_at_nine_new_york_time_across_their_dst_change() throws Exception {
        chat.zones.put("U0BEN", "America/New_York");
        tasks.add(open("b1", "Review budget", "Ben Okafor", LocalDate.of(2026, 3, 9)));
        MutableClock clock = at("2026-03-09T08:00:00Z"); // Monday 09:00 Berlin, 04:00 New York (EDT since Sunday)
        DailyScheduler s = scheduler(berlin(), clock);

        s.tick();
        assertEquals(List.of("C0DIGEST"), delivered());
        clock.set(Instant.parse("2026-03-09T12:59:00Z"));
        s.tick();
        assertEquals(1, chat.delivered.size(), "08:59 in New York");
        clock.set(Instant.parse("2026-03-09T13:00:00Z"));
        s.tick();
        assertEquals(List.of("C0DIGEST", "U0BEN"), delivered());
    }

    @Test
    void an_owner_far_ahead_of_the_team_gets_the_dm_at_nine_their_time_on_their_working_days() throws Exception {
        // Sydney (AEDT, UTC+11) is ten hours ahead of Berlin: 09:00 there is 23:00 the evening before in Berlin,
        // and Ana's weekend starts while it is still Friday afternoon in Berlin.
        chat.zones.put("U0ANA", "Australia/Sydney");
        tasks.add(open("a0", "Send contract", "Ana Lima", LocalDate.of(2026, 3, 7)));
        tasks.add(open("a1", "Review slides", "Ana Lima", LocalDate.of(2026, 3, 9)));
        MutableClock clock = at("2026-03-06T13:30:00Z"); // Friday 14:30 in Berlin, Saturday 00:30 in Sydney
        DailyScheduler s = scheduler(berlin(), clock);
        for (Instant end = Instant.parse("2026-03-10T08:30:00Z"); clock.instant().isBefore(end); clock.advance(Duration.ofMinutes(15))) {
            s.tick();
        }

        List<RecordingGateway.Post> toAna = chat.deliveredTo("U0ANA");
        assertEquals(List.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10)),
                toAna.stream().map(p -> LocalDate.parse(p.key().substring(0, 10))).toList(),
                "Ana's Monday and Tuesday; nothing on her Saturday and Sunday");
        assertTrue(toAna.get(0).message().text().contains("1 overdue, 1 due today"), toAna.get(0).message().text());
        assertTrue(toAna.get(1).message().text().contains("2 overdue"), toAna.get(1).message().text());
        assertEquals(Instant.parse("2026-03-08T22:00:00Z"), outbox.byDay(LocalDate.of(2026, 3, 9)).stream()
                .filter(r -> r.recipient().equals("U0ANA")).findFirst().orElseThrow().sentAt(), "09:00 on Monday in Sydney");
    }

    @Test
    void a_manual_digest_and_the_scheduled_reminder_of_someone_a_day_ahead_make_one_dm_on_their_day() throws Exception {
        chat.zones.put("U0ANA", "Australia/Sydney");
        tasks.add(open("a1", "Send contract", "Ana Lima", LocalDate.of(2026, 3, 9)));
        MutableClock clock = at("2026-03-09T13:00:00Z"); // Monday 14:00 in Berlin, already Tuesday 00:00 in Sydney
        DailyScheduler s = scheduler(berlin(), clock);
        s.enqueueAllNow(); // `followup digest`, run by hand in Berlin
        for (Instant end = Instant.parse("2026-03-09T23:00:00Z"); clock.instant().isBefore(end); clock.advance(Duration.ofMinutes(15))) {
            s.tick(); // through 09:00 Tuesday in Sydney, when her scheduled reminder is due
        }
        assertEquals(1, chat.deliveredTo("U0ANA").size(), "one DM on Ana's Tuesday, not the manual one and the scheduled one");
    }

    @Test
    void an_owner_can_turn_reminders_off_or_choose_their_own_time() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        tasks.add(open("a1", "Send contract", "Ana Lima", tue));
        tasks.add(open("b1", "Review budget", "Ben Okafor", tue));
        prefs.setEnabled("U0ANA", false, Instant.EPOCH);
        prefs.setTime("U0BEN", LocalTime.of(7, 30), Instant.EPOCH);
        MutableClock clock = at("2026-03-10T06:30:00Z"); // 07:30 Berlin
        DailyScheduler s = scheduler(berlin(), clock);

        s.tick();
        assertEquals(List.of("U0BEN"), delivered());
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        s.tick();
        assertEquals(List.of("U0BEN", "C0DIGEST"), delivered());
    }

    @Test
    void when_the_bot_was_down_at_digest_time_it_catches_up_the_same_day_only() throws Exception {
        tasks.add(open("a1", "Send contract", "Ana Lima", LocalDate.of(2026, 3, 10)));
        MutableClock clock = at("2026-03-10T13:30:00Z"); // started 14:30 Berlin on Tuesday
        scheduler(berlin(), clock).tick();
        assertEquals(List.of("C0DIGEST", "U0ANA"), delivered());

        chat.delivered.clear();
        MutableClock wednesday = at("2026-03-11T05:00:00Z"); // down all of Wednesday morning... restarted 06:00
        scheduler(berlin(), wednesday).tick();
        assertTrue(chat.delivered.isEmpty(), "nothing for Tuesday again, nothing yet for Wednesday");
    }

    /** The scheduler whose reads of the open tasks are counted. */
    DailyScheduler countingReads(MutableClock clock, AtomicInteger reads) {
        OutboxSender sender = new OutboxSender(outbox, chat, clock, clock.sleeper(), OutboxSender.Policy.DEFAULT);
        return new DailyScheduler(berlin(), clock, () -> {
            reads.incrementAndGet();
            return List.copyOf(tasks);
        }, () -> DigestBuilder.earliestRemindableDue(tasks), name -> Optional.ofNullable(USERS.get(name)),
                new UserZones(chat, BERLIN, clock), prefs, outbox, sender);
    }

    @Test
    void the_open_tasks_are_read_only_by_a_tick_with_something_to_decide() throws Exception {
        tasks.add(open("a1", "Send contract", "Ana Lima", LocalDate.of(2026, 3, 10)));
        tasks.add(open("b1", "Plan offsite", "Ben Okafor", LocalDate.of(2026, 3, 20)));
        AtomicInteger reads = new AtomicInteger();
        MutableClock clock = at("2026-03-10T06:00:00Z"); // 07:00 in Berlin
        DailyScheduler s = countingReads(clock, reads);

        s.tick();
        clock.set(Instant.parse("2026-03-10T07:59:30Z"));
        s.tick();
        assertEquals(0, reads.get(), "before 09:00 nothing is due");

        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        s.tick();
        assertEquals(1, reads.get());
        assertEquals(List.of("C0DIGEST", "U0ANA"), delivered());

        clock.set(Instant.parse("2026-03-10T08:20:00Z"));
        s.tick();
        clock.set(Instant.parse("2026-03-10T15:00:00Z"));
        s.tick();
        assertEquals(1, reads.get(), "all sent: later ticks decide nothing");
    }

    @Test
    void a_start_after_the_digest_time_catches_up_once_and_then_reads_no_more() throws Exception {
        tasks.add(open("a1", "Send contract", "Ana Lima", LocalDate.of(2026, 3, 10)));
        tasks.add(task("t1", "Rotate keys", "Platform team", OwnerKind.TEAM, TaskStatus.OPEN, LocalDate.of(2026, 3, 10)));
        AtomicInteger reads = new AtomicInteger();
        MutableClock clock = at("2026-03-10T13:30:00Z"); // started 14:30 Berlin
        DailyScheduler s = countingReads(clock, reads);

        s.tick();
        assertEquals(1, reads.get());
        assertEquals(List.of("C0DIGEST", "C0PLATFORM", "U0ANA"), delivered().stream().sorted().toList(), "sent side by side");
        int sent = chat.delivered.size();

        clock.advance(Duration.ofSeconds(30));
        s.tick();
        clock.advance(Duration.ofHours(2));
        s.tick();
        assertEquals(1, reads.get(), "caught up once");
        assertEquals(sent, chat.delivered.size());
    }

    @Test
    void an_owner_with_nothing_due_at_reminder_time_is_not_messaged_later_that_day() throws Exception {
        MutableClock clock = at("2026-03-10T07:00:00Z");
        DailyScheduler s = scheduler(berlin(), clock);
        s.tick();
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        s.tick();
        tasks.add(open("a1", "Became due", "Ana Lima", LocalDate.of(2026, 3, 10)));
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        s.tick();

        assertEquals(List.of("C0DIGEST"), delivered());
    }

    @Test
    void team_tasks_go_to_the_teams_channel_and_people_without_a_chat_user_are_reported() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        tasks.add(task("t1", "Rotate keys", "Platform team", OwnerKind.TEAM, TaskStatus.OPEN, tue));
        tasks.add(open("z1", "Unknown person's task", "Zed Unknown", tue));
        DailyScheduler s = scheduler(berlin(), at("2026-03-10T08:00:00Z"));

        s.tick();

        assertEquals(List.of("C0DIGEST", "C0PLATFORM"), delivered());
        OutboxRow unknown = outbox.byDay(tue).stream().filter(r -> r.recipient().equals("person:Zed Unknown")).findFirst().orElseThrow();
        assertEquals(State.FAILED, unknown.state());
        assertTrue(unknown.lastError().contains("no chat user known for Zed Unknown"));
    }

    @Test
    void two_teams_sharing_a_channel_each_get_their_reminder_there_once() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        tasks.add(task("t1", "Rotate keys", "Platform team", OwnerKind.TEAM, TaskStatus.OPEN, tue));
        tasks.add(task("t2", "Patch the routers", "Network team", OwnerKind.TEAM, TaskStatus.OPEN, tue));
        ScheduleSettings shared = new ScheduleSettings(BERLIN, LocalTime.of(9, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                "C0DIGEST", 3, Map.of("Platform team", "C0INFRA", "Network team", "C0INFRA"));
        MutableClock clock = at("2026-03-10T08:00:00Z");
        DailyScheduler s = scheduler(shared, clock);
        s.tick();
        clock.advance(Duration.ofMinutes(1));
        s.tick();
        scheduler(shared, clock).enqueueAllNow();
        s.tick();

        List<String> texts = chat.deliveredTo("C0INFRA").stream().map(p -> p.message().text()).sorted().toList();
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith("Network team:") && texts.get(1).startsWith("Platform team:"), texts.toString());
    }

    @Test
    void unassigned_tasks_carry_a_claim_button_and_owned_ones_done_and_snooze() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        tasks.add(open("u1", "Nobody's yet", null, null));
        tasks.add(open("a1", "Ana's", "Ana Lima", tue));
        scheduler(berlin(), at("2026-03-10T08:00:00Z")).tick();

        List<Block> items = chat.deliveredTo("C0DIGEST").get(0).message().blocks().stream()
                .filter(b -> b.kind() == ChatMessage.Kind.ITEM).toList();
        assertEquals(List.of(ChatMessage.Action.DONE, ChatMessage.Action.SNOOZE), items.get(0).actions());
        assertEquals(List.of(ChatMessage.Action.CLAIM), items.get(1).actions());
    }

    @Test
    void two_schedulers_firing_together_send_each_message_once() throws Exception {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        for (int i = 0; i < 10; i++) {
            tasks.add(open("a" + i, "Task " + i, i % 2 == 0 ? "Ana Lima" : "Ben Okafor", tue));
        }
        MutableClock clock = at("2026-03-10T08:00:00Z");
        List<DailyScheduler> schedulers = List.of(scheduler(berlin(), clock), scheduler(berlin(), clock), scheduler(berlin(), clock));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> f = new ArrayList<>();
        for (DailyScheduler s : schedulers) {
            f.add(pool.submit(() -> {
                go.await();
                s.tick();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> x : f) {
            x.get();
        }
        pool.shutdown();

        assertEquals(3, chat.delivered.size());
        assertEquals(3, delivered().stream().distinct().count());
    }
}

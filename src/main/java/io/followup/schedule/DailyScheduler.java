package io.followup.schedule;

import com.google.gson.Gson;
import io.followup.digest.Digest;
import io.followup.digest.DigestBuilder;
import io.followup.digest.Reminder;
import io.followup.model.Task;
import io.followup.store.OutboxStore;
import io.followup.store.OutboxStore.NewMessage;
import io.followup.store.ReminderPrefsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily job: on working days (in the team's zone) it puts the channel digest in the outbox at the digest
 * time and each owner's reminder at the digest time in the owner's own zone (or their own time), then lets
 * the {@link OutboxSender} post. It ticks every 30 seconds; the outbox key (day, recipient, kind) makes every
 * enqueue idempotent, so a restart, a second instance or a manual {@code digest} run never posts twice.
 *
 * <p>Catch-up: if the bot was down at the digest time it posts that day's digest when it comes back the same
 * day. A reminder is decided at its time (or at start-up, if that was later): an owner with nothing due then
 * is not messaged later that day because a task became due meanwhile.
 */
public final class DailyScheduler implements AutoCloseable {

    public static final String KIND_DIGEST = "digest";
    public static final String KIND_REMINDER = "reminder";
    /** How long after its time a reminder is still decided while the bot runs (covers tick delays). */
    static final Duration GRACE = Duration.ofMinutes(15);

    /** What {@link #enqueueDue} or {@link #enqueueAllNow} put in the outbox. */
    public record Enqueued(int messages, int skipped, int unsendable, List<String> notes) {
    }

    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);
    private static final Gson GSON = new Gson();

    private final ScheduleSettings settings;
    private final Clock clock;
    private final Supplier<List<Task>> openTasks;
    private final Recipients recipients;
    private final UserZones userZones;
    private final ReminderPrefsStore prefs;
    private final OutboxStore outbox;
    private final OutboxSender sender;
    private final Instant startedAt;
    private ScheduledExecutorService executor;

    public DailyScheduler(ScheduleSettings settings, Clock clock, Supplier<List<Task>> openTasks, Recipients recipients,
                          UserZones userZones, ReminderPrefsStore prefs, OutboxStore outbox, OutboxSender sender) {
        this.settings = settings;
        this.clock = clock;
        this.openTasks = openTasks;
        this.recipients = recipients;
        this.userZones = userZones;
        this.prefs = prefs;
        this.outbox = outbox;
        this.sender = sender;
        this.startedAt = clock.instant();
    }

    /** Starts ticking on a daemon thread. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "followup-digest");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickSafely, 0, 30, TimeUnit.SECONDS);
        log.info("digest scheduled at {} {} on {}; next {}", settings.digestTime(), settings.zone(), settings.digestDays(),
                settings.nextDigestAfter(clock.instant()));
    }

    private void tickSafely() {
        try {
            tick();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("digest tick failed: {}", e.toString(), e);
        }
    }

    /** One tick: enqueue what is due now, then post what the outbox holds. */
    public void tick() throws InterruptedException {
        enqueueDue();
        sender.drain();
    }

    /** Enqueues the digest and the reminders whose time has come today; nothing on days off. */
    public Enqueued enqueueDue() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, settings.zone());
        if (!settings.isWorkingDay(day)) {
            return new Enqueued(0, 0, 0, List.of(day.getDayOfWeek() + " is not a digest day"));
        }
        boolean digestDue = settings.digestChannel() != null && !now.isBefore(settings.digestAt(day))
                && !outbox.exists(day, settings.digestChannel(), KIND_DIGEST);
        Digest digest = new DigestBuilder(day, settings.lookaheadDays(), settings.teamChannels()).build(openTasks.get());
        Counter c = new Counter();
        Run run = new Run(day, now, false, digest.reminders());
        if (digestDue) {
            enqueueDigest(digest, run);
        }
        for (Reminder r : digest.reminders()) {
            enqueueReminder(r, run, c);
        }
        return run.flush(c);
    }

    /** For the {@code digest} command: today's digest and every reminder, due now, whatever the time or day. */
    public Enqueued enqueueAllNow() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, settings.zone());
        Digest digest = new DigestBuilder(day, settings.lookaheadDays(), settings.teamChannels()).build(openTasks.get());
        Counter c = new Counter();
        Run run = new Run(day, now, true, digest.reminders());
        if (settings.digestChannel() == null) {
            c.notes.add("no channel digest: FOLLOWUP_DIGEST_CHANNEL is not set");
        } else {
            enqueueDigest(digest, run);
        }
        for (Reminder r : digest.reminders()) {
            enqueueReminder(r, run, c);
        }
        return run.flush(c);
    }

    /**
     * One enqueue pass: the reminder settings read once, the users' zones looked up together (only when a
     * reminder's time matters), and every row inserted in one transaction at the end.
     */
    private final class Run {
        final LocalDate day;
        final Instant now;
        final boolean immediate;
        final Map<String, ReminderPrefsStore.Pref> prefsByUser;
        final Map<String, ZoneId> zones;
        final List<OutboxStore.Insert> rows = new ArrayList<>();

        Run(LocalDate day, Instant now, boolean immediate, List<Reminder> reminders) {
            this.day = day;
            this.now = now;
            this.immediate = immediate;
            this.prefsByUser = reminders.isEmpty() ? Map.of() : prefs.all();
            if (immediate) {
                this.zones = Map.of();
            } else {
                Set<String> users = new LinkedHashSet<>();
                for (Reminder r : reminders) {
                    if (!r.isTeam()) {
                        recipients.chatUserOf(r.owner()).filter(u -> pref(u).enabled()).ifPresent(users::add);
                    }
                }
                this.zones = userZones.zonesOf(users);
            }
        }

        ReminderPrefsStore.Pref pref(String user) {
            return prefsByUser.getOrDefault(user, ReminderPrefsStore.Pref.DEFAULT);
        }

        ZoneId zoneOf(String user) {
            ZoneId z = zones.get(user);
            return z != null ? z : userZones.zoneOf(user);
        }

        Enqueued flush(Counter c) {
            boolean[] added = outbox.insertAll(rows, now);
            for (int i = 0; i < added.length; i++) {
                if (rows.get(i).error() == null) {
                    c.add(added[i]);
                } else {
                    c.unsendable(added[i]);
                }
            }
            return c.result();
        }
    }

    private void enqueueDigest(Digest digest, Run run) {
        run.rows.add(OutboxStore.Insert.queued(new NewMessage(run.day, settings.digestChannel(), KIND_DIGEST, null,
                GSON.toJson(DigestMessages.channel(digest)), run.now)));
    }

    private void enqueueReminder(Reminder r, Run run, Counter c) {
        LocalDate day = run.day;
        Instant now = run.now;
        boolean immediate = run.immediate;
        if (r.isTeam()) {
            if (r.teamChannel() == null) {
                c.notes.add("no reminder for team " + r.owner() + ": the people file names no channel for it");
                return;
            }
            Instant at = settings.digestAt(day);
            if (immediate || isDecidedNow(at, now)) {
                run.rows.add(OutboxStore.Insert.queued(new NewMessage(day, r.teamChannel(), KIND_REMINDER, r.owner(), json(r, day), now)));
            }
            return;
        }
        Optional<String> user = recipients.chatUserOf(r.owner());
        if (user.isEmpty()) {
            if (immediate || isDecidedNow(settings.digestAt(day), now)) {
                run.rows.add(OutboxStore.Insert.unsendable(new NewMessage(day, "person:" + r.owner(), KIND_REMINDER, r.owner(), json(r, day), now),
                        "no chat user known for " + r.owner() + " (add slack: to the people file, or link the account)"));
            }
            return;
        }
        ReminderPrefsStore.Pref pref = run.pref(user.get());
        if (!pref.enabled()) {
            c.skipped++;
            return;
        }
        if (immediate) {
            run.rows.add(OutboxStore.Insert.queued(new NewMessage(day, user.get(), KIND_REMINDER, r.owner(), json(r, day), now)));
            return;
        }
        ZoneId zone = run.zoneOf(user.get());
        LocalTime time = pref.time() == null ? settings.digestTime() : pref.time();
        Instant at = ScheduleSettings.at(day, time, zone);
        if (isDecidedNow(at, now)) {
            run.rows.add(OutboxStore.Insert.queued(new NewMessage(day, user.get(), KIND_REMINDER, r.owner(), json(r, day), now)));
        }
    }

    private static String json(Reminder r, LocalDate day) {
        return GSON.toJson(DigestMessages.reminder(r, day));
    }

    /** Its time has come, and either it came just now or the bot was not running then (catch-up). */
    private boolean isDecidedNow(Instant at, Instant now) {
        if (now.isBefore(at)) {
            return false;
        }
        return startedAt.isAfter(at) || now.isBefore(at.plus(GRACE));
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                // a tick in flight finishes before the caller closes the database under it
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    private static final class Counter {
        int messages;
        int skipped;
        int unsendable;
        final List<String> notes = new ArrayList<>();

        void unsendable(boolean inserted) {
            if (inserted) {
                unsendable++;
            }
        }

        void add(boolean inserted) {
            if (inserted) {
                messages++;
            }
        }

        Enqueued result() {
            return new Enqueued(messages, skipped, unsendable, List.copyOf(notes));
        }
    }
}

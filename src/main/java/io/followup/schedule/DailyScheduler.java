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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily job: on the team's working days it puts the channel digest and the team reminders in the outbox at
 * the digest time in the team's zone, and each person's reminder at the digest time (or their own time) on their
 * own working days in their own zone, dated by their own calendar; then it lets the {@link OutboxSender} post. It ticks every 30 seconds; the outbox key (day, recipient, kind) makes every
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
    private final Supplier<Map<String, LocalDate>> earliestDue;
    private final Recipients recipients;
    private final UserZones userZones;
    private final ReminderPrefsStore prefs;
    private final OutboxStore outbox;
    private final OutboxSender sender;
    private final Instant startedAt;
    /** The team's day whose reminders were decided last (caught up once after a late start). */
    private volatile LocalDate teamRemindersDecided;
    private ScheduledExecutorService executor;

    /**
     * {@code earliestDue}: for each person with an open or in-progress dated task, its earliest due date
     * ({@code TaskStore.earliestRemindableDue}, or {@link DigestBuilder#earliestRemindableDue} of the open tasks).
     */
    public DailyScheduler(ScheduleSettings settings, Clock clock, Supplier<List<Task>> openTasks,
                          Supplier<Map<String, LocalDate>> earliestDue, Recipients recipients,
                          UserZones userZones, ReminderPrefsStore prefs, OutboxStore outbox, OutboxSender sender) {
        this.settings = settings;
        this.clock = clock;
        this.openTasks = openTasks;
        this.earliestDue = earliestDue;
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

    /**
     * Enqueues what is due now: on the team's working days the channel digest and the team reminders at the digest
     * time; each person's reminder at their time on their own working days, in their own zone — for someone far
     * ahead of the team that is the team's evening before, and their weekend starts on the team's Friday. The open
     * tasks are loaded only when something is due: most ticks decide nothing, and a large store's open tasks cost
     * ~0.3 s of CPU to load.
     */
    public Enqueued enqueueDue() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, settings.zone());
        Counter c = new Counter();
        Run run = new Run(day, now);
        boolean workingDay = settings.isWorkingDay(day);
        if (!workingDay) {
            c.notes.add(day.getDayOfWeek() + " is not a digest day");
        }
        boolean digestDue = workingDay && settings.digestChannel() != null && !now.isBefore(settings.digestAt(day))
                && !outbox.exists(day, settings.digestChannel(), KIND_DIGEST);
        boolean teamRemindersDue = workingDay && teamRemindersDecidedNow(day, now);
        List<PersonDue> personal = personalRemindersDue(run);
        if (!digestDue && !teamRemindersDue && personal.isEmpty()) {
            return run.flush(c);
        }
        List<Task> open = openTasks.get();
        Map<LocalDate, Digest> digests = new HashMap<>();
        Function<LocalDate, Digest> digestOn = d -> digests.computeIfAbsent(d,
                x -> new DigestBuilder(x, settings.lookaheadDays(), settings.teamChannels()).build(open));
        if (digestDue) {
            enqueueDigest(digestOn.apply(day), run);
        }
        if (teamRemindersDue) {
            for (Reminder r : digestOn.apply(day).reminders()) {
                if (r.isTeam() || recipients.chatUserOf(r.owner()).isEmpty()) {
                    enqueueReminder(r, run, c, Map.of());
                }
            }
        }
        for (PersonDue p : personal) {
            digestOn.apply(p.day()).reminders().stream().filter(r -> r.owner().equals(p.owner()) && !r.isTeam()).findFirst()
                    .ifPresent(r -> run.rows.add(OutboxStore.Insert.queued(
                            new NewMessage(p.day(), p.user(), KIND_REMINDER, p.owner(), json(r, p.day()), run.now))));
        }
        Enqueued enqueued = run.flush(c);
        if (teamRemindersDue) {
            teamRemindersDecided = day; // once in the outbox: a tick that failed before is tried again
        }
        return enqueued;
    }

    /**
     * The team reminders are decided at each tick of the quarter hour after the digest time (a task that falls due in
     * it is added), and after a start later that day once, to catch up.
     */
    private boolean teamRemindersDecidedNow(LocalDate day, Instant now) {
        Instant at = settings.digestAt(day);
        return isDecidedNow(at, now) && (now.isBefore(at.plus(GRACE)) || !day.equals(teamRemindersDecided));
    }

    /** The furthest a chat user's date can be ahead of the team's (UTC-12 to UTC+14). */
    private static final int MAX_DAYS_AHEAD = 2;

    /** A person whose reminder is due now, not yet in the outbox: their chat user and their own date. */
    private record PersonDue(String owner, String user, LocalDate day) {
    }

    /**
     * Each person with a chat user, at their reminder time in their zone, on their working days, with something
     * overdue, due that day or the next there — worked out from each owner's earliest due date, without the tasks.
     */
    private List<PersonDue> personalRemindersDue(Run run) {
        Map<String, LocalDate> earliest = earliestDue.get();
        Map<String, String> userOf = new LinkedHashMap<>();
        LocalDate furthest = run.day.plusDays(MAX_DAYS_AHEAD + 1);
        earliest.forEach((owner, due) -> {
            if (!due.isAfter(furthest)) {
                recipients.chatUserOf(owner).filter(u -> run.pref(u).enabled()).ifPresent(u -> userOf.put(owner, u));
            }
        });
        Map<String, ZoneId> zones = userZones.zonesOf(new LinkedHashSet<>(userOf.values()));
        List<PersonDue> due = new ArrayList<>();
        userOf.forEach((owner, user) -> {
            ZoneId zone = zones.get(user); // zonesOf answers for everyone asked (the team's zone when unknown)
            LocalDate theirDay = LocalDate.ofInstant(run.now, zone);
            ReminderPrefsStore.Pref pref = run.pref(user);
            Instant at = ScheduleSettings.at(theirDay, pref.time() == null ? settings.digestTime() : pref.time(), zone);
            if (settings.isWorkingDay(theirDay) && isDecidedNow(at, run.now) && !earliest.get(owner).isAfter(theirDay.plusDays(1))
                    && !outbox.exists(theirDay, user, KIND_REMINDER)) {
                due.add(new PersonDue(owner, user, theirDay));
            }
        });
        return due;
    }

    /** For the {@code digest} command: today's digest and every reminder, due now, whatever the time or day. */
    public Enqueued enqueueAllNow() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, settings.zone());
        Digest digest = new DigestBuilder(day, settings.lookaheadDays(), settings.teamChannels()).build(openTasks.get());
        Counter c = new Counter();
        Run run = new Run(day, now);
        if (settings.digestChannel() == null) {
            c.notes.add("no channel digest: FOLLOWUP_DIGEST_CHANNEL is not set");
        } else {
            enqueueDigest(digest, run);
        }
        Map<String, ZoneId> zones = userZones.zonesOf(digest.reminders().stream().filter(r -> !r.isTeam())
                .flatMap(r -> recipients.chatUserOf(r.owner()).stream()).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        for (Reminder r : digest.reminders()) {
            enqueueReminder(r, run, c, zones);
        }
        return run.flush(c);
    }

    /** One enqueue pass: the reminder settings read once, and every row inserted in one transaction at the end. */
    private final class Run {
        final LocalDate day;
        final Instant now;
        final Map<String, ReminderPrefsStore.Pref> prefsByUser;
        final List<OutboxStore.Insert> rows = new ArrayList<>();

        Run(LocalDate day, Instant now) {
            this.day = day;
            this.now = now;
            this.prefsByUser = prefs.all();
        }

        ReminderPrefsStore.Pref pref(String user) {
            return prefsByUser.getOrDefault(user, ReminderPrefsStore.Pref.DEFAULT);
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

    /**
     * A team's reminder, a person's without a chat user (reported), or — for the digest command — anyone's now.
     * A person's is keyed by their own date ({@code zones}), as their scheduled one is: once per day where they are.
     */
    private void enqueueReminder(Reminder r, Run run, Counter c, Map<String, ZoneId> zones) {
        LocalDate day = run.day;
        Instant now = run.now;
        if (r.isTeam()) {
            if (r.teamChannel() == null) {
                c.notes.add("no reminder for team " + r.owner() + ": the people file names no channel for it");
                return;
            }
            run.rows.add(OutboxStore.Insert.queued(new NewMessage(day, r.teamChannel(), teamKind(r), r.owner(), json(r, day), now)));
            return;
        }
        Optional<String> user = recipients.chatUserOf(r.owner());
        if (user.isEmpty()) {
            run.rows.add(OutboxStore.Insert.unsendable(new NewMessage(day, "person:" + r.owner(), KIND_REMINDER, r.owner(), json(r, day), now),
                    "no chat user known for " + r.owner() + " (add slack: to the people file, or link the account)"));
            return;
        }
        if (!run.pref(user.get()).enabled()) {
            c.skipped++;
            return;
        }
        LocalDate theirDay = LocalDate.ofInstant(now, zones.getOrDefault(user.get(), settings.zone()));
        run.rows.add(OutboxStore.Insert.queued(new NewMessage(theirDay, user.get(), KIND_REMINDER, r.owner(), json(r, day), now)));
    }

    /**
     * The outbox kind of a team's reminder. The key is (day, recipient, kind), so teams sharing a channel need
     * different kinds: the first of them (by name) keeps plain "reminder" — the key it always had — and the
     * others are "reminder:&lt;team&gt;".
     */
    private String teamKind(Reminder r) {
        String first = settings.teamChannels().entrySet().stream().filter(e -> e.getValue().equals(r.teamChannel()))
                .map(Map.Entry::getKey).min(String.CASE_INSENSITIVE_ORDER.thenComparing(java.util.Comparator.naturalOrder())).orElse(r.owner());
        return first.equalsIgnoreCase(r.owner()) ? KIND_REMINDER : KIND_REMINDER + ":" + r.owner();
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

package io.followup.app;

import io.followup.chat.Directory;
import io.followup.chat.slack.SlackDirectory;
import io.followup.digest.Digest;
import io.followup.digest.DigestBuilder;
import io.followup.digest.DigestText;
import io.followup.digest.Reminder;
import io.followup.people.People;
import io.followup.schedule.DailyScheduler;
import io.followup.schedule.OutboxSender;
import io.followup.schedule.OutboxStatus;
import io.followup.schedule.ScheduleSettings;
import io.followup.store.Database;
import io.followup.store.OutboxStore;
import io.followup.store.ReminderPrefsStore;
import io.followup.store.TaskStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code followup digest}: posts today's channel digest and the owners' reminders now, once a day (a second run
 * posts nothing new); {@code --dry-run} prints them instead, {@code --status} shows what the outbox did.
 */
@Command(name = "digest", description = "Post today's digest and owner reminders now (once a day); --dry-run prints them.")
public final class DigestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--dry-run", description = "Print the digest and the DMs instead of posting them.")
    boolean dryRun;

    @Option(names = "--status", description = "Show today's outbox: sent, queued, failed (with the error), and recent permanent failures.")
    boolean status;

    @Spec
    CommandSpec spec;

    /** Tests set the configuration directly instead of through the environment. */
    Config config;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = this.config != null ? this.config : options.config();
        Database db = StoreAccess.openExisting(config.db());
        if (db == null) {
            spec.commandLine().getErr().println(StoreAccess.INGEST_FIRST);
            return 1;
        }
        try (db) {
            Clock clock = Wiring.clock(config);
            LocalDate today = LocalDate.now(clock.withZone(config.zone()));
            People people = People.load(config.peopleFile());
            if (status) {
                out.println(new OutboxStatus(new OutboxStore(db), DigestWiring.settings(config, people), clock,
                        io.followup.chat.slack.SlackErrors::advice).report());
            } else if (dryRun) {
                printDryRun(out, config, db, clock, people, today);
            } else {
                post(out, config, db, clock, people);
            }
            out.flush();
            return 0;
        }
    }

    private void post(PrintWriter out, Config config, Database db, Clock clock, People people) throws InterruptedException {
        Directory directory = ChatWiring.create(config, db, clock, ChatWiring.contacts(people), null).directory;
        if (directory instanceof SlackDirectory slackDirectory) {
            slackDirectory.refresh(); // people matched to Slack users by name; failures are logged, not fatal
        }
        DigestWiring w = DigestWiring.create(config, db, clock, people, directory, DigestWiring.slackGateway(config));
        DailyScheduler.Enqueued enqueued = w.scheduler.enqueueAllNow();
        OutboxSender.Report report = w.sender.drainUntilIdle(Duration.ofMinutes(3));
        enqueued.notes().forEach(n -> out.println("note: " + n));
        out.println("New today: " + enqueued.messages() + " message(s)"
                + (enqueued.skipped() > 0 ? ", " + enqueued.skipped() + " reminder(s) turned off by their owner" : "")
                + (enqueued.unsendable() > 0 ? ", " + enqueued.unsendable() + " reminder(s) with no chat user to send to (see --status)" : "")
                + ". Posted now: " + report.sent() + ", failed: " + report.failed() + ", waiting to retry: " + report.retrying() + ".");
        if (enqueued.messages() == 0 && enqueued.unsendable() == 0) {
            out.println("Today's digest was already sent; nothing new to post. See `followup digest --status`.");
        }
    }

    private static void printDryRun(PrintWriter out, Config config, Database db, Clock clock, People people, LocalDate today) {
        ScheduleSettings s = DigestWiring.settings(config, people);
        Digest digest = new DigestBuilder(today, s.lookaheadDays(), s.teamChannels()).build(new TaskStore(db).open());
        Directory directory = ChatWiring.create(config, db, clock, ChatWiring.contacts(people), null).directory;
        out.println("=== Channel digest → " + (s.digestChannel() == null ? "(no FOLLOWUP_DIGEST_CHANNEL: not posted)" : s.digestChannel()));
        out.println(DigestText.channel(digest));
        if (digest.reminders().isEmpty()) {
            out.println("=== No reminders: nobody has anything overdue, due today or due tomorrow.");
        }
        ReminderPrefsStore prefs = new ReminderPrefsStore(db);
        for (Reminder r : digest.reminders()) {
            String to = r.isTeam() ? (r.teamChannel() == null ? "(no channel for this team in the people file)" : r.teamChannel())
                    : directory.userOf(r.owner()).map(u -> prefs.get(u).enabled() ? "DM " + u : "(" + u + " turned reminders off: not sent)")
                    .orElse("(no chat user known: not sent)");
            out.println("=== Reminder for " + r.owner() + " → " + to);
            out.println(DigestText.reminder(r, today));
        }
        if (!s.isWorkingDay(today)) {
            out.println("(" + DigestText.day(today) + " is not a digest day: the scheduler would post nothing today.)");
        }
    }
}

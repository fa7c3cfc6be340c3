package io.followup.app;

import io.followup.chat.ChatGateway;
import io.followup.chat.Directory;
import io.followup.chat.slack.SlackChatGateway;
import io.followup.chat.slack.SlackServer;
import io.followup.people.People;
import io.followup.schedule.DailyScheduler;
import io.followup.schedule.OutboxSender;
import io.followup.schedule.OutboxStatus;
import io.followup.schedule.ScheduleSettings;
import io.followup.schedule.Sleeper;
import io.followup.schedule.UserZones;
import io.followup.store.Database;
import io.followup.store.OutboxStore;
import io.followup.store.ReminderPrefsStore;
import io.followup.store.TaskStore;
import io.followup.tasks.ReminderPrefs;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the digest side by hand: schedule settings from the config and people file, the outbox, the sender and
 * the daily scheduler. {@code digest} uses it once; {@code serve} calls {@code scheduler.start()}.
 */
public final class DigestWiring {

    public final ScheduleSettings settings;
    public final OutboxStore outbox;
    public final ReminderPrefsStore prefs;
    public final OutboxSender sender;
    public final DailyScheduler scheduler;

    private DigestWiring(Config config, Database db, Clock clock, People people, Directory directory, ChatGateway gateway) {
        this.settings = settings(config, people);
        this.outbox = new OutboxStore(db);
        this.prefs = new ReminderPrefsStore(db);
        this.sender = new OutboxSender(outbox, gateway, clock, Sleeper.REAL, OutboxSender.Policy.DEFAULT);
        TaskStore tasks = new TaskStore(db);
        this.scheduler = new DailyScheduler(settings, clock, tasks::open, tasks::earliestRemindableDue, directory::userOf,
                new UserZones(gateway, config.zone(), clock), prefs, outbox, sender);
    }

    public static DigestWiring create(Config config, Database db, Clock clock, People people, Directory directory, ChatGateway gateway) {
        return new DigestWiring(config, db, clock, people, directory, gateway);
    }

    /** The use case behind {@code /tasks reminders …}, for the chat side to call. */
    public static ReminderPrefs reminderPrefs(Config config, Database db, Clock clock) {
        return new ReminderPrefs(new ReminderPrefsStore(db), config.digestTime(), clock);
    }

    /** What the digest delivered, for admins in chat (/tasks digest) and on their App Home. */
    public static OutboxStatus deliveryStatus(Config config, Database db, Clock clock) {
        return new OutboxStatus(new OutboxStore(db), settings(config, People.empty()), clock, io.followup.chat.slack.SlackErrors::advice);
    }

    public static ScheduleSettings settings(Config config, People people) {
        Map<String, String> teams = new LinkedHashMap<>();
        for (People.Team t : people.teams()) {
            if (t.channel() != null && !t.channel().isBlank()) {
                teams.put(t.name(), t.channel().strip());
            }
        }
        return new ScheduleSettings(config.zone(), config.digestTime(), config.digestDays(), config.digestChannel(),
                config.lookaheadDays(), teams);
    }

    /** Slack's gateway; needs SLACK_BOT_TOKEN. */
    public static ChatGateway slackGateway(Config config) {
        if (config.slackBotToken() == null) {
            throw new Config.Invalid("Posting the digest needs SLACK_BOT_TOKEN (try `followup digest --dry-run` to see it without Slack).");
        }
        return new SlackChatGateway(SlackServer.slack(config.slackApiUrl()).methods(config.slackBotToken()));
    }

    /** For {@code serve}: starts the daily digest and reminders (needs SLACK_BOT_TOKEN; the scheduler's thread is a daemon). */
    public static DailyScheduler startScheduler(Config config, Database db, Clock clock, Directory directory) {
        DigestWiring w = create(config, db, clock, People.load(config.peopleFile()), directory, slackGateway(config));
        w.scheduler.start();
        return w.scheduler;
    }
}

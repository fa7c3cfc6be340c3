package io.followup.app;

import io.followup.chat.CommandService;
import io.followup.chat.Contact;
import io.followup.chat.Directory;
import io.followup.chat.LinkedDirectory;
import io.followup.chat.slack.SlackConnection;
import io.followup.chat.slack.SlackDirectory;
import io.followup.chat.slack.SlackServer;
import io.followup.people.People;
import io.followup.store.Database;
import io.followup.store.LinkStore;
import io.followup.store.MeetingStore;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskStore;
import io.followup.tasks.TaskActions;
import io.followup.tasks.TaskWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Builds the chat side by hand: stores, task actions, the directory (Slack's when a bot token is set),
 * the command service, and the Slack server. {@code serve} and {@code ask} both start here.
 */
public final class ChatWiring {

    public final TaskStore tasks;
    public final MeetingStore meetings;
    public final LinkStore links;
    public final TaskChangeStore changes;
    public final TaskActions actions;
    public final Directory directory;
    public final CommandService commands;
    private final Config config;
    private final Clock clock;
    private final SlackConnection slack;

    private ChatWiring(Config config, Database db, Clock clock, List<Contact> contacts, TaskWriter writer) {
        this.config = config;
        this.clock = clock;
        this.tasks = new TaskStore(db);
        this.meetings = new MeetingStore(db);
        this.links = new LinkStore(db);
        this.changes = new TaskChangeStore(db);
        this.actions = new TaskActions(tasks, changes, writer == null ? TaskWriter.DISABLED : writer, clock);
        if (config.slackBotToken() != null) {
            this.slack = SlackConnection.open(config.slackApiUrl(), config.slackBotToken());
            this.directory = new SlackDirectory(links, contacts, tasks::knownOwners, slack, clock);
        } else {
            this.slack = null;
            this.directory = new LinkedDirectory(links, contacts, clock);
        }
        this.commands = new CommandService(tasks, meetings, actions, directory, config.admins(), clock,
                DigestWiring.reminderPrefs(config, db, clock), DigestWiring.deliveryStatus(config, db, clock));
    }

    public static ChatWiring create(Config config, Database db, Clock clock, List<Contact> contacts, TaskWriter writer) {
        return new ChatWiring(config, db, clock, contacts, writer);
    }

    /** With the contacts from the people file (FOLLOWUP_PEOPLE). */
    public static ChatWiring create(Config config, Database db, Clock clock, TaskWriter writer) {
        return new ChatWiring(config, db, clock, contacts(People.load(config.peopleFile())), writer);
    }

    /** The people file's persons as chat contacts (name, aliases, email, Slack id). */
    public static List<Contact> contacts(People people) {
        return people.persons().stream().map(p -> new Contact(p.name(), p.aliases(), p.email(), p.slack())).toList();
    }

    /** True when {@link #slackServer} can be built: a bot token and a signing secret or app-level token. */
    public boolean hasSlack() {
        return slack != null && config.hasSlack();
    }

    /** The Slack server; needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN). */
    public SlackServer slackServer(BooleanSupplier ready) {
        if (slack == null || !config.hasSlack()) {
            throw new Config.Invalid("Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode).");
        }
        if (config.slackBotToken().length() < 16) {
            throw new Config.Invalid("SLACK_BOT_TOKEN looks wrong: a bot token starts with xoxb- and is much longer than "
                    + config.slackBotToken().length() + " characters.");
        }
        SlackServer.Settings settings = new SlackServer.Settings(config.slackSigningSecret(),
                config.slackAppToken(), config.port());
        return new SlackServer(settings, slack, commands, (SlackDirectory) directory, links, ready, clock);
    }
}

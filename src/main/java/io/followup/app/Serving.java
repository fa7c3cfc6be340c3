package io.followup.app;

import io.followup.chat.slack.SlackServer;
import io.followup.ingest.IngestReport;
import io.followup.ingest.Ingester;
import io.followup.schedule.DailyScheduler;
import io.followup.store.Database;
import io.followup.store.WritebackStore;
import io.followup.vault.watch.VaultSync;
import io.followup.vault.watch.VaultWatcher;
import io.followup.vault.writeback.WriteBack;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything {@code serve} runs, started in order: the HTTP front (Slack's, or a plain one without
 * credentials) so /healthz answers at once; the first ingest, then the chat changes still waiting for
 * their notes; then /healthz says ok, the vault watcher keeps the store in step and the daily scheduler
 * posts the digest (only with Slack). {@link #close()} stops them in reverse.
 */
public final class Serving implements AutoCloseable {

    private final Config config;
    private final PrintWriter out;
    private final Database db;
    private final Clock clock;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final WriteBack writeBack;
    private final VaultSync sync;
    private final AtomicReference<IngestReport> lastReport = new AtomicReference<>();
    public final ChatWiring chat;
    private final HttpFront front;
    private int port;
    private VaultWatcher watcher;
    private DailyScheduler scheduler;

    private Serving(Config config, PrintWriter out) {
        this.config = config;
        this.out = out;
        this.db = StoreAccess.open(config.db());
        this.clock = Wiring.clock(config);
        this.writeBack = Wiring.writeBack(config, db, clock);
        this.chat = ChatWiring.create(config, db, clock, writeBack);
        Ingester ingester = new Ingester(config.vault(), db, Wiring.people(config), clock);
        WritebackStore store = new WritebackStore(db);
        this.sync = new VaultSync(paths -> lastReport.set(paths == null ? ingester.ingest() : ingester.ingestPaths(paths)),
                ingester::pendingChanges, ingester::pendingChanges, store, Wiring.pendingWrites(db, writeBack, clock), writeBack.lock(), clock);
        this.front = front(config, chat, db);
    }

    /** Slack's server when configured, else the plain one; a bad Slack setting closes the store before it is reported. */
    private HttpFront front(Config config, ChatWiring chat, Database db) {
        try {
            return chat.hasSlack() ? slackFront(chat.slackServer(ready::get), config.slackAppToken() != null)
                    : new SlacklessServer(config.port(), ready::get);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Starts serving: returns once the first ingest finished and the watcher runs. */
    public static Serving start(Config config, PrintWriter out) throws Exception {
        Serving s = new Serving(config, out);
        try {
            s.run();
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private void run() throws Exception {
        port = front.start();
        say(front.describe(port));
        int waiting = new WritebackStore(db).pending().size();
        if (Ingester.vaultProblem(config.vault()).isEmpty()) {
            // watched from before the first ingest: a note saved during it is synced right after, not at the rescan
            watcher = VaultWatcher.watching(config.vault(), Duration.ofSeconds(config.rescanSeconds()), sync);
        }
        sync.syncAll(); // the first ingest; also records note edits made while Followup was down, then retries
        IngestCommand.print(lastReport.get(), out);
        int stillWaiting = new WritebackStore(db).pending().size();
        IngestCommand.printPending(Math.max(0, waiting - stillWaiting), stillWaiting, out);
        ready.set(true);
        watcher = watcher != null ? watcher.begin() : VaultWatcher.start(config.vault(), Duration.ofSeconds(config.rescanSeconds()), sync);
        say("Watching " + config.vault() + " for changes (full rescan every " + config.rescanSeconds() + " s).");
        if (config.slackBotToken() != null) {
            scheduler = DigestWiring.startScheduler(config, db, clock, chat.directory);
        } else {
            say("The daily digest and reminders are not scheduled: they are posted to Slack, which needs SLACK_BOT_TOKEN.");
        }
    }

    public int port() {
        return port;
    }

    /** The store serve uses (for tests and tools that run beside it). */
    public Database db() {
        return db;
    }

    public boolean ready() {
        return ready.get();
    }

    public void join() throws InterruptedException {
        front.join();
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static HttpFront slackFront(SlackServer server, boolean socketMode) {
        return new HttpFront() {
            @Override
            public int start() throws Exception {
                return server.start();
            }

            @Override
            public void join() throws InterruptedException {
                server.join();
            }

            @Override
            public String describe(int port) {
                return "Followup serving Slack on port " + port + (socketMode ? " (Socket Mode; GET /healthz)" : " (POST /slack/events, GET /healthz)");
            }

            @Override
            public void close() throws Exception {
                server.close();
            }
        };
    }

    @Override
    public void close() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        try {
            front.close();
        } finally {
            db.close();
        }
    }
}

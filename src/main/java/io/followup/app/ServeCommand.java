package io.followup.app;

import io.followup.chat.slack.SlackServer;
import io.followup.ingest.IngestReport;
import io.followup.store.Database;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code followup serve}: ingests the vault and serves Slack (HTTP at /slack/events, or Socket Mode). */
@Command(name = "serve", description = "Serve Slack: POST /slack/events and GET /healthz on $PORT (Socket Mode when SLACK_APP_TOKEN is set).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = options.config();
        try (Database db = StoreAccess.open(config.db())) {
            AtomicBoolean ready = new AtomicBoolean();
            ChatWiring chat = ChatWiring.create(config, db, Wiring.clock(config), null);
            try (SlackServer server = chat.slackServer(ready::get)) {
                int port = server.start();
                spec.commandLine().getOut().println("Followup serving Slack on port " + port
                        + (config.slackAppToken() != null ? " (Socket Mode)" : " (POST /slack/events)"));
                spec.commandLine().getOut().flush();
                IngestReport report = Wiring.ingester(config, db).ingest();
                IngestCommand.print(report, spec.commandLine().getOut());
                ready.set(true);
                DigestWiring.startScheduler(config, db, Wiring.clock(config), chat.directory);
                server.join();
            }
        }
        return 0;
    }
}

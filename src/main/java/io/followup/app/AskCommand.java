package io.followup.app;

import io.followup.chat.CommandService;
import io.followup.chat.Reply;
import io.followup.chat.TextRenderer;
import io.followup.store.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code followup ask --as U123 "overdue"}: runs a /tasks (or /meetings) command as a chat user and prints the answer. */
@Command(name = "ask", description = "Run a /tasks command as a Slack user and print the answer as text (same code path as chat).")
public final class AskCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--as", required = true, paramLabel = "SLACK_USER_ID", description = "The Slack user id to act as, e.g. U0TOMAS.")
    String userId;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The command text, e.g. \"overdue\" or \"done k3f9x2ab\" (\"/meetings ...\" for meetings).")
    List<String> words = List.of();

    @Override
    public Integer call() {
        Config config = options.config();
        Database db = StoreAccess.openExisting(config.db());
        if (db == null) {
            spec.commandLine().getErr().println("followup: " + StoreAccess.INGEST_FIRST);
            return 1;
        }
        try (db) {
            java.time.Clock clock = Wiring.clock(config);
            CommandService commands = ChatWiring.create(config, db, clock, Wiring.writeBack(config, db, clock)).commands;
            String text = String.join(" ", words).strip();
            Reply reply;
            if (text.startsWith("/meetings")) {
                reply = commands.meetings(userId, text.substring("/meetings".length()));
            } else {
                reply = commands.tasks(userId, text.startsWith("/tasks") ? text.substring("/tasks".length()) : text, "cli:ask");
            }
            spec.commandLine().getOut().println(new TextRenderer().render(reply));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

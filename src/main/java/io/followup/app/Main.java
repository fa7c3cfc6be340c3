package io.followup.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one jar: the CLI verbs and the server. */
@Command(name = "followup", mixinStandardHelpOptions = true, version = "followup 0.1.0",
        description = "Meeting action items from an Obsidian vault, brought to chat.",
        subcommands = {
            // each verb is its own class in this package
            IngestCommand.class, ListCommand.class, MeetingsCommand.class,
            ServeCommand.class, AskCommand.class,
            DigestCommand.class,
        })
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code; expected failures print one clear line, never a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("followup: " + UserMessages.describe(e));
            return 1;
        });
        return cli.execute(args);
    }
}

package io.followup.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code followup serve}: ingests the vault, keeps it in step while serving, and serves Slack (HTTP at
 * /slack/events, or Socket Mode); without Slack credentials it still serves /healthz and watches the vault.
 */
@Command(name = "serve", description = "Serve Slack: POST /slack/events and GET /healthz on $PORT (Socket Mode when SLACK_APP_TOKEN is set;"
        + " without Slack credentials only /healthz).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Serving serving = Serving.start(options.config(), spec.commandLine().getOut())) {
            serving.join();
        }
        return 0;
    }
}

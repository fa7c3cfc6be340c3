package io.followup.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Command-line overrides of the environment's vault, database and people file (a picocli mixin). */
public final class ConfigOptions {

    @Option(names = "--vault", paramLabel = "DIR", description = "Vault folder (default: $FOLLOWUP_VAULT).")
    Path vault;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite file (default: $FOLLOWUP_DB or db/followup.db).")
    Path db;

    @Option(names = "--people", paramLabel = "FILE", description = "People file (default: $FOLLOWUP_PEOPLE).")
    Path people;

    /** The environment's configuration with any option given here taking its place. */
    public Config config() {
        Config c = Wiring.config();
        return new Config(vault != null ? vault : c.vault(), db != null ? db : c.db(), people != null ? people : c.peopleFile(),
                c.fixedToday(), c.zone(), c.digestChannel(), c.digestTime(), c.digestDays(), c.lookaheadDays(), c.admins(),
                c.slackBotToken(), c.slackSigningSecret(), c.slackAppToken(), c.slackApiUrl(), c.port(), c.writeback(), c.rescanSeconds());
    }
}

package io.followup.app;

import io.followup.ingest.Ingester;
import io.followup.ingest.OwnerResolver;
import io.followup.store.Database;
import io.followup.store.IngestStore;
import io.followup.vault.NoteParser;
import java.time.Clock;

/** Builds Followup's objects by hand from the configuration: the one place that knows how they fit together. */
public final class Wiring {

    private Wiring() {
    }

    public static Config config() {
        return Config.fromEnv(System.getenv());
    }

    public static Clock clock(Config config) {
        return Clocks.from(config);
    }

    /** Interim: owners kept as written until the people file reader lands. */
    public static Ingester ingester(Config config, Database db) {
        return new Ingester(config.vault(), db, new NoteParser()::parse, names -> OwnerResolver.asWritten(), clock(config),
                new IngestStore(db));
    }
}

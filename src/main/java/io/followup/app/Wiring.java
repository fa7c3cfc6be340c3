package io.followup.app;

import io.followup.ingest.Ingester;
import io.followup.people.People;
import io.followup.store.Database;
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

    public static People people(Config config) {
        return People.load(config.peopleFile());
    }

    public static Ingester ingester(Config config, Database db) {
        return new Ingester(config.vault(), db, people(config), clock(config));
    }
}

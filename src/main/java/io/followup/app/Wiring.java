package io.followup.app;

import io.followup.ingest.Ingester;
import io.followup.ingest.OwnWritesInStore;
import io.followup.people.People;
import io.followup.store.Database;
import io.followup.store.WritebackStore;
import io.followup.vault.NoteParser;
import io.followup.vault.writeback.PendingWrites;
import io.followup.vault.writeback.WriteBack;
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

    /**
     * Carries chat changes to the notes (recording them as pending when FOLLOWUP_WRITEBACK=off or a note can't be
     * written), and gives the store each note it rewrote, so our own writes are not ingested again.
     */
    public static WriteBack writeBack(Config config, Database db, Clock clock) {
        return new WriteBack(config.vault(), config.writeback(), new WritebackStore(db), clock,
                new OwnWritesInStore(db, new NoteParser()::parse));
    }

    public static PendingWrites pendingWrites(Database db, WriteBack writeBack, Clock clock) {
        return new PendingWrites(new WritebackStore(db), writeBack, clock);
    }
}

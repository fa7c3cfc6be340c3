package io.followup.bench;

import io.followup.ingest.Ingester;
import io.followup.ingest.OwnerResolver;
import io.followup.store.Database;
import io.followup.store.IngestStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Builds an Ingester the way the app does, for the benchmarks and the demo test. Kept here (not in
 * app.Wiring) so the bench does not wait on the app's wiring; switch both when they differ.
 */
public final class BenchWiring {

    private BenchWiring() {
    }

    public static Ingester ingester(Path vault, Database db, Path peopleFile, Clock clock) {
        // TODO(h-reader, h-ingest): NoteParser::parse and People.load(peopleFile) + PersonResolver once they land.
        return new Ingester(vault, db, new InterimNoteReader(), names -> OwnerResolver.asWritten(), clock,
                new IngestStore(db));
    }
}

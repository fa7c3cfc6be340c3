package io.followup.bench;

import io.followup.ingest.Ingester;
import io.followup.ingest.OwnerResolver;
import io.followup.people.People;
import io.followup.people.PersonResolver;
import io.followup.people.Resolved;
import io.followup.store.Database;
import io.followup.store.IngestStore;
import io.followup.vault.NoteParser;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Builds an Ingester as the app should (real NoteParser, owners resolved through the people file), for
 * the benchmarks and the demo test. When app.Wiring resolves owners the same way, this can delegate to it.
 */
public final class BenchWiring {

    private BenchWiring() {
    }

    public static Ingester ingester(Path vault, Database db, Path peopleFileOrNull, Clock clock) {
        People people = People.load(peopleFileOrNull);
        return new Ingester(vault, db, new NoteParser()::parse, names -> owners(people, names), clock, new IngestStore(db));
    }

    static OwnerResolver owners(People people, java.util.Collection<String> knownNames) {
        PersonResolver resolver = new PersonResolver(people, knownNames);
        return (raw, participants) -> {
            Resolved r = resolver.resolve(raw, participants);
            return r.name() == null ? OwnerResolver.Owner.NONE : new OwnerResolver.Owner(r.name(), r.kind());
        };
    }
}

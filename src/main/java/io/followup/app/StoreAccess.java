package io.followup.app;

import io.followup.store.Database;
import io.followup.store.DatabaseFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the database for the read verbs, which never create one. */
final class StoreAccess {

    static final String INGEST_FIRST = "No tasks yet: run `followup ingest` first.";

    private StoreAccess() {
    }

    /** Null when there is no database file yet. */
    static Database openExisting(Path file) {
        return Files.isRegularFile(file) ? open(file) : null;
    }

    /** Opens (creating if needed) the database, naming a damaged file at once. */
    static Database open(Path file) {
        DatabaseFile.problem(file).ifPresent(problem -> {
            throw new Database.StoreException(problem, null);
        });
        return Database.open(file);
    }
}

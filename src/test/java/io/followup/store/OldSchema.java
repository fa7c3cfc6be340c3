package io.followup.store;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A database file as an earlier Followup left it: migrated up to {@code version} only, for a migration test to fill. */
final class OldSchema {

    private OldSchema() {
    }

    /** Migrates {@code file} to {@code version} and gives plain JDBI access to it (no pool, no later migrations). */
    static Jdbi at(Path file, String version) {
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(version).load().migrate();
        return Jdbi.create(url);
    }
}

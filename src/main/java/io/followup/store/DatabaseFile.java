package io.followup.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Checks a database file before opening it, so a damaged file is named at once instead of after the pool's timeout. */
public final class DatabaseFile {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /** Why {@code file} cannot be Followup's database, or empty when it can (or does not exist yet). */
    public static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of("The database " + file + " is a folder: set FOLLOWUP_DB to a file path.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEADER.length);
            if (head.length == 0 || Arrays.equals(head, HEADER)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.of("The database " + file + " cannot be read (" + e.getClass().getSimpleName() + "): check its permissions.");
        }
        return Optional.of("The database " + file + " is damaged or not a Followup database; nothing was changed. "
                + "Move it aside (keep it: it may hold task history) and run `followup ingest` to rebuild it from the vault.");
    }
}

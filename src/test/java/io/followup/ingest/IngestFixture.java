package io.followup.ingest;

import io.followup.store.Database;
import io.followup.store.IngestStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** A temporary vault and database for ingest tests. */
final class IngestFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-10T09:00:00Z"), ZoneOffset.UTC);

    final Path vault;
    final Path dbFile;
    Database db;
    private long mtime = 1_700_000_000_000L;

    IngestFixture(Path dir) {
        this.vault = dir.resolve("vault");
        this.dbFile = dir.resolve("db").resolve("followup.db");
        try {
            Files.createDirectories(vault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.db = Database.open(dbFile);
    }

    Ingester ingester() {
        return ingester(stage -> { });
    }

    Ingester ingester(Consumer<String> checkpoint) {
        return new Ingester(vault, db, new SimpleNoteReader(), names -> OwnerResolver.asWritten(), CLOCK, new IngestStore(db, checkpoint));
    }

    IngestReport ingest() {
        return ingester().ingest();
    }

    /** Writes a note with a fresh, later timestamp (file systems may round mtimes). */
    void write(String relPath, String... lines) {
        try {
            Path file = vault.resolve(relPath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            mtime += 10_000;
            Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relPath) {
        try {
            Files.delete(vault.resolve(relPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts, from now on, the meetings ingests write: merging a date (or a meeting) again deletes its meetings and writes them anew. */
    void countMeetingWrites() {
        db.useWrite(h -> {
            h.execute("CREATE TABLE meetings_written(id TEXT)");
            h.execute("CREATE TRIGGER count_meeting_writes AFTER INSERT ON meetings BEGIN INSERT INTO meetings_written VALUES (new.id); END");
        });
    }

    int meetingWrites() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM meetings_written").mapTo(Integer.class).one());
    }

    void reopenFresh() {
        db.close();
        try {
            Files.delete(dbFile);
            Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + "-wal"));
            Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = Database.open(dbFile);
    }

    @Override
    public void close() {
        db.close();
    }
}

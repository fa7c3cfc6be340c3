package io.followup.vault.writeback;

import io.followup.ingest.Ingester;
import io.followup.ingest.OwnerResolver;
import io.followup.model.Task;
import io.followup.store.Database;
import io.followup.store.IngestStore;
import io.followup.store.TaskStore;
import io.followup.store.WritebackStore;
import io.followup.vault.NoteParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A temporary vault and real SQLite database, ingested with the real Ingester and NoteParser. */
public final class VaultFixture implements AutoCloseable {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-02T09:00:00Z"), ZoneOffset.UTC);

    public final Path vault;
    public final Database db;
    public final TaskStore tasks;
    public final WritebackStore store;
    public final Ingester ingester;

    public VaultFixture(Path dir) {
        this.vault = dir.resolve("vault");
        try {
            Files.createDirectories(vault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.db = Database.open(dir.resolve("followup.db"));
        this.tasks = new TaskStore(db);
        this.store = new WritebackStore(db);
        this.ingester = new Ingester(vault, db, new NoteParser()::parse, names -> OwnerResolver.asWritten(), CLOCK,
                new IngestStore(db));
    }

    public Path write(String relPath, byte[] bytes) {
        try {
            Path file = vault.resolve(relPath);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] read(String relPath) {
        try {
            return Files.readAllBytes(vault.resolve(relPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void ingest() {
        ingester.ingest();
    }

    /** The one task whose description contains {@code words}. */
    public Task task(String words) {
        return tasks.all().stream().filter(t -> t.description().contains(words)).reduce((a, b) -> {
            throw new AssertionError("more than one task matches " + words);
        }).orElseThrow(() -> new AssertionError("no task matches " + words + " in " + tasks.all()));
    }

    @Override
    public void close() {
        db.close();
    }
}

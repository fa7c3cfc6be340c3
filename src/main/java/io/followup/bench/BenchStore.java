package io.followup.bench;

import io.followup.ingest.IngestReport;
import io.followup.ingest.Ingester;
import io.followup.people.People;
import io.followup.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;

/**
 * The benchmarks' store: the generated vault in {@code WORK/vault} (generated with GenVault when absent, else
 * reused as it is) ingested by the production Ingester into {@code WORK/bench-store.db} (incremental when that
 * file exists). Benchmarks that change tasks work on a copy, so the store stays as ingested.
 */
final class BenchStore {

    /** Where things are, and what preparing them cost. */
    record Prepared(Path work, Path vault, Path people, Path db, boolean generated, double genSecs, IngestReport ingest,
                    double ingestSecs, boolean tempWork) {

        String describe() {
            return String.format(Locale.ROOT, "%s vault of %,d notes (%s), ingested by the production Ingester in %.1f s (%s)",
                    generated ? "generated" : "reused", ingest.notes(), vault,
                    ingestSecs, ingest.parsed() == 0 ? "store reused, nothing changed" : ingest.parsed() + " notes parsed");
        }
    }

    private BenchStore() {
    }

    /** {@code workDir} null: a new temp dir (the caller removes it when {@code tempWork}). */
    static Prepared prepare(Path workDir, int notes, long seed, String who) throws IOException {
        boolean temp = workDir == null;
        Path work = temp ? Files.createTempDirectory("followup-bench") : workDir;
        Files.createDirectories(work);
        Path vault = work.resolve("vault");
        Path people = vault.resolve("people.yml");
        boolean generated = false;
        double genSecs = 0;
        if (!Files.isRegularFile(people)) {
            System.err.printf(Locale.ROOT, "%s: generating %,d notes in %s ...%n", who, notes, vault);
            long t0 = System.nanoTime();
            GenVault.generate(vault, notes, seed);
            genSecs = (System.nanoTime() - t0) / 1e9;
            generated = true;
        } else {
            System.err.println(who + ": reusing the vault in " + vault);
        }
        Path db = work.resolve("bench-store.db");
        System.err.println(who + ": ingesting into " + db + " ...");
        long t0 = System.nanoTime();
        IngestReport report;
        try (Database d = Database.open(db)) {
            report = new Ingester(vault, d, People.load(people), Clock.systemUTC()).ingest();
        }
        double ingestSecs = (System.nanoTime() - t0) / 1e9;
        return new Prepared(work, vault, people, db, generated, genSecs, report, ingestSecs, temp);
    }

    /** A copy of the ingested store to change freely. */
    static Path copy(Prepared p, String name) throws IOException {
        Path target = p.work().resolve(name);
        deleteDb(target);
        Files.copy(p.db(), target, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = p.db().resolveSibling(p.db().getFileName() + suffix);
            if (Files.exists(side)) {
                Files.copy(side, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    static void deleteDb(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-journal"));
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    static Path workDirFromEnv() {
        String given = System.getenv("BENCH_DIR");
        return given == null || given.isBlank() ? null : Path.of(given);
    }
}

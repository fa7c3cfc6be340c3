package io.followup.ingest;

import io.followup.store.IngestBatch;
import io.followup.store.IngestStore;
import io.followup.store.IngestTiming;
import io.followup.store.NoteFingerprint;
import io.followup.vault.ParsedNote;
import io.followup.vault.Warning;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the files whose size or timestamp changed, on two threads: a file whose bytes hash as before is
 * only touched, any other is parsed. A file that cannot be read or parsed becomes a warning.
 */
final class ChangedFiles {

    /** What reading one file gave. */
    sealed interface Outcome permits Parsed, Touched, Failed {
    }

    record Parsed(IngestStore.NoteRow row) implements Outcome {
    }

    record Touched(NoteFingerprint fingerprint) implements Outcome {
    }

    record Failed(Warning warning) implements Outcome {
    }

    private static final int THREADS = 2;
    private static final boolean TIMING = IngestTiming.ON;
    private static final long STACK_BYTES = 256L << 20;

    private final NoteReader reader;

    ChangedFiles(NoteReader reader) {
        this.reader = reader;
    }

    /** Parsed files in flight at most: bounds the memory held by notes read but not yet written. */
    private static final int WINDOW = 16;

    /**
     * Reads the files on two threads and hands each outcome to {@code sink} on the calling thread, in
     * the order of {@code files}, while later files are still being read.
     */
    void read(List<VaultFiles.File> files, Map<String, NoteFingerprint> known, IngestProgress progress, Consumer<Outcome> sink) {
        if (files.isEmpty()) {
            return;
        }
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong readerCpu = new java.util.concurrent.atomic.AtomicLong();
        long waitNs = 0;
        long sinkNs = 0;
        AtomicInteger threadNo = new AtomicInteger();
        // Deeply nested notes recurse deeply: parser threads get a large stack.
        ExecutorService pool = Executors.newFixedThreadPool(THREADS,
                r -> {
                    Thread t = new Thread(null, r, "ingest-" + threadNo.incrementAndGet(), STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                });
        try {
            ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < files.size(); i++) {
                while (next < files.size() && inFlight.size() < WINDOW) {
                    VaultFiles.File f = files.get(next++);
                    inFlight.add(pool.submit(() -> {
                        long c0 = TIMING ? IngestTiming.cpuNs() : 0;
                        Outcome o = readOne(f, known.get(f.relPath()));
                        if (TIMING) {
                            readerCpu.addAndGet(IngestTiming.cpuNs() - c0);
                        }
                        progress.update(done.incrementAndGet(), files.size());
                        return o;
                    }));
                }
                long t0 = System.nanoTime();
                Outcome o = await(inFlight.poll(), files.get(i));
                long t1 = System.nanoTime();
                sink.accept(o);
                waitNs += t1 - t0;
                sinkNs += System.nanoTime() - t1;
            }
            if (TIMING) {
                System.err.printf("ingest phase: %-40s %6d ms%n", "(notes: waiting for parsers)", waitNs / 1_000_000);
                System.err.printf("ingest phase: %-40s %6d ms%n", "(notes: writing)", sinkNs / 1_000_000);
                System.err.printf("ingest phase: %-40s %6d ms%n", "(notes: reading+parsing, cpu of all readers)", readerCpu.get() / 1_000_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome await(Future<Outcome> future, VaultFiles.File f) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("Ingest interrupted while reading " + f.relPath());
        } catch (ExecutionException e) {
            return new Failed(new Warning(f.relPath(), 0, "skipped: " + e.getCause()));
        }
    }

    private Outcome readOne(VaultFiles.File f, NoteFingerprint before) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f.file());
        } catch (Exception | OutOfMemoryError e) {
            return new Failed(new Warning(f.relPath(), 0, "skipped, cannot be read: " + e.getClass().getSimpleName()));
        }
        String hash = ContentHash.of(bytes);
        // Same length and same fingerprint: the same bytes under a new timestamp.
        if (before != null && before.size() == bytes.length && before.hash().equals(hash)) {
            return new Touched(new NoteFingerprint(f.relPath(), f.size(), f.mtimeMs(), hash, before.date(), before.meeting()));
        }
        try {
            ParsedNote note = reader.parse(f.relPath(), bytes);
            return new Parsed(IngestStore.row(new IngestBatch.NoteWrite(note, f.size(), f.mtimeMs(), hash)));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Failed(new Warning(f.relPath(), 0, "skipped, could not be parsed: " + e.getClass().getSimpleName()));
        }
    }
}

package io.followup.bench;

import io.followup.ingest.IngestReport;
import io.followup.ingest.Ingester;
import io.followup.people.People;
import io.followup.store.Database;
import io.followup.store.TaskStore;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * The measured half of IngestBench, run in its own JVM so its heap cap and RSS are the ingest's:
 * {@code IngestBenchChild VAULT DB PEOPLE}. Prints {@code RESULT key=value} lines.
 */
public final class IngestBenchChild {

    private IngestBenchChild() {
    }

    public static void main(String[] args) {
        Path vault = Path.of(args[0]);
        Path dbFile = Path.of(args[1]);
        Path people = Path.of(args[2]);
        try (Database db = Database.open(dbFile)) {
            Ingester ingester = new Ingester(vault, db, People.load(Files.exists(people) ? people : null), Clock.systemUTC());
            TaskStore tasks = new TaskStore(db);

            resetPeaks();
            long cpu0 = processCpuMs();
            long t0 = System.nanoTime();
            IngestReport cold = ingester.ingest();
            result("cold_ms", ms(t0));
            result("cold_cpu_ms", processCpuMs() - cpu0);
            long coldPeak = peakHeapMb();
            result("cold_heap_mb", coldPeak);
            System.gc();
            result("retained_heap_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            result("notes", cold.notes());
            result("parsed", cold.parsed());
            result("meetings", cold.meetings());
            result("tasks", cold.tasks());
            result("warnings", cold.warnings().size());
            result("task_lines", countTaskSources(db));

            resetPeaks();
            t0 = System.nanoTime();
            IngestReport again = ingester.ingest();
            result("reingest_ms", ms(t0));
            result("reingest_parsed", again.parsed());

            List<String> paths = someNotes(vault);
            for (String p : paths) {
                Path f = vault.resolve(p);
                originals.add(new Original(f, Files.readAllBytes(f), Files.getLastModifiedTime(f)));
            }
            int before = tasks.count();
            t0 = System.nanoTime();
            appendTask(vault.resolve(paths.get(0)), "Benchmark edit one");
            ingester.ingestPaths(List.of(paths.get(0)));
            result("edit_paths_ms", ms(t0));
            result("edit_paths_reflected", tasks.search("Benchmark edit one", 5).size() == 1 && tasks.count() == before + 1);

            t0 = System.nanoTime();
            appendTask(vault.resolve(paths.get(1)), "Benchmark edit two");
            IngestReport full = ingester.ingest();
            result("edit_full_ms", ms(t0));
            result("edit_full_parsed", full.parsed());
            result("edit_full_reflected", tasks.search("Benchmark edit two", 5).size() == 1);

            result("peak_heap_mb", Math.max(coldPeak, peakHeapMb()));
            long gcCount = 0;
            long gcMs = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMs += Math.max(0, gc.getCollectionTime());
            }
            result("gc_count", gcCount);
            result("gc_ms", gcMs);
        } catch (Throwable e) {
            result("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            e.printStackTrace();
            restore(originals);
            System.exit(1);
        }
        restore(originals);
    }

    /** An edited note's bytes and timestamp before the edit: put back, so the vault can be read again by a later run. */
    private record Original(Path file, byte[] bytes, java.nio.file.attribute.FileTime mtime) {
    }

    private static final List<Original> originals = new java.util.ArrayList<>();

    private static void restore(List<Original> edited) {
        for (Original o : edited) {
            try {
                Files.write(o.file(), o.bytes());
                Files.setLastModifiedTime(o.file(), o.mtime());
            } catch (java.io.IOException e) {
                System.err.println("IngestBenchChild: could not undo the edit of " + o.file() + ": " + e);
            }
        }
    }

    private static long countTaskSources(Database db) {
        return new io.followup.store.NoteStore(db).taskLineCount();
    }

    /** Two notes to edit, the same ones on every run. */
    private static List<String> someNotes(Path vault) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(vault)) {
            List<String> all = s.filter(p -> p.toString().endsWith(".md")).map(p -> vault.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            return List.of(all.get(all.size() / 3), all.get(2 * all.size() / 3));
        }
    }

    private static void appendTask(Path note, String text) throws java.io.IOException {
        String line = "\n- [ ] " + text + " @Priya Raman 📅 2026-03-05\n";
        Files.write(note, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** CPU time of the whole JVM so far (every thread: readers, writer, merge, GC, JIT), or -1. */
    private static long processCpuMs() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + String.valueOf(value).replace('\n', ' '));
        System.out.flush();
    }

}

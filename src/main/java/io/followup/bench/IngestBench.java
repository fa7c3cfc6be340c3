package io.followup.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ingest benchmark: generates a vault (BENCH_NOTES notes, default 10,000), ingests it in a child JVM
 * capped at BENCH_XMX (default 512m) — cold, again with nothing changed, one edited note through
 * {@code ingestPaths} and through a full {@code ingest} — and prints the times, the peak heap and max
 * RSS next to {@code grep -c '\- \['} over the same files, as a Markdown table with the machine it ran on.
 * Environment: BENCH_NOTES, BENCH_SEED, BENCH_XMX, BENCH_DIR (kept when given; else a temp dir, removed);
 * BENCH_REUSE=1 (with BENCH_DIR) reads the vault generated there by an earlier run (the child undoes its edits);
 * The child JVM gets the flags `followup ingest` gets (FOLLOWUP_INGEST_CHILD_JAVA_OPTS, which scripts/bench sets from scripts/lib/common.sh).
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int notes = Integer.parseInt(env("BENCH_NOTES", "10000"));
        long seed = Long.parseLong(env("BENCH_SEED", Long.toString(GenVault.DEFAULT_SEED)));
        String xmx = env("BENCH_XMX", "512m");
        String given = System.getenv("BENCH_DIR");
        Path work = given == null || given.isBlank() ? Files.createTempDirectory("followup-bench") : Path.of(given);
        Path vault = work.resolve("vault");
        Path db = work.resolve("bench.db");
        try {
            Files.deleteIfExists(db);
            Files.deleteIfExists(work.resolve("bench.db-wal"));
            Files.deleteIfExists(work.resolve("bench.db-shm"));
            // BENCH_REUSE=1 with BENCH_DIR: the vault generated there before (same notes and seed) is read again.
            Path summaryFile = work.resolve("vault.summary");
            String wanted = notes + " " + seed;
            GenVault.Summary gen;
            double genSecs;
            String[] kept = "1".equals(System.getenv("BENCH_REUSE")) && Files.exists(summaryFile) && Files.isDirectory(vault)
                    ? Files.readString(summaryFile).strip().split(" ") : new String[0];
            if (kept.length == 5 && (kept[0] + " " + kept[1]).equals(wanted)) {
                System.err.printf(Locale.ROOT, "IngestBench: reusing the %,d notes in %s%n", notes, vault);
                gen = new GenVault.Summary(notes, Long.parseLong(kept[2]), Long.parseLong(kept[3]));
                genSecs = Double.parseDouble(kept[4]);
            } else {
                deleteTree(vault);
                Files.deleteIfExists(summaryFile);
                System.err.printf(Locale.ROOT, "IngestBench: generating %,d notes in %s ...%n", notes, vault);
                long t0 = System.nanoTime();
                gen = GenVault.generate(vault, notes, seed);
                genSecs = (System.nanoTime() - t0) / 1e9;
                Files.writeString(summaryFile, wanted + " " + gen.bytes() + " " + gen.taskLines() + " " + genSecs);
            }

            System.err.println("IngestBench: ingesting in a child JVM (-Xmx" + xmx + ") ...");
            String load = MachineLoad.loadAverages();
            Child child = runChild(vault, db, xmx);
            System.err.println("IngestBench: grep ...");
            Grep grep = grep(vault);

            System.out.print(Report.markdown(Machine.describe(), gen, genSecs, child.results(), child.maxRssKb(), grep,
                    Files.size(db), xmx, child.flags(), load));
            if (!child.ok()) {
                System.err.println("IngestBench: the child JVM failed (exit " + child.exit() + "):\n" + child.stderr());
                System.exit(1);
            }
        } finally {
            if (given == null || given.isBlank()) {
                deleteTree(work);
            }
        }
    }

    /** What the child JVM reported ({@code RESULT key=value} lines), its max RSS and how it ended. */
    record Child(Map<String, String> results, long maxRssKb, int exit, String stderr, String flags) {
        boolean ok() {
            return exit == 0 && !results.containsKey("error");
        }
    }

    /** Lines matching {@code - [} counted by grep, and how long grep took. */
    record Grep(long lines, double seconds) {
    }

    private static Child runChild(Path vault, Path db, String xmx) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        boolean timeV = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timeV) {
            cmd.addAll(List.of("/usr/bin/time", "-v"));
        }
        cmd.add(java);
        // The JVM flags `followup ingest` gets, as scripts/bench hands them over (java_opts_for ingest in
        // scripts/lib/common.sh, the one place their rules live), so the child measures what users get.
        List<String> flags = new ArrayList<>();
        String opts = System.getenv("FOLLOWUP_INGEST_CHILD_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            flags.addAll(List.of(opts.strip().split("\\s+")));
        }
        flags.add("-Xmx" + xmx);
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                IngestBenchChild.class.getName(), vault.toString(), db.toString(), vault.resolve("people.yml").toString()));
        Path err = Files.createTempFile("ingest-bench", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String stderr = Files.readString(err);
            Map<String, String> results = new LinkedHashMap<>();
            out.lines().filter(l -> l.startsWith("RESULT ")).forEach(l -> {
                int eq = l.indexOf('=');
                results.put(l.substring(7, eq), l.substring(eq + 1));
            });
            long rss = stderr.lines().filter(l -> l.contains("Maximum resident set size"))
                    .map(l -> l.substring(l.lastIndexOf(':') + 1).strip()).mapToLong(Long::parseLong).findFirst().orElse(-1);
            return new Child(results, rss, exit, stderr, String.join(" ", flags));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** {@code grep -c '\- \['} over every note (summed), the same files the ingest read. */
    static Grep grep(Path vault) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("grep", "-r", "-c", "--include=*.md", "\\- \\[", vault.toString())
                .redirectErrorStream(true).start();
        long lines = 0;
        for (String l : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int colon = l.lastIndexOf(':');
            if (colon > 0) {
                try {
                    lines += Long.parseLong(l.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    // a grep message, not a count
                }
            }
        }
        p.waitFor(1, TimeUnit.MINUTES);
        return new Grep(lines, (System.nanoTime() - t0) / 1e9);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.followup.bench;

import java.util.Locale;
import java.util.Map;

/** Renders IngestBench's numbers as Markdown: the machine, then one table. */
final class Report {

    private Report() {
    }

    static String markdown(Machine m, GenVault.Summary gen, double genSecs, Map<String, String> r, long maxRssKb,
                           IngestBench.Grep grep, long dbBytes, String xmx, String flags, String load) {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(m.cpus()).append(" CPUs (nproc), ").append(m.cpuModel()).append(", ")
                .append(m.memory()).append(" RAM, ").append(m.os()).append(", load average ").append(load)
                .append(" (1 / 5 / 15 min) as the ingest started  \n");
        sb.append("Java: ").append(m.java()).append("  \n");
        sb.append("Command: `").append(gen.notes() == 10_000 ? "" : "BENCH_NOTES=" + gen.notes() + " ").append("scripts/bench ingest`  \n");
        sb.append("Ingest JVM: `java ").append(flags).append("` (run by scripts/bench: the flags `followup ingest` gets)  \n");
        sb.append(String.format(Locale.ROOT, "Vault: %,d generated notes, %.1f MB, %,d task lines (scripts/gen-vault, %.1f s)%n%n",
                gen.notes(), gen.bytes() / 1e6, gen.taskLines(), genSecs));
        sb.append("| measure | Followup | `grep -c '\\- \\['` over the same files |\n");
        sb.append("|---|---|---|\n");
        row(sb, "cold ingest (empty database)", secs(r.get("cold_ms")), String.format(Locale.ROOT, "%.2f s", grep.seconds()));
        row(sb, "CPU time of the cold ingest (all threads, GC and JIT included)", secs(r.get("cold_cpu_ms")), "");
        row(sb, "re-ingest, nothing changed", secs(r.get("reingest_ms")) + parsed(r.get("reingest_parsed")), "");
        row(sb, "one note edited, `ingestPaths`", millis(r.get("edit_paths_ms")) + reflected(r.get("edit_paths_reflected")), "");
        row(sb, "one note edited, full `ingest`", millis(r.get("edit_full_ms")) + parsed(r.get("edit_full_parsed"))
                + reflected(r.get("edit_full_reflected")), "");
        row(sb, "peak heap, cold ingest (-Xmx" + xmx + ")", mb(r.get("cold_heap_mb")), "");
        row(sb, "heap in use after the cold ingest and a GC", mb(r.get("retained_heap_mb")), "");
        row(sb, "peak heap, whole run / GCs", mb(r.get("peak_heap_mb")) + " / " + or(r.get("gc_count")) + " GCs, "
                + or(r.get("gc_ms")) + " ms", "");
        row(sb, "max RSS of the ingest JVM", maxRssKb < 0 ? "n/a (no /usr/bin/time)" : (maxRssKb / 1024) + " MB", "");
        row(sb, "task lines found", or(r.get("task_lines")) + " (" + or(r.get("tasks")) + " distinct tasks, "
                + or(r.get("meetings")) + " meetings)", String.format(Locale.ROOT, "%,d lines (transcripts included)", grep.lines()));
        row(sb, "notes / warnings", or(r.get("notes")) + " / " + or(r.get("warnings")), "");
        row(sb, "database size", String.format(Locale.ROOT, "%.1f MB", dbBytes / 1e6), "");
        if (r.containsKey("error")) {
            sb.append("\nThe ingest failed: ").append(r.get("error")).append('\n');
        }
        if (gen.notes() != 10_000) {
            sb.append("\n(The targets are set for 10,000 notes; this run read ").append(gen.notes()).append(".)\n");
            return sb.toString();
        }
        sb.append("\n| target (issue 2, 10,000 notes) | result | goal | verdict |\n|---|---|---|---|\n");
        target(sb, "cold ingest", secs(r.get("cold_ms")), "≤ 5 s", r.get("cold_ms"), 5_000);
        target(sb, "re-ingest, nothing changed", secs(r.get("reingest_ms")), "≤ 1 s", r.get("reingest_ms"), 1_000);
        target(sb, "one edited note reflected (`ingestPaths`)", millis(r.get("edit_paths_ms")), "≤ 100 ms", r.get("edit_paths_ms"), 100);
        target(sb, "one edited note reflected (full `ingest`)", millis(r.get("edit_full_ms")), "≤ 100 ms", r.get("edit_full_ms"), 100);
        target(sb, "peak heap", mb(r.get("peak_heap_mb")), "≤ 512 MB", r.get("peak_heap_mb"), 512);
        return sb.toString();
    }

    private static void target(StringBuilder sb, String what, String result, String goal, String value, long limit) {
        String verdict = value == null ? "n/a" : Long.parseLong(value) <= limit ? "met" : "**MISSED**";
        sb.append("| ").append(what).append(" | ").append(result).append(" | ").append(goal).append(" | ").append(verdict).append(" |\n");
    }

    private static void row(StringBuilder sb, String what, String followup, String grep) {
        sb.append("| ").append(what).append(" | ").append(followup).append(" | ").append(grep).append(" |\n");
    }

    private static String secs(String ms) {
        return ms == null ? "n/a" : String.format(Locale.ROOT, "%.2f s", Long.parseLong(ms) / 1000.0);
    }

    private static String millis(String ms) {
        return ms == null ? "n/a" : ms + " ms";
    }

    private static String mb(String v) {
        return v == null ? "n/a" : v + " MB";
    }

    private static String parsed(String n) {
        return n == null ? "" : " (" + n + " parsed)";
    }

    private static String reflected(String ok) {
        return ok == null ? "" : "true".equals(ok) ? ", change visible" : ", CHANGE NOT VISIBLE";
    }

    private static String or(String v) {
        return v == null ? "n/a" : v;
    }
}

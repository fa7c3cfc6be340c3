package io.followup.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ingest benchmark's table: the measures, the CPU time, and a verdict per target only for the 10,000 notes they are set for. */
class IngestReportTest {

    private static final Machine MACHINE = new Machine(2, "cpu", "1 GB", "os", "java");
    private static final Map<String, String> RESULTS = Map.of("cold_ms", "6000", "cold_cpu_ms", "9500", "reingest_ms", "120",
            "edit_paths_ms", "45", "edit_full_ms", "140", "peak_heap_mb", "300", "notes", "10000");

    private static String report(int notes) {
        return Report.markdown(MACHINE, new GenVault.Summary(notes, 1_000_000, 100), 1.0, RESULTS, 400_000,
                new IngestBench.Grep(100, 0.2), 1_000_000, "512m", "-XX:TieredStopAtLevel=1 -Xmx512m", "1.00 / 0.50 / 0.20");
    }

    @Test
    void each_target_gets_a_verdict_on_10000_notes() {
        String md = report(10_000);
        assertTrue(md.contains("| cold ingest | 6.00 s | ≤ 5 s | **MISSED** |"), md);
        assertTrue(md.contains("| re-ingest, nothing changed | 0.12 s | ≤ 1 s | met |"), md);
        assertTrue(md.contains("| one edited note reflected (`ingestPaths`) | 45 ms | ≤ 100 ms | met |"), md);
        assertTrue(md.contains("| one edited note reflected (full `ingest`) | 140 ms | ≤ 100 ms | **MISSED** |"), md);
        assertTrue(md.contains("| CPU time of the cold ingest (all threads, GC and JIT included) | 9.50 s |"), md);
        assertTrue(md.contains("load average 1.00 / 0.50 / 0.20") && md.contains("`java -XX:TieredStopAtLevel=1 -Xmx512m`"), md);
    }

    @Test
    void a_smaller_vault_is_measured_but_not_judged() {
        String md = report(300);
        assertFalse(md.contains("verdict"), md);
        assertTrue(md.contains("this run read 300") && md.contains("Command: `BENCH_NOTES=300 scripts/bench ingest`"), md);
    }
}

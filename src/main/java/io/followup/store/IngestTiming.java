package io.followup.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Whether an ingest prints its per-phase times (the system property followup.ingest.timing, set by benchmarks), and
 * the thread CPU clock they are taken with: one switch for the ingest and its store.
 */
public final class IngestTiming {

    public static final boolean ON = System.getProperty("followup.ingest.timing") != null;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IngestTiming() {
    }

    /** This thread's CPU time so far. */
    public static long cpuNs() {
        return THREADS.getCurrentThreadCpuTime();
    }
}

package io.followup.bench;

import java.util.Arrays;

/** Latency samples (nanoseconds), thread-safe to add; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] samples = new long[1024];
    private int n;

    synchronized void add(long nanos) {
        if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
        }
        samples[n++] = nanos;
    }

    synchronized int count() {
        return n;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds; NaN when empty. */
    synchronized double percentileMs(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMs() {
        long max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, samples[i]);
        }
        return n == 0 ? Double.NaN : max / 1e6;
    }
}

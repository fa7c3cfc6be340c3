package io.followup.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * How fast the machine is right now: the CPU time one thread takes for two fixed pieces of work, one that fits in a
 * CPU's own caches (sorting and hashing) and one that does not (random reads over 16 MB). On a virtual machine the same
 * code takes more CPU time while other guests share the host, and the guest is not told (no steal time here), so two
 * runs' numbers can only be compared when these are about the same in both. Stop 21: the Slack bench's CPU per request
 * went from 2.0 to 2.8 ms and back between runs of the same code; the reads over 16 MB took 20-68 ms before the runs
 * that met or nearly met the p99 target and 112-158 ms before the slow ones, where sorting and hashing moved less
 * (78-117 ms against 106-155 ms): what other guests take most is the shared cache.
 */
final class MachineSpeed {

    private static final int ROUNDS = 8;
    private static final int WARM_ROUNDS = 2;
    /** 16 MB of ints: more than a core's L2, so the reads' speed is the shared L3's and memory's. */
    private static final int CHASED = 1 << 22;
    private static final int CHASE_STEPS = 1 << 20;
    /**
     * The JVM the work runs in: C1 only, which compiles it within the first rounds. In the bench's own JVM, rounds took
     * 200-370 ms for 15 rounds (C1's profiling code) before C2's took 100-150 ms; there, the number said more about the
     * JIT's progress than about the machine.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m");

    /** Median CPU ms of each piece of work; NaN where it could not be timed. */
    record Speed(double computeMs, double memoryMs) {
        static final Speed UNKNOWN = new Speed(Double.NaN, Double.NaN);
    }

    private MachineSpeed() {
    }

    /** Prints {@link #measure()}: the bench runs this in a JVM of its own (JVM_FLAGS). */
    public static void main(String[] args) {
        Speed s = measure();
        System.out.println(String.format(Locale.ROOT, "%.1f %.1f", s.computeMs(), s.memoryMs()));
    }

    /** {@link #measure()} in a new JVM (JVM_FLAGS); UNKNOWN when that JVM could not tell. */
    static Speed inChildJvm() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MachineSpeed.class.getName()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
            return p.waitFor() == 0 && out.length == 2 ? new Speed(Double.parseDouble(out[0]), Double.parseDouble(out[1])) : Speed.UNKNOWN;
        } catch (IOException | NumberFormatException e) {
            return Speed.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Speed.UNKNOWN;
        }
    }

    static Speed measure() {
        int[] cycle = cycle(CHASED);
        return new Speed(medianCpuMillis(MachineSpeed::compute), medianCpuMillis(() -> chase(cycle, CHASE_STEPS)));
    }

    /** The median CPU time of the work, in ms, over a few rounds after the first ones (which warm the JIT up). */
    private static double medianCpuMillis(LongSupplier work) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] ms = new double[ROUNDS - WARM_ROUNDS];
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += work.getAsLong();
            if (round >= WARM_ROUNDS) {
                ms[round - WARM_ROUNDS] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("the work's result was lost"); // (and its use keeps the JIT from dropping it)
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /** The sentence the reports print: the work's CPU time before and after a run. */
    static String line(Speed before, Speed after) {
        return String.format(Locale.ROOT, "Machine speed (MachineSpeed, CPU time of one thread, median of %d rounds in a JVM of its own; "
                        + "the same work taking longer means a slower machine, as when other guests share the host): sorting and hashing "
                        + "took %s before the run and %s after it; %,d random reads over 16 MB took %s before and %s after",
                ROUNDS - WARM_ROUNDS, ms(before.computeMs()), ms(after.computeMs()), CHASE_STEPS, ms(before.memoryMs()), ms(after.memoryMs()));
    }

    private static String ms(double ms) {
        return Double.isNaN(ms) ? "(not timed)" : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** Sorting and hashing pseudo-random data in blocks of 512 KB: branches and allocation, within a core's caches. */
    static long compute() {
        SplittableRandom random = new SplittableRandom(21);
        long result = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (int block = 0; block < 16; block++) {
            long[] numbers = new long[1 << 16];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = random.nextLong();
            }
            Arrays.sort(numbers);
            for (int i = 0; i < 12_500; i++) {
                counts.merge(Long.toString(Math.floorMod(numbers[i * 5], 60_000L), 36), 1, Integer::sum);
            }
            result ^= numbers[numbers.length / 2];
        }
        return result ^ counts.size();
    }

    /** One cycle through all of 0..n-1 in a random order (Sattolo's shuffle), as "next index" links. */
    static int[] cycle(int n) {
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i;
        }
        SplittableRandom random = new SplittableRandom(21);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
        return next;
    }

    /** Follows the links for so many steps: each read waits for the one before, so its cost is the memory's. */
    static long chase(int[] next, int steps) {
        int at = 0;
        long sum = 0;
        for (int s = 0; s < steps; s++) {
            at = next[at];
            sum += at;
        }
        return sum + 1;
    }
}

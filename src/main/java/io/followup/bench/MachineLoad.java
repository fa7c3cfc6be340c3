package io.followup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine is, measured rather than assumed: the 1-minute load average, and CPU time (Linux /proc) of
 * the whole machine, of one process, and of this JVM, so a report can say who used the CPUs during a run.
 * Everything is NaN / -1 where /proc is not there.
 */
final class MachineLoad {

    /** Clock ticks per second of /proc/stat and /proc/PID/stat; 100 on every Linux this runs on (USER_HZ). */
    private static final double TICKS = 100.0;

    private MachineLoad() {
    }

    /** The 1-minute load average (/proc/loadavg), NaN when unknown. */
    static double loadAverage1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One line for a report: "1-minute load average 2.31 before the run". */
    static String loadLine(String when) {
        double l = loadAverage1();
        return Double.isNaN(l) ? "" : String.format(Locale.ROOT, "1-minute load average %.2f %s", l, when);
    }

    /** CPU seconds used by all CPUs of the machine so far (busy time: not idle, not waiting for I/O). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system CPU seconds of a process so far, -1 when unknown (it ended, or no /proc). */
    static double processCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces: fields are counted from after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // fields 14 and 15 of the whole line
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A snapshot of the three CPU counters; differences of two say who used the CPUs between them. */
    record Cpu(double machine, double server, double bench, long nanos) {

        static Cpu now(long serverPid) {
            return new Cpu(machineBusySeconds(), processCpuSeconds(serverPid), processCpuSeconds(ProcessHandle.current().pid()),
                    System.nanoTime());
        }

        /** Seconds of server CPU from {@code earlier} to this one. */
        double serverSince(Cpu earlier) {
            return server - earlier.server;
        }

        /** "2 CPUs 93% busy: serve 61%, the benchmark's clients and fake Slack 27%, other processes 5%", or empty. */
        String share(Cpu earlier, int cpus) {
            double wall = (nanos - earlier.nanos) / 1e9;
            if (machine < 0 || server < 0 || bench < 0 || wall <= 0) {
                return "";
            }
            double all = (machine - earlier.machine) / (wall * cpus) * 100;
            double srv = (server - earlier.server) / (wall * cpus) * 100;
            double bch = (bench - earlier.bench) / (wall * cpus) * 100;
            return String.format(Locale.ROOT, "the %d CPUs were %.0f%% busy: serve %.0f%%, the benchmark's clients and fake Slack %.0f%%, "
                    + "other processes %.0f%%", cpus, all, srv, bch, Math.max(0, all - srv - bch));
        }
    }
}

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
        String[] f = loadavg();
        return f.length == 0 ? Double.NaN : Double.parseDouble(f[0]);
    }

    /** The 1, 5 and 15 minute load averages (the machine may be shared), or "unknown". */
    static String loadAverages() {
        String[] f = loadavg();
        return f.length < 3 ? "unknown" : f[0] + " / " + f[1] + " / " + f[2];
    }

    private static String[] loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
        } catch (IOException | RuntimeException e) {
            return new String[0];
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

    /** The group of the JIT compiler threads. */
    static final String JIT = "JIT compilers";

    /** The groups of a serve process's threads that {@link #threadCpu} adds up, in report order. */
    static final java.util.List<String> THREAD_GROUPS = java.util.List.of("HTTP (Jetty, Bolt, ack)", "commands", "after the ack",
            "vault watcher + ingest", "GC + VM", JIT, "other");

    /** CPU seconds of a process's threads so far, added up by {@link #THREAD_GROUPS} (Linux thread names); empty when unknown. */
    static java.util.Map<String, Double> threadCpu(long pid) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        THREAD_GROUPS.forEach(g -> out.put(g, 0.0));
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
                    out.merge(group(name), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return out;
    }

    /** Linux keeps 15 characters of a thread's name. */
    private static String group(String name) {
        if (name.startsWith("qtp") || name.startsWith("Scheduler")) {
            return "HTTP (Jetty, Bolt, ack)";
        }
        if (name.startsWith("followup-comma")) {
            return "commands";
        }
        if (name.startsWith("followup-slack") || name.startsWith("followup-home") || name.startsWith("OkHttp") || name.startsWith("Okio")) {
            return "after the ack";
        }
        if (name.startsWith("vault-watcher") || name.startsWith("ingest") || name.startsWith("FileSystemWatch")) {
            return "vault watcher + ingest";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") || name.startsWith("Sweeper")) {
            return JIT;
        }
        if (name.startsWith("VM ") || name.startsWith("GC ") || name.startsWith("Signal") || name.startsWith("Service")) {
            return "GC + VM";
        }
        return "other";
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

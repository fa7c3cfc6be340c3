package io.followup.bench;

import java.util.List;
import java.util.Locale;

/** Markdown for the Slack and digest benchmarks: the command and machine lines, then a table. */
final class Tables {

    private Tables() {
    }

    static String header(String command, Machine m) {
        return "Command: `" + command + "`  \n"
                + "Machine: " + m.cpus() + " CPUs (nproc), " + m.cpuModel() + ", " + m.memory() + " RAM, " + m.os() + "  \n"
                + "Java: " + m.java() + "  \n";
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis) : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**MISSED**";
    }
}

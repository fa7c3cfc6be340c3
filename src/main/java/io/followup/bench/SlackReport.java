package io.followup.bench;

import io.followup.bench.SlackBench.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SlackBench's numbers as Markdown: how it ran, the throughput and latency tables, CPU per request, the targets. */
final class SlackReport {

    /** One run, as measured. */
    record Run(SlackBench.Options o, BenchStore.Prepared store, int edited, int openOfUser, double startupSeconds,
               SlackBench.Measured m, SlackBench.Clicks clicks, ServeProcess.Logged logged, String loadBefore, String loadAfter,
               String speed, FakeSlack fake, Path serverLog) {
    }

    private SlackReport() {
    }

    static String markdown(Run r) {
        SlackBench.Options o = r.o();
        SlackBench.Measured m = r.m();
        Machine machine = Machine.describe();
        StringBuilder sb = new StringBuilder(Tables.header(o.command() + envNote(o), machine));
        List<String> load = new ArrayList<>();
        for (String s : List.of(r.loadBefore(), r.loadAfter())) {
            if (!s.isEmpty()) {
                load.add(s);
            }
        }
        String thrShare = m.thrTo().share(m.thrFrom(), machine.cpus());
        String latShare = m.latTo().share(m.latFrom(), machine.cpus());
        if (!thrShare.isEmpty()) {
            load.add("in the throughput phase " + thrShare);
        }
        if (!latShare.isEmpty()) {
            load.add("in the latency phase " + latShare + String.format(Locale.ROOT, " (the JIT compilers used %.0f%% of serve's CPU)",
                    m.latJitShare() * 100));
        }
        if (!load.isEmpty()) {
            sb.append("Load: ").append(String.join("; ", load)).append(". The clients and the fake Slack run on the same CPUs as the server.  \n");
        }
        sb.append(r.speed()).append(".  \n");
        sb.append("Store: ").append(r.store().describe()).append("  \n");
        sb.append(String.format(Locale.ROOT, "Server: `%sjava %s-cp followup.jar io.followup.app.Main serve` in a child JVM (%s), "
                        + "FOLLOWUP_TODAY=%s, Slack Web API faked on 127.0.0.1%s, on copies of the store and the vault (Done clicks write "
                        + "to the notes). Start-up: %,d notes of the copy edited first (an empty line above each one's first task line: "
                        + "their task lines move, so nearly every date is merged again), re-ingested by serve before /healthz said ok "
                        + "after %.1f s (%.1f s of CPU).  \n",
                o.serveEnv().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + " ").collect(java.util.stream.Collectors.joining()),
                o.javaOpts().isEmpty() ? "" : String.join(" ", o.javaOpts()) + " ",
                o.javaOpts().stream().anyMatch(s -> s.startsWith("-Xmx")) ? "JVM flags and environment as scripts/run gives serve"
                        : "default heap, no -Xmx",
                SlackBench.TODAY, o.slackLatencyMs() == 0 ? "" : " (response_url POSTs answered " + o.slackLatencyMs() + " ms after they arrive, as from across the internet)",
                r.edited(), r.startupSeconds(), m.startupCpu()));
        sb.append(String.format(Locale.ROOT, "Clients: %d threads, each with one kept-alive HTTP/1.1 connection over loopback, sending signed v0 requests; "
                        + "%s owns %,d open tasks; each Done click is on an open task of hers not clicked before, on a `/tasks` card "
                        + "that is redrawn (her first page) through response_url.%n%n",
                o.clients(), SlackBench.PERSON, r.openOfUser()));

        SlackLoad.Phase thr = m.throughput();
        sb.append(String.format(Locale.ROOT, "**Throughput**: closed loop, %d clients each sending its next request when answered, "
                        + "kinds in turn; %,d warm-up requests (their clicks: Done and Undo in turn on a few tasks set aside, taken evenly "
                        + "across her open ones; until the JIT "
                        + "compilers used under %.0f%% of serve's CPU, or %d s: %.0f%% in the last %,d), then %,d "
                        + "measured, answered in %.1f s; the last Done click's card was "
                        + "redrawn %.1f s after the last answer.%s%n%n",
                o.clients(), m.warmRequests(), o.warmupJitShare() * 100, o.warmupSeconds(), m.warmJitShare() * 100,
                SlackBench.WARM_ROUND, thr.sent.get(), thr.wallSeconds(), thr.completedSeconds() - thr.wallSeconds(),
                thr.timedOut ? " (stopped by BENCH_SECONDS)" : ""));
        sb.append(phaseTable(thr, false));
        sb.append(String.format(Locale.ROOT, "%nThroughput: **%.0f commands/s** answered; **%.0f commands/s** counting each Done click "
                + "only when its change is saved and its card redrawn.%n%n", thr.throughput(), thr.sustained()));

        SlackLoad.Phase lat = m.latency();
        sb.append(String.format(Locale.ROOT, "**Latency**: open loop, %.0f requests/s offered for %.0f s (%,d requests, kinds "
                        + "interleaved) over %d connections, each request timed from when it was due, so time spent queued "
                        + "behind a slow server counts (as wrk2 does); %.0f/s answered.%n%n",
                lat.offeredRate, o.rateSeconds(), lat.sent.get(), o.clients(), lat.throughput()));
        sb.append(phaseTable(lat, true));

        if (!m.cpuPerRequest().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n**CPU time of serve per request**: each kind alone, %,d requests (%,d Done clicks) "
                    + "from %d clients, serve's idle CPU taken off; a Done click's includes its write-back to the note, the card's "
                    + "redraw and the watcher's re-ingest of the changed note.%n%n", o.cpuRequests(), m.cpuDoneClicks(), o.clients()));
            List<List<String>> rows = new ArrayList<>();
            double mix = 0;
            List<String> groups = MachineLoad.THREAD_GROUPS;
            for (Map.Entry<Kind, Double> e : m.cpuPerRequest().entrySet()) {
                List<String> row = new ArrayList<>(List.of(e.getKey().label.replace(": ack", ""), "**" + Tables.ms(e.getValue() * 1000) + "**"));
                Map<String, Double> by = m.cpuByThreads().getOrDefault(e.getKey(), Map.of());
                for (String g : groups) {
                    row.add(by.isEmpty() ? "" : Tables.ms(by.getOrDefault(g, 0.0) * 1000));
                }
                row.add(String.format(Locale.ROOT, "%.0f%%", e.getValue() * o.rate() / machine.cpus() * 100));
                rows.add(row);
                mix += e.getValue() / m.cpuPerRequest().size();
            }
            List<String> mixRow = new ArrayList<>(List.of("**the mix (one of each kind in turn)**", "**" + Tables.ms(mix * 1000) + "**"));
            groups.forEach(g -> mixRow.add(""));
            mixRow.add(String.format(Locale.ROOT, "%.0f%%", mix * o.rate() / machine.cpus() * 100));
            rows.add(mixRow);
            List<String> header = new ArrayList<>(List.of("request", "serve CPU per request"));
            groups.forEach(g -> header.add("of it: " + g));
            header.add(String.format(Locale.ROOT, "share of %d CPUs at %.0f/s of that kind", machine.cpus(), o.rate()));
            sb.append(Tables.table(header, rows));
            sb.append("\n(Threads' CPU by name from /proc; serve's idle CPU is taken off the total only.)\n");
        }

        sb.append('\n');
        double p99 = lat.all.percentileMs(99);
        double doneP99 = lat.completions.percentileMs(99);
        ServeProcess.Memory ready = m.atReady();
        ServeProcess.Memory end = m.atEnd();
        SlackBench.Clicks c = r.clicks();
        int errors = m.warm().errors.get() + thr.errors.get() + lat.errors.get() + m.cpuErrors();
        List<List<String>> targets = new ArrayList<>();
        targets.add(List.of(String.format(Locale.ROOT, "p99 latency at %.0f commands/s over %d connections (all answers)", o.rate(), o.clients()),
                Tables.ms(p99), "≤ 50 ms", Tables.verdict(p99 <= SlackBench.P99_TARGET_MS)));
        targets.add(List.of(String.format(Locale.ROOT, "p99 of a Done click saved and its card redrawn, at %.0f/s", o.rate()),
                Tables.ms(doneP99), "≤ 50 ms", Tables.verdict(doneP99 <= SlackBench.P99_TARGET_MS)));
        targets.add(List.of("throughput, a Done click counted when its card is redrawn (closed loop, " + o.clients() + " clients)",
                String.format(Locale.ROOT, "%.0f commands/s", thr.sustained()), "≥ 500 commands/s",
                Tables.verdict(thr.sustained() >= SlackBench.THROUGHPUT_TARGET)));
        targets.add(List.of("peak RSS of `serve` (VmHWM: its start-up re-ingest and the whole run)", mb(end.hwmKb()), "≤ 400 MB",
                end.hwmKb() < 0 ? "n/a" : Tables.verdict(end.hwmKb() / 1024 <= SlackBench.RSS_TARGET_MB)));
        targets.add(List.of("RSS of `serve`: when ready / after the run; threads after the run",
                mb(ready.rssKb()) + " / " + mb(end.rssKb()) + "; " + end.threads() + " threads", "", ""));
        targets.add(List.of("Done clicks applied exactly once", String.format(Locale.ROOT, "%,d of %,d (%d twice); %,d written to "
                + "their notes", c.appliedOnce(), c.sent(), c.twice(), c.written()), "all", Tables.verdict(c.appliedOnce() == c.sent())));
        targets.add(List.of("errors / slow acks (\"Working on it\", answer later via response_url)", errors + " / "
                + (thr.slowAcks.get() + lat.slowAcks.get()), "0 / 0", Tables.verdict(errors == 0)));
        ServeProcess.Logged l = r.logged();
        targets.add(List.of("server log", l.errors() + " ERROR, " + l.warnings() + " WARN lines", "0 ERROR",
                Tables.verdict(l.errors() == 0)));
        FakeSlack fake = r.fake();
        targets.add(List.of("Web API calls by the server", "views.publish " + fake.calls("views.publish")
                + ", response_url " + fake.calls("response_url") + responseSize(fake) + ", users.info " + fake.calls("users.info")
                + ", users.list " + fake.calls("users.list"), "", ""));
        sb.append(Tables.table(List.of("target", "result", "goal", "verdict"), targets));
        for (String p : c.problems()) {
            sb.append("\nDone click not applied once: ").append(p).append('\n');
        }
        if (l.firstError() != null) {
            sb.append("\nFirst ERROR in the server log (").append(r.serverLog()).append("): ").append(l.firstError()).append('\n');
        }
        if (l.firstWarning() != null) {
            sb.append("\nFirst WARN in the server log: ").append(l.firstWarning()).append('\n');
        }
        if (o.jfr() != null) {
            sb.append("\nJFR recording of the server, throughput and latency phases: ").append(o.jfr()).append('\n');
        }
        for (SlackLoad.Phase p : List.of(m.warm(), thr, lat)) {
            if (p.firstError != null) {
                sb.append("\nFirst error: ").append(p.firstError).append('\n');
            }
        }
        if (m.cpuFirstError() != null) {
            sb.append("\nFirst error: ").append(m.cpuFirstError()).append('\n');
        }
        return sb.toString();
    }

    private static String phaseTable(SlackLoad.Phase p, boolean fromDue) {
        List<List<String>> rows = new ArrayList<>();
        for (Kind k : Kind.values()) {
            Latencies l = p.latencies.get(k);
            rows.add(List.of(k.label, String.format(Locale.ROOT, "%,d", l.count()), Tables.ms(l.percentileMs(50)),
                    Tables.ms(l.percentileMs(99)), Tables.ms(l.maxMs()), Integer.toString(p.errorsOf.get(k).get())));
            if (k == Kind.DONE) {
                Latencies c = p.completions;
                rows.add(List.of("Done click: change saved and card redrawn (response_url POST arrives, from the click"
                                + (fromDue ? " being due" : "") + ")", String.format(Locale.ROOT, "%,d of %,d", c.count(), p.doneIds.size()),
                        Tables.ms(c.percentileMs(50)), Tables.ms(c.percentileMs(99)), Tables.ms(c.maxMs()), ""));
            }
        }
        rows.add(List.of("**all answers**", String.format(Locale.ROOT, "%,d", p.all.count()), Tables.ms(p.all.percentileMs(50)),
                Tables.ms(p.all.percentileMs(99)), Tables.ms(p.all.maxMs()), Integer.toString(p.errors.get())));
        return Tables.table(List.of("request", "count", "p50", "p99", "max", "errors"), rows);
    }

    /** The mean size of the response_url bodies (the redrawn cards, mostly): what each click's JSON costs grows with it. */
    private static String responseSize(FakeSlack fake) {
        long n = fake.calls("response_url");
        return n == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.1f KB each on average)", fake.responseBytes() / 1024.0 / n);
    }

    private static String mb(long kb) {
        return kb < 0 ? "n/a" : (kb / 1024) + " MB";
    }

    private static String envNote(SlackBench.Options o) {
        List<String> parts = new ArrayList<>();
        if (o.notes() != 10000) {
            parts.add("BENCH_NOTES=" + o.notes());
        }
        if (o.clients() != 32) {
            parts.add("BENCH_CLIENTS=" + o.clients());
        }
        if (o.requests() != 4000) {
            parts.add("BENCH_REQUESTS=" + o.requests());
        }
        if (o.rate() != 500) {
            parts.add(String.format(Locale.ROOT, "BENCH_RATE=%.0f", o.rate()));
        }
        if (o.rateSeconds() != 8) {
            parts.add(String.format(Locale.ROOT, "BENCH_RATE_SECONDS=%.0f", o.rateSeconds()));
        }
        if (o.edited() != 1000) {
            parts.add("BENCH_EDITED=" + o.edited());
        }
        if (o.slackLatencyMs() != 0) {
            parts.add("BENCH_SLACK_LATENCY_MS=" + o.slackLatencyMs());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}

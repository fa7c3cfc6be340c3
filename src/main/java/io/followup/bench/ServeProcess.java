package io.followup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code followup serve} in a child JVM for SlackBench: started with the given flags and environment, ready once
 * /healthz answers 200 (after its start-up ingest), observed through /proc (memory, threads, CPU time) and jcmd
 * (a JFR recording of just the measured phases). Its output is kept in {@code log} for reading after the run.
 */
final class ServeProcess {

    private static final Pattern PORT = Pattern.compile("Followup serving Slack on port (\\d+)");

    /** What /proc says about the process's memory, in kB (-1 when unknown). */
    record Memory(long hwmKb, long rssKb, int threads) {
    }

    /** The ERROR and WARN lines it logged. */
    record Logged(long errors, long warnings, String firstError, String firstWarning) {
    }

    private final Process process;
    private final int port;
    private final Path log;
    private final double startupSeconds;

    private ServeProcess(Process process, int port, Path log, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupSeconds = startupSeconds;
    }

    static ServeProcess start(List<String> javaOpts, Map<String, String> env, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(javaOpts);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.followup.app.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().remove("FOLLOWUP_DIGEST_CHANNEL");
        pb.environment().remove("SLACK_APP_TOKEN");
        Files.deleteIfExists(log);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        System.err.println("SlackBench: starting serve: " + String.join(" ", cmd.subList(0, cmd.size() - 4)) + " ... serve");
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        int port = -1;
        while (port < 0) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("serve did not start: " + tail(log));
            }
            Matcher m = PORT.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            } else {
                Thread.sleep(100);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("serve never became ready: " + tail(log));
            }
            Thread.sleep(100);
        }
        double startup = (System.nanoTime() - t0) / 1e9;
        System.err.printf("SlackBench: serve ready on port %d (pid %d) after %.1f s%n", port, p.pid(), startup);
        return new ServeProcess(p, port, log, startup);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Wall time from launch until /healthz said ok (its start-up ingest included). */
    double startupSeconds() {
        return startupSeconds;
    }

    Memory memory() {
        long hwm = -1;
        long rss = -1;
        int threads = -1;
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(l.replaceAll("[^0-9]", ""));
                } else if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("[^0-9]", ""));
                } else if (l.startsWith("Threads:")) {
                    threads = Integer.parseInt(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new Memory(hwm, rss, threads);
    }

    /** Starts a JFR recording ({@code settings}: "profile", "default" or a .jfc file) through jcmd. */
    void startRecording(Path file, String settings) throws Exception {
        jcmd("JFR.start", "name=bench", "settings=" + settings, "filename=" + file);
    }

    void stopRecording() throws Exception {
        jcmd("JFR.stop", "name=bench");
    }

    /** What jcmd prints for {@code args} (e.g. VM.native_memory summary, when the server runs with -XX:NativeMemoryTracking). */
    String jcmdOutput(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** jcmd for its effect; what went wrong is printed (the run goes on without it). */
    private void jcmd(String... args) throws Exception {
        String out = jcmdOutput(args);
        if (out.contains("Could not") || out.contains("Exception")) {
            System.err.println("SlackBench: jcmd " + String.join(" ", args) + ": " + out.strip());
        }
    }

    /** Stops the server (as a service manager would: SIGTERM, then waits) and reads what it logged. */
    Logged stop() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        List<String> errors = lines.stream().filter(l -> l.contains(" ERROR ")).toList();
        List<String> warnings = lines.stream().filter(l -> l.contains(" WARN ")).toList();
        if (!errors.isEmpty()) {
            System.err.println("SlackBench: the server logged " + errors.size() + " ERROR line(s); first: " + errors.get(0));
        }
        if (!warnings.isEmpty()) {
            System.err.println("SlackBench: the server logged " + warnings.size() + " WARN line(s); first: " + warnings.get(0));
        }
        return new Logged(errors.size(), warnings.size(), errors.isEmpty() ? null : errors.get(0), warnings.isEmpty() ? null : warnings.get(0));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}

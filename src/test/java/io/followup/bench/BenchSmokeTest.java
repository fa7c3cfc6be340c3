package io.followup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each benchmark in a tiny configuration, so a breakage shows up in the build (the numbers mean nothing here). */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void slack_bench_serves_every_kind_of_request_and_reports_them() throws Exception {
        SlackBench.Options o = new SlackBench.Options(40, GenVault.DEFAULT_SEED, dir, 4, 40, 8, 0, 0.10, 12, 1, 2, 5, 120, 20, List.of("-Xmx256m"),
                java.util.Map.of(), null, "profile", dir.resolve("trace.txt"), "smoke");
        SlackBench.Result r = SlackBench.run(o);
        assertEquals(0, r.errors(), r.markdown());
        for (SlackBench.Kind k : SlackBench.Kind.values()) {
            assertEquals(10, r.counts().get(k), k + " in\n" + r.markdown());
            assertTrue(r.markdown().contains("| " + k.label + " | 10 |"), r.markdown());
        }
        assertTrue(r.throughput() > 0 && r.sustained() > 0 && r.p99AllMs() > 0, r.markdown());
        assertTrue(r.vmHwmKb() > 0, r.markdown());
        assertEquals(r.doneSent(), r.doneApplied(), r.markdown());
        assertTrue(r.markdown().contains("Machine: ") && r.markdown().contains("Command: `smoke"), r.markdown());
        assertTrue(r.markdown().contains("response_url POSTs answered 20 ms after they arrive"), r.markdown());
        assertTrue(java.util.regex.Pattern.compile("in the latency phase [^;]*\\(the JIT compilers used \\d+% of serve's CPU\\)")
                .matcher(r.markdown()).find(), r.markdown());
        java.util.regex.Matcher speed = java.util.regex.Pattern.compile("sorting and hashing took (\\d+) ms before the run and (\\d+) ms after it")
                .matcher(r.markdown());
        assertTrue(speed.find() && Integer.parseInt(speed.group(1)) > 0 && Integer.parseInt(speed.group(2)) > 0, r.markdown());
        // BENCH_TRACE: the latency phase's 12 answers (12/s for 1 s), in the order they were due, each with its latency
        List<String> trace = java.nio.file.Files.readAllLines(dir.resolve("trace.txt"));
        assertEquals(13, trace.size(), String.join("\n", trace));
        double lastDue = -1;
        for (String line : trace.subList(1, trace.size())) {
            String[] f = line.split(" ");
            assertTrue(Double.parseDouble(f[0]) >= lastDue && Double.parseDouble(f[2]) > 0, line);
            assertTrue(java.util.EnumSet.allOf(SlackBench.Kind.class).stream().anyMatch(k -> k.name().equalsIgnoreCase(f[1])), line);
            lastDue = Double.parseDouble(f[0]);
        }
    }

    @Test
    void jit_share_is_the_compiler_threads_part_of_what_serve_used_between_two_readings() {
        var before = java.util.Map.of(MachineLoad.JIT, 1.0, "commands", 2.0);
        var after = java.util.Map.of(MachineLoad.JIT, 2.0, "commands", 5.0, "after the ack", 0.5); // a group seen first now counts whole
        assertEquals(1.0 / 4.5, SlackBench.jitShare(before, after), 1e-9);
        assertEquals(0.0, SlackBench.jitShare(after, after));
    }

    @Test
    void machine_speed_times_the_same_work_each_time() {
        assertEquals(MachineSpeed.compute(), MachineSpeed.compute()); // same input, same result: the rounds compare like with like
        int[] cycle = MachineSpeed.cycle(1000);
        assertEquals(1000, stepsBackToStart(cycle)); // one cycle through all 1,000, so the reads never settle in a small loop
        MachineSpeed.Speed s = MachineSpeed.inChildJvm();
        assertTrue(s.computeMs() > 0 && s.computeMs() < 60_000 && s.memoryMs() > 0 && s.memoryMs() < 60_000, s.toString());
        assertTrue(MachineSpeed.line(new MachineSpeed.Speed(212.4, 90), new MachineSpeed.Speed(251.6, 120))
                .contains("sorting and hashing took 212 ms before the run and 252 ms after it; 1,048,576 random reads over 16 MB took 90 ms before and 120 ms after"));
        assertTrue(MachineSpeed.line(MachineSpeed.Speed.UNKNOWN, new MachineSpeed.Speed(99, 1)).contains("took (not timed) before the run and 99 ms after it"));
    }

    private static int stepsBackToStart(int[] next) {
        int steps = 0;
        int at = 0;
        do {
            at = next[at];
            steps++;
        } while (at != 0 && steps <= next.length);
        return steps;
    }

    @Test
    void warm_up_tasks_are_taken_evenly_across_the_open_tasks_and_left_out_of_the_measured_ones() {
        List<String> ids = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i).toList();
        SlackBench.WarmSample split = SlackBench.warmSample(ids, 10);
        assertEquals(List.of("t9", "t19", "t29", "t39", "t49", "t59", "t69", "t79", "t89", "t99"), split.warm());
        assertEquals(90, split.measured().size());
        assertEquals(ids.stream().filter(id -> !split.warm().contains(id)).toList(), split.measured()); // the rest, in order
        assertEquals(new SlackBench.WarmSample(List.of(), ids), SlackBench.warmSample(ids, 0));
    }

    @Test
    void digest_bench_delivers_every_reminder_once_and_reports_it() throws Exception {
        DigestBench.Options o = new DigestBench.Options(40, GenVault.DEFAULT_SEED, dir, 30, 200, List.of("default", "paced"), 2,
                "smoke");
        DigestBench.Result r = DigestBench.run(o);
        assertTrue(r.build().openTasks() > 0 && r.build().cold() > 0, r.markdown());
        assertEquals(2, r.deliveries().size(), r.markdown());
        for (DigestBench.Delivery d : r.deliveries()) {
            assertTrue(d.exactlyOnce(), d + "\n" + r.markdown());
            assertTrue(d.drainSecs() > 0, r.markdown());
        }
        assertEquals(30, r.deliveries().get(0).messages(), r.markdown());
        assertTrue(r.markdown().contains("production default (Policy.DEFAULT"), r.markdown());
        assertTrue(r.markdown().contains("| **query + build** |"), r.markdown());
        assertTrue(r.markdown().contains("Machine: "), r.markdown());
    }

    @Test
    void the_start_up_edit_moves_the_task_lines_down_one_in_their_own_line_ending() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertEquals("# Sync\nSome prose - [ ] not a task\n\n- [ ] Send it\n- [x] Book it\n",
                new String(SlackBench.withLineBeforeFirstTask("# Sync\nSome prose - [ ] not a task\n- [ ] Send it\n- [x] Book it\n".getBytes(utf8)), utf8));
        assertEquals("# Sync\r\n\r\n- [ ] Send it\r\n",
                new String(SlackBench.withLineBeforeFirstTask("# Sync\r\n- [ ] Send it\r\n".getBytes(utf8)), utf8));
        assertEquals("\n- [ ] First\n", new String(SlackBench.withLineBeforeFirstTask("- [ ] First\n".getBytes(utf8)), utf8));
        assertEquals("No tasks\n\n", new String(SlackBench.withLineBeforeFirstTask("No tasks\n".getBytes(utf8)), utf8));
    }
}

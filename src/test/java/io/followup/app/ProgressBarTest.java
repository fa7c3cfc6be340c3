package io.followup.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void short_runs_draw_nothing_and_long_runs_draw_each_percent_once() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        for (int i = 1; i <= 1000; i++) {
            bar.update(i, 1000);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));

        for (int i = 1; i <= 2000; i++) {
            bar.update(i, 2000);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(101, out.chars().filter(c -> c == '\r').count(), "0% to 100%, each drawn once");
        assertTrue(out.endsWith("2000/2000" + System.lineSeparator()));
    }
}

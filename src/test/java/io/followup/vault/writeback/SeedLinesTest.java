package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every task line of the real seed notes: signifiers found in all their mojibake forms, edits byte-exact. */
class SeedLinesTest {

    private static final Pattern TASK = Pattern.compile("^\\s*(?:>\\s*)*[-*+] +\\[.{1,2}\\] .*");

    static List<byte[]> seedTaskLines() throws IOException {
        String dir = System.getenv("FOLLOWUP_SEEDS_DIR");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "seed notes not available (FOLLOWUP_SEEDS_DIR unset or missing); skipping seed checks");
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                NoteLines note = NoteLines.of(Files.readAllBytes(f));
                for (int n = 1; n <= note.size(); n++) {
                    byte[] line = note.content(n);
                    if (TASK.matcher(new String(line, StandardCharsets.UTF_8)).matches()) {
                        lines.add(line);
                    }
                }
            }
        }
        Assumptions.assumeTrue(lines.size() > 30, "seed notes hold fewer task lines than expected");
        return lines;
    }

    @Test
    void every_seed_task_line_ends_its_description_with_the_owner_mention() throws IOException {
        for (byte[] bytes : seedTaskLines()) {
            TaskLine line = TaskLine.parse(RawText.of(bytes)).orElseThrow();
            int at = line.mentionStart();
            String mention = new String(RawText.bytes(line.raw().substring(at, line.descriptionEnd())), StandardCharsets.UTF_8);
            assertTrue(mention.matches("@[A-Za-z .]+"), () -> "signifiers not all recognised in: " + line.raw()
                    + " -> mention '" + mention + "'");
        }
    }

    @Test
    void reassigning_a_seed_line_changes_only_the_mention_bytes() throws IOException {
        for (byte[] bytes : seedTaskLines()) {
            TaskLine line = TaskLine.parse(RawText.of(bytes)).orElseThrow();
            String raw = line.raw();
            String edited = RawText.of(TaskLineEditor.edit(bytes, LineChange.none().owner("Zoë Example")).orElseThrow());
            String expected = raw.substring(0, line.mentionStart()) + RawText.utf8("@Zoë Example")
                    + raw.substring(line.descriptionEnd());
            assertEquals(expected, edited);
        }
    }

    @Test
    void completing_then_reopening_a_seed_line_gives_back_its_exact_bytes() throws IOException {
        for (byte[] bytes : seedTaskLines()) {
            TaskLine line = TaskLine.parse(RawText.of(bytes)).orElseThrow();
            if (line.first(SignifierKind.DONE).isPresent()) {
                continue;
            }
            String symbol = line.raw().substring(line.statusStart(), line.statusEnd());
            byte[] done = TaskLineEditor.edit(bytes, LineChange.none().status("x").done(TaskLineEditorTest.NOV_2)).orElseThrow();
            byte[] back = TaskLineEditor.edit(done, LineChange.none().status(symbol).done(null)).orElseThrow();
            assertEquals(RawText.of(bytes), RawText.of(back));
        }
    }
}

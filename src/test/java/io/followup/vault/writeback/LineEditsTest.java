package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.vault.NoteParser;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reading only the task lines a write-back changed gives what parsing the whole note gives, or nothing (then the
 * note is parsed in full). Every line edit here is checked against the full parse of the edited note.
 */
class LineEditsTest {

    private static final NoteParser PARSER = new NoteParser();

    /** A few of the edits a write-back makes, on the raw bytes of one line (each byte one char, as in RawText). */
    private static final List<UnaryOperator<String>> EDITS = List.of(
            l -> l.replaceFirst("\\[ \\]", "[x]") + raw(" ✅ 2026-03-04"),
            l -> l.replaceFirst("\\[x\\]", "[ ]").replaceFirst(" " + raw("✅") + " \\d{4}-\\d{2}-\\d{2}", ""),
            l -> l.replace(raw("📅") + " 2026-03-05", raw("📅") + " 2026-03-09"),
            l -> l.replaceFirst("@Ana Lima", "@Bo Chen"),
            l -> l.replaceFirst("\\[\\?\\]", "[ ]"));

    private static final String NOTE = String.join("\n",
            "---", "title: Harbor sync", "date: 2026-03-02", "participants: [Ana Lima, Bo Chen]", "---",
            "# Harbor sync", "", "## Summary", "We met about the launch.", "", "## Decisions",
            "- [ ] Keep the old pricing @Ana Lima 📅 2026-03-05", "", "## Action items",
            "- [ ] Send the deck @Ana Lima 📅 2026-03-05 ⏫",
            "- [x] Book the room @Bo Chen ✅ 2026-03-01",
            "- [?] Try a second carrier @Ana Lima",
            "- [ ] Renew the lease @Ana Lima 📅 2026-03-05 ^lease1",
            "> - [ ] Quote from the callout @Ana Lima 📅 2026-03-05",
            "- [ ] Check the date @Ana Lima 📅 2026-02-30",
            "- [ ] Unowned and dated 📅 2026-03-05",
            "", "## Next steps for Bo Chen",
            "- [ ] Draft the follow-up 📅 2026-03-05",
            "- [ ] Ask @Ana Lima about it 📅 2026-03-05",
            "", "```", "- [ ] Not a task, in a fence", "```",
            "- [ ] Water the plants @Ana Lima 🔁 every week 📅 2026-03-05", "");

    @Test
    void every_edit_of_every_task_line_reads_as_the_full_parse_or_is_left_to_it() throws Exception {
        int[] counts = check("n.md", NOTE.getBytes(StandardCharsets.UTF_8));
        assertTrue(counts[0] >= 12, "most edits need no full parse, got " + counts[0] + " of " + counts[1]);
    }

    @Test
    void crlf_mojibake_and_a_byte_order_mark_read_alike() throws Exception {
        String mojibake = "- [ ] Call Tom\u00c3\u00a1s @Ana Lima \u00f0\u0178\u201c\u2026 2026-03-05"; // 📅 shown through windows-1252
        byte[] crlf = ("\uFEFF# Sync\r\n\r\n## Action items\r\n- [ ] Send the deck @Ana Lima 📅 2026-03-05\r\n" + mojibake + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        int[] counts = check("crlf.md", crlf);
        assertTrue(counts[0] >= 4, "got " + counts[0] + " of " + counts[1]);
    }

    @Test
    void a_byte_that_is_not_utf8_elsewhere_in_the_note_changes_nothing() throws Exception {
        byte[] note = ("# Sync\n\nNotes from the caf\u00e9.\n\n## Action items\n- [ ] Send the deck @Ana Lima \uD83D\uDCC5 2026-03-05\n"
                + "- [ ] Call Bo @Ana Lima \u00e9t\u00e9 \uD83D\uDCC5 2026-03-05\n").getBytes(StandardCharsets.UTF_8);
        // "café" with its é as one windows-1252 byte on the third line
        byte[] latin1 = new String(note, StandardCharsets.ISO_8859_1).replace("caf\u00c3\u00a9", "caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(PARSER.parse("x.md", latin1).warnings().stream().anyMatch(w -> w.message().contains("not valid UTF-8")));
        int[] counts = check("x.md", latin1);
        assertTrue(counts[0] >= 4, "got " + counts[0] + " of " + counts[1]);
    }

    @Test
    void what_it_cannot_be_sure_of_is_left_to_the_full_parse() {
        byte[] before = NOTE.getBytes(StandardCharsets.UTF_8);
        ParsedNote was = PARSER.parse("n.md", before);

        assertEquals(Optional.empty(), edit(was, before, "Keep the old pricing", EDITS.get(0)), "a line in a kept section");
        assertEquals(Optional.empty(), edit(was, before, "Check the date", EDITS.get(0)), "a line with a warning");
        assertEquals(Optional.empty(), edit(was, before, "Send the deck", l -> l + "\n- [ ] One more"), "a line added");
        assertEquals(Optional.empty(), edit(was, before, "Send the deck", l -> l + raw(" 📅 2026-13-40")), "a bad date now");
        assertEquals(Optional.empty(), edit(was, before, "Send the deck", l -> l + "\u00e9"), "not UTF-8 now (a latin-1 byte)");
        assertEquals(Optional.empty(), edit(was, before, "Ask", l -> l.replace("@Ana Lima", "Ana")), "its mention gone");
        assertTrue(edit(was, before, "Send the deck", EDITS.get(0)).isPresent());

        // the last line of a kept section, with a hard line break: the section is stored stripped of it
        byte[] hardBreak = NOTE.replace("@Ana Lima 📅 2026-03-05\n\n## Action items", "@Ana Lima 📅 2026-03-05  \n\n## Action items")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(new String(hardBreak, StandardCharsets.UTF_8).contains("2026-03-05  \n"));
        assertEquals(Optional.empty(), edit(PARSER.parse("n.md", hardBreak), hardBreak, "Keep the old pricing",
                l -> l.replace(raw("📅") + " 2026-03-05", raw("📅") + " 2026-03-09")), "the end of a kept section");
    }

    @Test
    void the_demo_vault_and_the_seed_notes_read_alike() throws Exception {
        List<Path> notes = new ArrayList<>();
        try (Stream<Path> demo = Files.walk(Path.of("src/demo/vault"))) {
            demo.filter(p -> p.toString().endsWith(".md")).forEach(notes::add);
        }
        String seeds = System.getenv("FOLLOWUP_SEEDS_DIR");
        if (seeds != null && Files.isDirectory(Path.of(seeds))) { // the seed notes are checked in CI; the demo vault always
            try (Stream<Path> s = Files.list(Path.of(seeds))) {
                s.filter(p -> p.toString().endsWith(".txt")).forEach(notes::add);
            }
        }
        int fast = 0;
        for (Path p : notes) {
            fast += check(p.getFileName().toString(), Files.readAllBytes(p))[0];
        }
        assertTrue(fast > 20, "edits read without a full parse: " + fast);
    }

    /** Applies every edit to every task line; returns {edits read from the lines alone, edits tried}. */
    private static int[] check(String path, byte[] before) throws IOException {
        ParsedNote was = PARSER.parse(path, before);
        int fast = 0;
        int tried = 0;
        for (ParsedTask t : was.tasks()) {
            for (UnaryOperator<String> e : EDITS) {
                byte[] after = editLine(before, t.line() - 1, e);
                if (after == null) {
                    continue;
                }
                tried++;
                Optional<List<ParsedTask>> got = LineEdits.tasksAfter(was.tasks(), was.sections(), was.warnings(), before, after);
                if (got.isPresent()) {
                    fast++;
                    assertEquals(PARSER.parse(path, after).tasks(), got.get(), path + " line " + t.line() + ": " + t.rawLine());
                }
            }
        }
        return new int[] {fast, tried};
    }

    private static Optional<List<ParsedTask>> edit(ParsedNote was, byte[] before, String description, UnaryOperator<String> e) {
        ParsedTask t = was.tasks().stream().filter(x -> x.description().startsWith(description)).findFirst().orElseThrow();
        byte[] after = editLine(before, t.line() - 1, e);
        return LineEdits.tasksAfter(was.tasks(), was.sections(), was.warnings(), before, after);
    }

    /** The note with line {@code k} (0-based, LF-separated, a CR kept) edited; null when the edit changes nothing. */
    private static byte[] editLine(byte[] note, int k, UnaryOperator<String> edit) {
        String text = new String(note, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        String line = lines[k];
        boolean cr = line.endsWith("\r");
        String body = cr ? line.substring(0, line.length() - 1) : line;
        String edited = edit.apply(body);
        if (edited.equals(body)) {
            return null;
        }
        lines[k] = edited + (cr ? "\r" : "");
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text as its UTF-8 bytes, one char per byte. */
    private static String raw(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}

package io.followup.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.vault.Mojibake;
import io.followup.vault.NoteParser;
import io.followup.vault.ParsedNote;
import io.followup.vault.TaskLineParser;
import io.followup.vault.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenVaultTest {

    private static final int N = 200;

    @TempDir
    static Path tmp;

    private static Path vault;
    private static GenVault.Summary summary;

    @BeforeAll
    static void generate() {
        vault = tmp.resolve("a");
        summary = GenVault.generate(vault, N, GenVault.DEFAULT_SEED);
    }

    @Test
    void writes_n_markdown_notes_and_a_people_file() throws IOException {
        assertEquals(N, notes(vault).size());
        assertEquals(N, summary.notes());
        assertTrue(Files.readString(vault.resolve("people.yml")).startsWith("# Generated"));
        assertTrue(Files.readString(vault.resolve("people.yml")).contains("me: Priya Raman"));
    }

    @Test
    void notes_are_seed_sized_about_15_kb_and_12_tasks_each() {
        double kb = summary.bytes() / 1024.0 / N;
        double tasks = summary.taskLines() / (double) N;
        assertTrue(kb > 10 && kb < 20, "average note size " + kb + " KB");
        assertTrue(tasks > 10 && tasks < 14, "average tasks per note " + tasks);
    }

    @Test
    void the_same_seed_gives_the_same_bytes() throws IOException {
        Path again = tmp.resolve("b");
        GenVault.generate(again, N, GenVault.DEFAULT_SEED);
        List<Path> first = notes(vault);
        assertEquals(first.stream().map(vault::relativize).collect(Collectors.toList()),
                notes(again).stream().map(again::relativize).collect(Collectors.toList()));
        for (Path p : first) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again.resolve(vault.relativize(p))), p.toString());
        }
    }

    @Test
    void another_seed_gives_another_vault() throws IOException {
        Path other = tmp.resolve("c");
        GenVault.generate(other, 20, 7L);
        Path sameSeed = tmp.resolve("d");
        GenVault.generate(sameSeed, 20, GenVault.DEFAULT_SEED);
        assertFalse(notes(other).stream().map(other::relativize).collect(Collectors.toList())
                .equals(notes(sameSeed).stream().map(sameSeed::relativize).collect(Collectors.toList())));
    }

    @Test
    void every_task_line_written_is_read_back_as_a_task() throws IOException {
        long read = 0;
        for (Path p : notes(vault)) {
            read += tasksOutsideCodeBlocks(Mojibake.repair(TextDecoder.decode(Files.readAllBytes(p))));
        }
        assertEquals(summary.taskLines(), read);
    }

    @Test
    void every_note_parses_with_its_date_and_all_its_tasks() throws IOException {
        NoteParser parser = new NoteParser();
        long tasks = 0;
        int meetings = 0;
        for (Path p : notes(vault)) {
            ParsedNote note = parser.parse(vault.relativize(p).toString(), Files.readAllBytes(p));
            tasks += note.tasks().size();
            meetings += note.meeting() ? 1 : 0;
            if (!"projects".equals(note.type())) {
                assertTrue(note.date() != null, "no date: " + p);
            }
            assertTrue(note.tasks().stream().noneMatch(t -> t.description().contains("inside the transcript")),
                    "a transcript line was read as a task in " + p);
        }
        assertEquals(summary.taskLines(), tasks);
        assertTrue(meetings > N * 0.9, meetings + " meetings");
    }

    @Test
    void the_vault_has_the_awkward_shapes_real_vaults_have() throws IOException {
        int crlf = 0, bom = 0, mojibake = 0, notUtf8 = 0, brokenFrontMatter = 0, headingOwner = 0, projects = 0;
        for (Path p : notes(vault)) {
            byte[] b = Files.readAllBytes(p);
            String s = new String(b, StandardCharsets.UTF_8);
            crlf += s.contains("\r\n") ? 1 : 0;
            bom += b.length > 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB ? 1 : 0;
            mojibake += s.contains("ðŸ“…") || s.contains("ğŸ“…") || s.contains("üìÖ") ? 1 : 0;
            notUtf8 += isUtf8(b) ? 0 : 1;
            brokenFrontMatter += s.contains("created: { { DATE } }") ? 1 : 0;
            headingOwner += s.contains("## Action items (for ") ? 1 : 0;
            projects += s.contains("type: projects") ? 1 : 0;
        }
        assertTrue(crlf > 0 && bom > 0 && mojibake > 0 && notUtf8 > 0 && brokenFrontMatter > 0 && headingOwner > 0
                && projects > 0, "crlf " + crlf + ", bom " + bom + ", mojibake " + mojibake + ", not UTF-8 " + notUtf8
                + ", broken front matter " + brokenFrontMatter + ", heading owner " + headingOwner + ", projects " + projects);
    }

    @Test
    void file_names_are_ascii_so_any_locale_can_open_them() throws IOException {
        for (Path p : notes(vault)) {
            String rel = vault.relativize(p).toString();
            assertTrue(rel.chars().allMatch(c -> c < 0x80), rel);
        }
    }

    private static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static long tasksOutsideCodeBlocks(String text) {
        long n = 0;
        boolean fenced = false;
        for (String line : text.split("\r?\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && TaskLineParser.parse(line).isPresent()) {
                n++;
            }
        }
        return n;
    }

    private static List<Path> notes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
    }
}

package io.followup.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code followup ask} runs /tasks commands through the same CommandService as chat and prints the text. */
class AskCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void ask_prints_the_text_answer_of_a_tasks_command() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Files.writeString(vault.resolve("2026-02-25 Sync.md"), String.join("\n", "---", "title: Sync", "date: 2026-02-25", "---",
                "- [ ] Send the revised contract @Tomás Ortega \uD83D\uDCC5 2026-03-01", ""));
        Path people = Files.writeString(dir.resolve("people.yaml"), String.join("\n", "me: Tomás Ortega", "people:",
                "  - name: Tomás Ortega", "    slack: U0TOMAS", ""));
        String db = dir.resolve("f.db").toString();
        assertEquals("0", run("ingest", "--vault", vault.toString(), "--db", db)[0]);

        String[] search = run("ask", "--as", "U0TOMAS", "--db", db, "--people", people.toString(), "search", "contract");
        assertEquals("0", search[0], search[2]);
        assertTrue(search[1].contains("Send the revised contract"), search[1]);

        String[] whoami = run("ask", "--as", "U0TOMAS", "--db", db, "--people", people.toString(), "/tasks whoami");
        assertTrue(whoami[1].contains("You are Tomás Ortega"), whoami[1]);

        String[] mine = run("ask", "--as", "U0TOMAS", "--db", db, "--people", people.toString());
        assertTrue(mine[1].contains("Open tasks of Tomás Ortega"), mine[1]);

        String[] unknown = run("ask", "--as", "U0TOMAS", "--db", db, "--people", people.toString(), "frobnicate");
        assertTrue(unknown[1].contains("I don't know \"frobnicate\""), unknown[1]);

        String[] meetings = run("ask", "--as", "U0TOMAS", "--db", db, "/meetings", "recent");
        assertTrue(meetings[1].contains("Sync"), meetings[1]);
    }

    @Test
    void a_change_that_could_not_reach_a_read_only_note_is_written_by_the_next_ingest() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Path note = Files.writeString(vault.resolve("2026-02-25 Sync.md"), String.join("\n", "---", "title: Sync", "date: 2026-02-25",
                "---", "- [ ] Send the revised contract @Tomás Ortega", "- [ ] Keep this line", ""));
        Path people = Files.writeString(dir.resolve("people.yaml"), String.join("\n", "me: Tomás Ortega", "people:",
                "  - name: Tomás Ortega", "    slack: U0TOMAS", ""));
        String db = dir.resolve("f.db").toString();
        String[] common = {"--vault", vault.toString(), "--db", db, "--people", people.toString()};
        assertEquals("0", run(concat(new String[] {"ingest"}, common))[0]);
        String id = run(concat(new String[] {"ask", "--as", "U0TOMAS"}, common, new String[] {"search", "contract"}))[1]
                .replaceAll("(?s).*\\[([a-z0-9]{8})\\].*", "$1");

        Files.setPosixFilePermissions(note, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        String[] done = run(concat(new String[] {"ask", "--as", "U0TOMAS"}, common, new String[] {"done", id}));
        assertTrue(done[1].contains("Marked done") && done[1].contains("the note was not written"), done[1]);
        assertTrue(done[1].contains("changed in chat, not yet in the note"), done[1]);
        assertFalse(Files.readString(note).contains("[x]"));

        Files.setPosixFilePermissions(note, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String[] ingest = run(concat(new String[] {"ingest"}, common));
        assertTrue(ingest[1].contains("1 chat change written to the notes"), ingest[1]);
        assertTrue(Files.readString(note).contains("- [x] Send the revised contract @Tomás Ortega ✅ "), Files.readString(note));
        assertTrue(Files.readString(note).contains("- [ ] Keep this line\n"));
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void ask_without_a_database_says_to_ingest_first() {
        String[] r = run("ask", "--as", "U1", "--db", dir.resolve("none.db").toString(), "help");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("ingest"), r[2]);
    }
}

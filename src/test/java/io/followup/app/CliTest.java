package io.followup.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest, list and meetings verbs through Main.run, output captured. */
class CliTest {

    private static final Set<String> TASK_FIELDS = Set.of("id", "description", "owner", "owner_raw", "owner_kind", "status",
            "status_symbol", "due", "scheduled", "start", "created", "done", "cancelled", "priority", "recurrence", "tags",
            "block_id", "meeting", "sources");

    @TempDir
    Path dir;
    Path vault;
    Path db;
    Path people;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        vault = Files.createDirectories(dir.resolve("vault"));
        db = dir.resolve("out").resolve("f.db");
        people = Files.writeString(dir.resolve("people.yaml"), "me: Ana Lima\n");
        Files.writeString(vault.resolve("2025-10-28 - Pricing sync.md"), String.join("\n",
                "---", "title: Pricing sync", "date: 2025-10-28", "participants:", "  - Ana Lima", "  - Bo Chen", "---",
                "# Pricing sync", "## Action items",
                "- [ ] Draft the pricing page @Myself \uD83D\uDCC5 2025-11-01 \u23EB #launch",
                "- [x] Book the venue @Bo \u2705 2025-10-29 ^venue", ""));
        Files.writeString(vault.resolve("Cloud.md"), String.join("\n",
                "---", "type: projects", "title: Cloud", "---", "- [ ] Write the roadmap", ""));
    }

    private Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Run ingest() {
        return run("ingest", "--vault", vault.toString(), "--db", db.toString(), "--people", people.toString());
    }

    @Test
    void ingest_prints_a_summary() {
        Run r = ingest();

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("2 notes (2 parsed, 0 unchanged, 0 deleted), 1 meetings, 3 tasks, "), r.out());
        assertTrue(ingest().out().startsWith("2 notes (0 parsed, 2 unchanged"));
    }

    @Test
    void list_json_has_exactly_the_contract_fields() {
        ingest();

        Run r = run("list", "--json", "--db", db.toString());

        assertEquals(0, r.code(), r.err());
        JsonArray tasks = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(3, tasks.size());
        for (var e : tasks) {
            assertEquals(new TreeSet<>(TASK_FIELDS), new TreeSet<>(e.getAsJsonObject().keySet()));
        }
        JsonObject draft = find(tasks, "Draft the pricing page");
        assertEquals("Ana Lima", draft.get("owner").getAsString());
        assertEquals("Myself", draft.get("owner_raw").getAsString());
        assertEquals("person", draft.get("owner_kind").getAsString());
        assertEquals("open", draft.get("status").getAsString());
        assertEquals("2025-11-01", draft.get("due").getAsString());
        assertEquals("high", draft.get("priority").getAsString());
        assertEquals("launch", draft.get("tags").getAsJsonArray().get(0).getAsString());
        assertTrue(draft.get("done").isJsonNull());
        JsonObject meeting = draft.get("meeting").getAsJsonObject();
        assertEquals(Set.of("id", "title", "date"), meeting.keySet());
        assertEquals("2025-10-28", meeting.get("date").getAsString());
        JsonObject source = draft.get("sources").getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("2025-10-28 - Pricing sync.md", source.get("path").getAsString());
        assertEquals(10, source.get("line").getAsInt());
        JsonObject roadmap = find(tasks, "Write the roadmap");
        assertTrue(roadmap.get("meeting").isJsonNull());
        JsonObject venue = find(tasks, "Book the venue");
        assertEquals("venue", venue.get("block_id").getAsString());
        assertEquals("2025-10-29", venue.get("done").getAsString());
    }

    @Test
    void list_filters_by_owner_status_and_meeting() {
        ingest();
        assertEquals(1, JsonParser.parseString(run("list", "--json", "--db", db.toString(), "--owner", "ana lima").out()).getAsJsonArray().size());
        assertEquals(1, JsonParser.parseString(run("list", "--json", "--db", db.toString(), "--status", "done").out()).getAsJsonArray().size());
        String meetingId = JsonParser.parseString(run("meetings", "--json", "--db", db.toString()).out()).getAsJsonArray()
                .get(0).getAsJsonObject().get("id").getAsString();
        assertEquals(2, JsonParser.parseString(run("list", "--json", "--db", db.toString(), "--meeting", meetingId).out()).getAsJsonArray().size());
        Run table = run("list", "--db", db.toString());
        assertTrue(table.out().contains("Draft the pricing page") && table.out().contains("3 tasks"), table.out());
    }

    @Test
    void meetings_json_lists_meetings_with_their_notes_and_tasks() {
        ingest();

        JsonArray meetings = JsonParser.parseString(run("meetings", "--json", "--db", db.toString()).out()).getAsJsonArray();

        assertEquals(1, meetings.size());
        JsonObject m = meetings.get(0).getAsJsonObject();
        assertEquals(Set.of("id", "title", "date", "participants", "sources", "task_ids"), m.keySet());
        assertEquals("Pricing sync", m.get("title").getAsString());
        assertEquals(2, m.get("task_ids").getAsJsonArray().size());
        assertEquals(2, m.get("participants").getAsJsonArray().size());
    }

    @Test
    void list_before_any_ingest_says_to_ingest_first() {
        Run r = run("list", "--json", "--db", db.toString());

        assertEquals(1, r.code());
        assertTrue(r.err().contains("run `followup ingest` first"), r.err());
        assertFalse(Files.exists(db));
    }

    @Test
    void a_missing_vault_exits_2_with_one_line_and_no_database() {
        Run r = run("ingest", "--vault", dir.resolve("nope").toString(), "--db", db.toString());

        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope"));
        assertFalse(Files.exists(db));
    }

    @Test
    void a_corrupt_database_is_named_and_left_as_it_was() throws Exception {
        Files.createDirectories(db.getParent());
        byte[] junk = "this is not sqlite, just junk bytes that someone saved here".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(db, junk);

        Run r = ingest();

        assertEquals(1, r.code());
        assertTrue(r.err().contains(db.toString()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertArrayEquals(junk, Files.readAllBytes(db));
    }

    @Test
    void a_truncated_database_with_a_valid_header_is_called_damaged_and_left_as_it_was() throws Exception {
        assertEquals(0, ingest().code());
        byte[] whole = Files.readAllBytes(db);
        byte[] cut = java.util.Arrays.copyOf(whole, 20_000);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        Files.write(db, cut);

        Run r = ingest();

        assertEquals(1, r.code());
        assertTrue(r.err().contains("is damaged or not a Followup database") && r.err().contains("Move it aside"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertArrayEquals(cut, Files.readAllBytes(db));
    }

    @Test
    void a_locked_database_is_named_and_nothing_is_lost() throws Exception {
        assertEquals(0, ingest().code());
        Files.writeString(vault.resolve("Cloud.md"), "---\ntype: projects\ntitle: Cloud\n---\n- [ ] Write the roadmap\n- [ ] Another\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("DELETE FROM search_index WHERE 0");

            Run r = ingest();

            assertEquals(1, r.code());
            assertTrue(r.err().contains(db.toString()), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            s.execute("ROLLBACK");
        }
        Run listed = run("list", "--json", "--db", db.toString());
        assertEquals(3, JsonParser.parseString(listed.out()).getAsJsonArray().size());
        assertTrue(ingest().out().contains("4 tasks"));
    }

    private static JsonObject find(JsonArray tasks, String description) {
        for (var e : tasks) {
            if (e.getAsJsonObject().get("description").getAsString().equals(description)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no task " + description + " in " + tasks);
    }
}

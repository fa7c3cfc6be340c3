package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.ingest.Ingester;
import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.people.People;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks are searched in an index of their own (V9), notes in theirs; a V8 database's task rows move across. V10 gives
 * the task index prefix indexes (a search's words are prefixes) and keeps a V9 database's rows and rowids.
 */
class TaskSearchIndexTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** An open task row as an older schema holds it, with its search index rowid. */
    private static void insertTask(Handle h, String id, String description, String owner, long searchRowid) {
        h.execute("INSERT INTO tasks(id, description, owner, status, status_symbol, tags, search_rowid) "
                + "VALUES (?, ?, ?, 'open', ' ', '[]', ?)", id, description, owner, searchRowid);
    }

    private static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void a_task_search_finds_tasks_and_a_meeting_search_notes_each_in_its_own_index() throws Exception {
        Path vault = dir.resolve("vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("2025-10-28 Pricing sync.md"), String.join("\n",
                "---", "title: Pricing sync", "date: 2025-10-28", "---",
                "## Summary", "The zebrafish campaign, again.",
                "## Action items", "- [ ] Draft the zebrafish poster @Ana Lima", "- [ ] Book the venue @Bo Chen", ""), StandardCharsets.UTF_8);
        try (Database db = Database.open(dir.resolve("followup.db"))) {
            new Ingester(vault, db, People.load(null), CLOCK).ingest();
            TaskStore tasks = new TaskStore(db);

            assertEquals(List.of("Draft the zebrafish poster"), tasks.search("zebrafish", 5).stream().map(Task::description).toList());
            assertEquals(List.of("Book the venue"), tasks.search("bo", 5).stream().map(Task::description).toList(), "by owner too");
            assertEquals(List.of("Pricing sync"), new MeetingStore(db).search("zebrafish", 5).stream().map(Meeting::title).toList());
            assertEquals(2, count(db, "SELECT count(*) FROM task_search"));
            assertEquals(0, count(db, "SELECT count(*) FROM search_index WHERE kind = 'task'"));

            // an edit re-indexes the changed task and drops its old row
            Files.writeString(vault.resolve("2025-10-28 Pricing sync.md"), String.join("\n",
                    "---", "title: Pricing sync", "date: 2025-10-28", "---",
                    "## Action items", "- [ ] Draft the lobster poster @Ana Lima", ""), StandardCharsets.UTF_8);
            new Ingester(vault, db, People.load(null), CLOCK).ingest();
            assertEquals(List.of(), tasks.search("zebrafish", 5));
            assertEquals(List.of("Draft the lobster poster"), tasks.search("lobster", 5).stream().map(Task::description).toList());
            assertEquals(1, count(db, "SELECT count(*) FROM task_search"));
        }
    }

    @Test
    void v9_moves_a_v8_databases_task_rows_into_the_task_index_and_leaves_the_notes() {
        Path file = dir.resolve("old.db");
        OldSchema.at(file, "8").useHandle(h -> {
            insertTask(h, "t1", "Send the zebrafish deck", "Ana Lima", 1);
            h.execute("INSERT INTO search_index(rowid, kind, ref, title, body) VALUES (1, 'task', 't1', 'Send the zebrafish deck', 'Ana Lima')");
            h.execute("INSERT INTO search_index(rowid, kind, ref, title, body) VALUES (2, 'note', 'a.md', 'Weekly', 'a zebrafish transcript')");
        });

        try (Database db = Database.open(file)) {
            assertEquals(List.of("t1"), new TaskStore(db).search("zebrafish", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t1"), new TaskStore(db).search("ana", 5).stream().map(t -> t.id()).toList());
            List<String> notes = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT kind || ':' || ref FROM search_index WHERE search_index MATCH 'zebrafish'").mapTo(String.class).list());
            assertEquals(List.of("note:a.md"), notes, "the task's row left search_index, the note's stayed");
        }
    }

    @Test
    void v10_indexes_the_prefixes_of_a_v9_databases_task_rows_and_finds_the_same_tasks() {
        Path file = twoIndexedTasksAt("9");

        try (Database db = Database.open(file)) {
            String schema = taskSearchSchema(db);
            assertTrue(schema.contains("prefix = '2 3 4 5 6 7 8 9 10 11 12'"), schema);
            TaskStore tasks = new TaskStore(db);
            // prefixes the index holds (2-12 characters), one shorter and one longer, a whole word, and the owner
            assertEquals(List.of("t1"), tasks.search("ze", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t1"), tasks.search("zebra", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t1"), tasks.search("z", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t2"), tasks.search("accessibilit", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t2"), tasks.search("accessibility audit", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t1"), tasks.search("ana", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of(), tasks.search("zebrafishes", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of(7L, 8L), taskSearchRowids(db), "each task keeps its rowid (tasks.search_rowid)");
        }
    }

    @Test
    void v12_drops_the_unread_ref_column_and_keeps_every_tasks_row_and_rowid() {
        Path file = twoIndexedTasksAt("11");

        try (Database db = Database.open(file)) {
            String schema = taskSearchSchema(db);
            assertTrue(!java.util.regex.Pattern.compile("\\bref\\b").matcher(schema).find()
                    && schema.contains("prefix = '2 3 4 5 6 7 8 9 10 11 12'"), schema);
            assertEquals(0, count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'task_search_content'"), "no shadow table left");
            TaskStore tasks = new TaskStore(db);
            assertEquals(List.of("t1"), tasks.search("zebra ana", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of("t2"), tasks.search("audit", 5).stream().map(t -> t.id()).toList());
            assertEquals(List.of(7L, 8L), taskSearchRowids(db), "each task keeps its rowid (tasks.search_rowid)");
        }
    }

    /** A database at an old schema version whose task search index (with its ref column) holds two tasks, rowids 7 and 8. */
    private Path twoIndexedTasksAt(String version) {
        Path file = dir.resolve("v" + version + ".db");
        OldSchema.at(file, version).useHandle(h -> {
            insertTask(h, "t1", "Send the zebrafish deck", "Ana Lima", 7);
            insertTask(h, "t2", "Review the accessibility audit findings", null, 8);
            h.execute("INSERT INTO task_search(rowid, ref, title, body) VALUES (7, 't1', 'Send the zebrafish deck', 'Ana Lima')");
            h.execute("INSERT INTO task_search(rowid, ref, title, body) VALUES (8, 't2', 'Review the accessibility audit findings', '')");
        });
        return file;
    }

    private static String taskSearchSchema(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT sql FROM sqlite_master WHERE name = 'task_search'").mapTo(String.class).one());
    }

    private static List<Long> taskSearchRowids(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT rowid FROM task_search ORDER BY rowid").mapTo(Long.class).list());
    }
}

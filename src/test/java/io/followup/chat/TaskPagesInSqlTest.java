package io.followup.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.ingest.Ingester;
import io.followup.people.People;
import io.followup.store.Database;
import io.followup.store.TaskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An owner's open tasks counted and paged in SQL come out exactly as grouping and paging the whole list in memory. */
class TaskPagesInSqlTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @TempDir
    Path dir;
    Database db;
    TaskStore tasks;

    @BeforeEach
    void setUp() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Random random = new Random(7);
        String[] symbols = {" ", " ", "/", "?", "x", "-"};
        String[] priorities = {"", " \u23EB", " \uD83D\uDD3C", " \uD83D\uDD3D", " \uD83D\uDD3A", " \u23EC"};
        String[] owners = {"@Priya Raman", "@priya raman", "@Tomas Ortega", ""};
        for (int n = 0; n < 6; n++) {
            List<String> lines = new ArrayList<>(List.of("---", "title: Sync " + n, "date: 2026-02-2" + n, "---"));
            for (int i = 0; i < 40; i++) {
                String due = random.nextInt(4) == 0 ? "" : " \uD83D\uDCC5 " + TODAY.plusDays(random.nextInt(9) - 4);
                lines.add("- [" + symbols[random.nextInt(symbols.length)] + "] Task " + n + "-" + i + " "
                        + owners[random.nextInt(owners.length)] + priorities[random.nextInt(priorities.length)] + due);
            }
            lines.add("");
            Files.writeString(vault.resolve("2026-02-2" + n + " Sync " + (5 - n) + ".md"), String.join("\n", lines));
        }
        db = Database.open(dir.resolve("f.db"));
        new Ingester(vault, db, People.empty(), CLOCK).ingest();
        tasks = new TaskStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void every_page_read_through_sql_equals_the_page_cut_from_the_whole_list() {
        for (String owner : List.of("Priya Raman", "PRIYA RAMAN", "Tomas Ortega", "Nobody")) {
            List<TaskLists.Group> whole = TaskLists.personal(tasks.openByOwner(owner), TODAY);
            Map<TaskStore.OpenGroup, Integer> counts = tasks.openByOwnerCounts(owner, TODAY);
            List<TaskLists.Sized> sized = new ArrayList<>();
            List<TaskStore.OpenGroup> present = new ArrayList<>();
            for (TaskStore.OpenGroup g : TaskStore.OpenGroup.values()) {
                if (counts.get(g) > 0) {
                    sized.add(new TaskLists.Sized(TaskLists.PERSONAL_HEADINGS.get(g.ordinal()), counts.get(g)));
                    present.add(g);
                }
            }
            assertEquals(whole.stream().map(g -> new TaskLists.Sized(g.heading(), g.tasks().size())).toList(), sized, owner);
            int total = TaskLists.count(whole);
            if (!owner.equals("Nobody")) {
                assertTrue(total > 20, owner + " has enough tasks to page: " + total);
            }
            for (int pageSize : new int[] {1, 3, 10, 20}) {
                for (int offset = 0; offset <= total + 1; offset++) {
                    List<Reply.Part> inMemory = TaskLists.page(whole, offset, pageSize, TODAY);
                    List<Reply.Part> inSql = TaskLists.page(sized,
                            (g, from, limit) -> tasks.openByOwnerPage(owner, present.get(g), TODAY, from, limit), offset, pageSize, TODAY);
                    assertEquals(inMemory, inSql, owner + " offset " + offset + " page " + pageSize);
                }
            }
        }
    }

    @Test
    void searched_tasks_are_the_index_matches_in_bm25_order() {
        for (String words : List.of("task sync", "task")) {
            // the index's best matches, read straight from it, each row's task looked up on its own
            List<String> best = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT rowid FROM task_search WHERE task_search MATCH :q ORDER BY bm25(task_search) LIMIT 30")
                    .bind("q", io.followup.store.SearchQuery.of(words)).mapTo(Long.class).list().stream()
                    .map(row -> h.createQuery("SELECT id FROM tasks WHERE search_rowid = :r").bind("r", row).mapTo(String.class).one())
                    .toList());
            assertEquals(best, tasks.search(words, 30).stream().map(t -> t.id()).toList(), words);
        }
    }

    @Test
    void a_page_of_search_rows_is_those_tasks_in_the_same_order_and_a_row_no_task_has_is_left_out() {
        List<String> searched = tasks.search("task", 30).stream().map(t -> t.id()).toList();
        List<Long> rows = tasks.searchRows("task", 30);
        assertEquals(searched.size(), rows.size());
        assertEquals(searched, tasks.bySearchRows(rows).stream().map(t -> t.id()).toList());
        // a page from the middle, and a row gone since the search (its task re-indexed or deleted)
        List<Long> page = new java.util.ArrayList<>(rows.subList(3, 8));
        page.add(2, Long.MAX_VALUE);
        assertEquals(searched.subList(3, 8), tasks.bySearchRows(page).stream().map(t -> t.id()).toList());
    }
}

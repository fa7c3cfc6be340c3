package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.followup.ingest.Ingester;
import io.followup.people.People;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches are remembered only while the search index is as they found it, whoever changes it. */
class SearchCacheTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_search_sees_tasks_ingested_since_by_this_process_or_another() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Files.writeString(vault.resolve("a.md"), "- [ ] Renew the carrier contract @Ana\n- [ ] Book the room @Bo\n");
        Path file = dir.resolve("f.db");
        try (Database db = Database.open(file); Database other = Database.open(file)) {
            new Ingester(vault, db, People.empty(), CLOCK).ingest();
            TaskStore tasks = new TaskStore(db);
            List<Long> first = tasks.searchRows("contract", 50);
            assertEquals(1, first.size());
            assertSame(first, tasks.searchRows("contract", 50), "the same search again is remembered");

            Files.writeString(vault.resolve("b.md"), "- [ ] Sign the contract @Bo\n");
            new Ingester(vault, db, People.empty(), CLOCK).ingest();
            assertEquals(2, tasks.search("contract", 50).stream().map(t -> t.id()).toList().size(), "this process ingested");

            // another pool on the same file (as another followup process) adds a task
            Files.writeString(vault.resolve("c.md"), "- [ ] Print the contract @Cy\n");
            new Ingester(vault, other, People.empty(), CLOCK).ingest();
            assertEquals(3, tasks.search("contract", 50).stream().map(t -> t.id()).toList().size(), "another process ingested");
            assertEquals(1, tasks.search("contract", 1).stream().map(t -> t.id()).toList().size());

            // ... and one that only takes tasks away
            Files.delete(vault.resolve("c.md"));
            new Ingester(vault, other, People.empty(), CLOCK).ingest();
            assertEquals(2, tasks.search("contract", 50).stream().map(t -> t.id()).toList().size(), "another process removed a task");
        }
    }

    @Test
    void a_new_index_version_forgets_every_search_found_before_it() {
        SearchCache<String> cache = new SearchCache<>(8);
        SearchCache.Version v1 = new SearchCache.Version(1);
        AtomicInteger searches = new AtomicInteger();
        List<String> a = cache.get("a", v1, () -> List.of("t-" + searches.incrementAndGet()));
        cache.get("b", v1, () -> List.of("t-" + searches.incrementAndGet()));
        assertSame(a, cache.get("a", v1, () -> List.of("never")));
        assertEquals(2, cache.size());

        // the old entries would only be garbage in the old generation: they go at once, not when pushed out
        List<String> again = cache.get("a", new SearchCache.Version(2), () -> List.of("t-" + searches.incrementAndGet()));
        assertNotSame(a, again);
        assertEquals(List.of("t-3"), again);
        assertEquals(1, cache.size(), "b, found at version 1, is forgotten too");
        // a reader still on the older snapshot searches without the cache rather than get version 2's answer
        assertEquals(List.of("t-4"), cache.get("a", v1, () -> List.of("t-" + searches.incrementAndGet())));
    }

    @Test
    void it_keeps_at_most_its_capacity_and_forgets_the_least_recently_used_first() {
        SearchCache<String> cache = new SearchCache<>(2);
        SearchCache.Version v = new SearchCache.Version(7);
        List<String> a = cache.get("a", v, () -> List.of("a"));
        cache.get("b", v, () -> List.of("b"));
        cache.get("a", v, () -> List.of("never"));
        cache.get("c", v, () -> List.of("c"));
        assertEquals(2, cache.size());
        assertSame(a, cache.get("a", v, () -> List.of("never")), "a was used after b");
        assertEquals(List.of("b2"), cache.get("b", v, () -> List.of("b2")), "b went first");
    }
}

package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.followup.ingest.Ingester;
import io.followup.people.People;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an ingest leaves on the pooled connections everything else then uses (serve keeps them for its lifetime). */
class PooledConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void an_ingest_hands_its_connection_back_with_the_usual_page_cache() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Files.writeString(vault.resolve("2026-02-25 Sync.md"), "---\ndate: 2026-02-25\n---\n- [ ] Send the contract @Ana\n");
        try (Database db = Database.open(dir.resolve("f.db"))) {
            int usual = db.jdbi().withHandle(h -> h.createQuery("PRAGMA cache_size").mapTo(Integer.class).one());
            Ingester ingester = new Ingester(vault, db, People.empty(), Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < 3; i++) {
                Files.writeString(vault.resolve("2026-02-2" + i + " Other.md"), "- [ ] Task " + i + " @Bo\n");
                ingester.ingest();
            }
            // every connection of the pool at once: none kept the ingest's 32 MB cache
            List<Handle> all = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    all.add(db.jdbi().open());
                }
                for (Handle h : all) {
                    assertEquals(usual, h.createQuery("PRAGMA cache_size").mapTo(Integer.class).one());
                    assertEquals(0, h.createQuery("PRAGMA temp_store").mapTo(Integer.class).one());
                }
            } finally {
                all.forEach(Handle::close);
            }
        }
    }
}

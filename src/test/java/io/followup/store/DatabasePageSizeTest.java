package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database Followup creates gets its page size; one that exists keeps its own. */
class DatabasePageSizeTest {

    @TempDir
    Path dir;

    private static int pageSize(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
    }

    @Test
    void a_new_database_has_the_larger_pages_and_is_in_wal_mode() {
        try (Database db = Database.open(dir.resolve("sub").resolve("new.db"))) {
            assertEquals(Database.PAGE_SIZE, pageSize(db));
            assertEquals("wal", db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
        }
    }

    @Test
    void an_existing_database_keeps_its_page_size() throws Exception {
        // As an earlier Followup left it: 4 KiB pages, migrated to V7.
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = 4096");
            st.execute("PRAGMA journal_mode = WAL");
        }
        OldSchema.at(file, "7");
        try (Database db = Database.open(file)) {
            assertEquals(4096, pageSize(db));
        }
    }
}

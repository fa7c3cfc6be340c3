package io.followup.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQLite file: opened with WAL and a busy timeout, migrated with Flyway, shared through Jdbi.
 * Every store class gets this and keeps its SQL to itself.
 */
public final class Database implements AutoCloseable {

    /** A database fault that the user can act on (locked, corrupt, not writable); message says which file. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Path file;

    private Database(Path file, HikariDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens (creating if needed) and migrates the database file. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            createWithPageSize(file);
            probe(file);
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
            hc.setMaximumPoolSize(8);
            hc.setMinimumIdle(1);
            hc.setPoolName("followup-sqlite");
            hc.setConnectionInitSql("PRAGMA foreign_keys=ON");
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "NORMAL");
            hc.addDataSourceProperty("busy_timeout", "5000");
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.setInitializationFailTimeout(-1);
            HikariDataSource ds = new HikariDataSource(hc);
            try {
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
            return new Database(file, ds);
        } catch (Exception e) {
            if (StoreErrors.known(e)) {
                throw StoreErrors.translate(file, e); // a damaged file (valid header, broken pages) or a lock
            }
            throw new StoreException("Cannot open the database " + file + ": " + rootMessage(e)
                    + " (is it a Followup SQLite file, and is no other program holding it?)", e);
        }
    }

    /** Page size of a database this creates (an existing file keeps its own). */
    static final int PAGE_SIZE = 8192;

    /**
     * A new database file gets {@link #PAGE_SIZE}-byte pages, set before anything is written (a WAL database
     * cannot change it later). Twice the default: a first ingest of 10,000 notes writes ~185 MB, page by page,
     * to the WAL and again to the file at checkpoint, each page one or two system calls; the commit of that
     * ingest took less than half as long.
     */
    private static void createWithPageSize(Path file) throws SQLException, java.io.IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = " + PAGE_SIZE);
            st.execute("PRAGMA journal_mode = WAL");
        }
    }

    /**
     * Reads the schema once over a plain connection: a damaged file (a valid header, broken or missing pages)
     * is named at once, where the pool would retry it for its 30 s connection timeout.
     */
    private static void probe(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            if (StoreErrors.known(e)) {
                throw StoreErrors.translate(file, e);
            }
            // anything else (permissions, a full disk) is reported by the real open below
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Path file() {
        return file;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

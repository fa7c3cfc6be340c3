package io.followup.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQLite file: opened with WAL and a busy timeout, migrated with Flyway, shared through Jdbi.
 * Every store class gets this and keeps its SQL to itself: reads through {@link #jdbi()}, every write
 * through {@link #write} / {@link #useWrite}.
 *
 * <p>Why writes go through one door: in WAL mode a transaction that begins by reading and then writes
 * (SQLite's default, deferred BEGIN) fails at once with SQLITE_BUSY when another connection holds or has
 * just used the write lock; SQLite does not even call the busy handler, because waiting could not help.
 * And writers that do wait poll SQLite's busy handler, which sleeps in growing steps (1, 2, 5, 10 ms ...),
 * so two of our own threads colliding cost latency or, past the busy timeout, a user-visible failure.
 * Here every write of this process first takes one fair lock (writers queue in arrival order and never
 * meet inside SQLite), then runs as {@code BEGIN IMMEDIATE ... COMMIT}, which takes SQLite's write lock
 * up front, so its reads and writes see one state and only another process can make it wait (for the
 * busy timeout).
 */
public final class Database implements AutoCloseable {

    /** A database fault that the user can act on (locked, corrupt, not writable); message says which file. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How often the checkpointer looks for logged pages to copy into the database file. */
    private static final long CHECKPOINT_MILLIS = 1000;

    /** How long a writer waits for the writers ahead of it (a cold ingest of a large vault may take this long). */
    private static final long WRITER_WAIT_MINUTES = 10;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /**
     * The one connection writes use, beside the readers' pool: a writer holds the lock below while it works, and when
     * it took its connection from the readers' pool it waited there, lock held, behind busy readers, and every writer
     * behind it waited too (a profile of the Slack bench showed click threads waiting for this lock 685 times over
     * 10 ms in 47 s).
     */
    private final HikariDataSource writerSource;
    private final Jdbi writerJdbi;
    private final Path file;
    private final ReentrantLock writer = new ReentrantLock(true);
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService checkpointer;
    private long checkpointedAt = -1;

    private Database(Path file, HikariDataSource dataSource, HikariDataSource writerSource) {
        this.file = file;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.writerSource = writerSource;
        this.writerJdbi = Jdbi.create(writerSource);
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "followup-sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        checkpointer.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Copies what the write-ahead log holds into the database file, beside the writers: with SQLite's automatic
     * checkpoints, whichever commit crossed 1,000 logged pages copied them (and fsynced the file) itself, inside our
     * writer lock, so one click in a hundred waited for it and every other writer behind it. PASSIVE waits for no one.
     */
    private void checkpoint() {
        long seen = writes.get();
        if (seen == checkpointedAt) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list());
            checkpointedAt = seen;
        } catch (RuntimeException e) {
            // closing, or the file went away: the next run (or SQLite's checkpoint when the last connection closes) copies it
        }
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
            HikariDataSource ds = new HikariDataSource(pool(file, "followup-sqlite", 8));
            HikariDataSource writer;
            try {
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
                writer = new HikariDataSource(pool(file, "followup-sqlite-writer", 1));
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
            return new Database(file, ds, writer);
        } catch (Exception e) {
            if (StoreErrors.known(e)) {
                throw StoreErrors.translate(file, e); // a damaged file (valid header, broken pages) or a lock
            }
            throw new StoreException("Cannot open the database " + file + ": " + rootMessage(e)
                    + " (is it a Followup SQLite file, and is no other program holding it?)", e);
        }
    }

    private static HikariConfig pool(Path file, String name, int connections) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        hc.setMaximumPoolSize(connections);
        hc.setMinimumIdle(1);
        hc.setPoolName(name);
        hc.setConnectionInitSql("PRAGMA foreign_keys=ON");
        hc.addDataSourceProperty("journal_mode", "WAL");
        hc.addDataSourceProperty("synchronous", "NORMAL");
        hc.addDataSourceProperty("busy_timeout", "5000");
        hc.addDataSourceProperty("foreign_keys", "true");
        hc.addDataSourceProperty("wal_autocheckpoint", "0"); // the checkpointer thread does it (checkpoint())
        hc.addDataSourceProperty("journal_size_limit", Long.toString(64L << 20)); // a big ingest's log shrinks back after
        hc.setInitializationFailTimeout(-1);
        return hc;
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

    /** For reads (and the migrations' own work); writes go through {@link #write}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs {@code work} as one write transaction (BEGIN IMMEDIATE, then COMMIT; ROLLBACK when it throws) after
     * the writers of this process ahead of it, and returns what it returned. Writes do not nest: {@code work}
     * must not call another store's write (it would wait for itself), so this throws when it does.
     */
    public <T, X extends Exception> T write(HandleCallback<T, X> work) throws X {
        if (writer.isHeldByCurrentThread()) {
            throw new IllegalStateException("a write transaction on " + file + " is already open on this thread: writes do not nest");
        }
        acquireWriter();
        try {
            return writerJdbi.withHandle(h -> inImmediateTransaction(h, work));
        } finally {
            writes.incrementAndGet();
            writer.unlock();
        }
    }

    /** {@link #write} without a result. */
    public <X extends Exception> void useWrite(HandleConsumer<X> work) throws X {
        write(h -> {
            work.useHandle(h);
            return null;
        });
    }

    private static <T, X extends Exception> T inImmediateTransaction(Handle h, HandleCallback<T, X> work) throws X {
        h.execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T out = work.withHandle(h);
            h.execute("COMMIT");
            committed = true;
            return out;
        } finally {
            if (!committed) {
                rollback(h);
            }
        }
    }

    private static void rollback(Handle h) {
        try {
            h.execute("ROLLBACK");
        } catch (RuntimeException alreadyEnded) {
            // SQLite ends a transaction itself on some errors (disk full, I/O): then there is nothing to roll back
        }
    }

    private void acquireWriter() {
        try {
            if (!writer.tryLock(WRITER_WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new StoreException("The database " + file + " stayed busy with other changes for " + WRITER_WAIT_MINUTES
                        + " minutes; nothing was changed. Try again; if it keeps happening, restart Followup.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Stopped while waiting to write to the database " + file + "; nothing was changed.", e);
        }
    }

    /** Write transactions ended so far (committed or rolled back): what the checkpointer looks at, and what a test counts. */
    public long writeCount() {
        return writes.get();
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
        checkpointer.shutdownNow();
        try {
            checkpointer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writerSource.close();
        dataSource.close(); // the last connection to close checkpoints the rest
    }
}

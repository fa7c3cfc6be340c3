package io.followup.store;

import java.util.Locale;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** Turns SQLite faults into a {@link Database.StoreException} whose message names the file and what to do. */
final class StoreErrors {

    private StoreErrors() {
    }

    static <T> T guard(Database db, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw translate(db, e);
        }
    }

    static Database.StoreException translate(Database db, Exception e) {
        return translate(db.file(), e);
    }

    /** Whether the fault is one {@link #translate} explains (locked, damaged) rather than a generic one. */
    static boolean known(Exception e) {
        String lower = Database.rootMessage(e).toLowerCase(Locale.ROOT);
        return lower.contains("busy") || lower.contains("locked") || lower.contains("not a database")
                || lower.contains("corrupt") || lower.contains("malformed");
    }

    static Database.StoreException translate(java.nio.file.Path path, Exception e) {
        String root = Database.rootMessage(e);
        String lower = root.toLowerCase(Locale.ROOT);
        String file = path.toString();
        if (lower.contains("busy") || lower.contains("locked")) {
            return new Database.StoreException("The database " + file + " is locked by another program; nothing was changed. "
                    + "Close the other program (or the other followup) and run again.", e);
        }
        if (lower.contains("not a database") || lower.contains("corrupt") || lower.contains("malformed")) {
            return new Database.StoreException("The database " + file + " is damaged or not a Followup database; nothing was changed. "
                    + "Move it aside (keep it: it holds the task history) and run `followup ingest` to rebuild it from the vault.", e);
        }
        return new Database.StoreException("The database " + file + " could not be written: " + root + "; nothing was changed.", e);
    }
}

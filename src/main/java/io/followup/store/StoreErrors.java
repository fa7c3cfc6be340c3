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

    private enum Kind { LOCKED, DAMAGED, OTHER }

    private static Kind kind(Exception e) {
        String lower = Database.rootMessage(e).toLowerCase(Locale.ROOT);
        if (lower.contains("busy") || lower.contains("locked")) {
            return Kind.LOCKED;
        }
        if (lower.contains("not a database") || lower.contains("corrupt") || lower.contains("malformed")) {
            return Kind.DAMAGED;
        }
        return Kind.OTHER;
    }

    /** Whether the fault is one {@link #translate} explains (locked, damaged) rather than a generic one. */
    static boolean known(Exception e) {
        return kind(e) != Kind.OTHER;
    }

    static Database.StoreException translate(java.nio.file.Path path, Exception e) {
        String file = path.toString();
        return switch (kind(e)) {
            case LOCKED -> new Database.StoreException("The database " + file + " is locked by another program; nothing was changed. "
                    + "Close the other program (or the other followup) and run again.", e);
            case DAMAGED -> new Database.StoreException("The database " + file + " is damaged or not a Followup database; nothing was changed. "
                    + "Move it aside (keep it: it holds the task history) and run `followup ingest` to rebuild it from the vault.", e);
            case OTHER -> new Database.StoreException("The database " + file + " could not be written: " + Database.rootMessage(e)
                    + "; nothing was changed.", e);
        };
    }
}

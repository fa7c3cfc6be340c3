package io.followup.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers shared by the store classes. */
final class Sql {

    /** Stays well below SQLite's limit on bound parameters. */
    static final int CHUNK = 500;

    private Sql() {
    }

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T item : items) {
            current.add(item);
            if (current.size() == CHUNK) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }
}

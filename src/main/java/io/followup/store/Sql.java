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

    /**
     * The items in chunks of at most {@link #CHUNK}, for {@code IN (<list>)}: each chunk is padded with its last item
     * to 1, 2, 4, 8 … 256 or {@link #CHUNK} items. A list's SQL is written out with a placeholder per item, and Jdbi
     * parses each distinct SQL text (with ANTLR) before caching it: chunks of every length from 1 to 500 gave each such
     * query hundreds of texts, more than its cache keeps, and re-merging a date spent ~40% of its time parsing them.
     * A repeated item changes nothing an IN list selects.
     */
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
            out.add(padded(current));
        }
        return out;
    }

    private static <T> List<T> padded(List<T> chunk) {
        int size = Math.min(CHUNK, Integer.highestOneBit(chunk.size() * 2 - 1));
        T last = chunk.get(chunk.size() - 1);
        while (chunk.size() < size) {
            chunk.add(last);
        }
        return chunk;
    }

    static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        // yyyy-MM-dd as the store writes it, read without the formatter (reads map thousands of dates).
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 28) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

package io.followup.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ids recent full-text searches found, kept while the search index is as it was (a search over a large vault's
 * index costs tens of milliseconds, and the same words come again: the next page, the same question). An entry is
 * used only at the version it was found at; least recently used entries go first.
 */
final class SearchCache {

    /** What a search depends on: search_seq.next, which every change to the task or note index moves on. */
    record Version(long indexChanges) {
    }

    private record Entry(Version version, List<String> ids) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;

    SearchCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > SearchCache.this.capacity;
            }
        };
    }

    /** The ids for {@code key} at {@code version}: remembered, or found now by {@code search} and remembered. */
    List<String> get(String key, Version version, Supplier<List<String>> search) {
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.version().equals(version)) {
                return e.ids();
            }
        }
        List<String> ids = List.copyOf(search.get());
        synchronized (entries) {
            entries.put(key, new Entry(version, ids));
        }
        return ids;
    }
}

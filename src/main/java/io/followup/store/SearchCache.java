package io.followup.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What recent full-text searches found (the search index's rows of the matching tasks), kept while the search index
 * is as it was (a search over a large vault's index costs milliseconds, and the same words come again: the next page,
 * the same question). An entry is used only at the version it was found at, so all of them go as soon as a newer
 * version is seen; least recently used entries go first.
 *
 * <p>Why so few and so short-lived: an entry holds up to a search's limit of hits (200 from chat), and one that
 * outlives a few young collections is copied into the old generation, where it dies and waits for a full collection
 * (50-80 ms that stop every request). With 256 entries kept until pushed out, the Slack bench's searches moved ~1 MB/s into the old
 * generation and serve made a full collection every 5-10 s; with these rules, ~0.1 MB/s (closing note of stop 18).
 */
final class SearchCache<T> {

    /** What a search depends on: search_seq.next, which every change to the task or note index moves on. */
    record Version(long indexChanges) {
    }

    private final int capacity;
    private final Map<String, List<T>> entries;
    /** The version every entry was found at. */
    private Version current;

    SearchCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<T>> eldest) {
                return size() > SearchCache.this.capacity;
            }
        };
    }

    /** The hits for {@code key} at {@code version}: remembered, or found now by {@code search} and remembered. */
    List<T> get(String key, Version version, Supplier<List<T>> search) {
        synchronized (entries) {
            if (!moveTo(version)) {
                return List.copyOf(search.get());
            }
            List<T> hits = entries.get(key);
            if (hits != null) {
                return hits;
            }
        }
        List<T> hits = List.copyOf(search.get());
        synchronized (entries) {
            if (moveTo(version)) {
                entries.put(key, hits);
            }
        }
        return hits;
    }

    /** How many searches are remembered now. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * True when {@code version} is the entries' version, forgetting them all first when it is a newer one. A reader on
     * an older snapshot (another connection still before the last change) gets false: it searches without the cache.
     */
    private boolean moveTo(Version version) {
        if (current == null || version.indexChanges() > current.indexChanges()) {
            entries.clear();
            current = version;
        }
        return version.equals(current);
    }
}

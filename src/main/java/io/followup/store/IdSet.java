package io.followup.store;

import java.util.Arrays;

/**
 * Every id of a table, held as sorted 64-bit hashes to answer "might this id be taken?": 8 bytes an id, where a
 * HashSet of the strings took ~100 (a 10,000-note store's 112,000 task ids: ~0.9 MB against ~11 MB, held through
 * the ingest that merges most of the vault again). Two ids can share a hash, so a hit is a "maybe", for the caller
 * to confirm exactly; a miss is certain.
 */
public final class IdSet {

    private final long[] sorted;

    /** Takes {@code hashes} (of {@link #hash}) as its own, and sorts them. */
    IdSet(long[] hashes) {
        this.sorted = hashes;
        Arrays.sort(sorted);
    }

    /** False when no id of the set is {@code id}; true when one may be. */
    public boolean mightContain(String id) {
        return Arrays.binarySearch(sorted, hash(id)) >= 0;
    }

    /** FNV-1a over the UTF-16 units, then a final mix so that ids differing in their last characters spread. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}

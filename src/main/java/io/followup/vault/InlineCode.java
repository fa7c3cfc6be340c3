package io.followup.vault;

import java.util.HashMap;
import java.util.Map;

/** Finds Markdown inline code spans (`code`, ``co`de``) in one line, in linear time. */
final class InlineCode {

    private InlineCode() {
    }

    /**
     * A flag per character telling whether it lies inside a code span (backticks included), or
     * null when the text has no code span at all.
     */
    static boolean[] mask(String s) {
        if (s.indexOf('`') < 0) {
            return null;
        }
        // Backtick runs as (start, length); a span runs from a run to the next run of equal length.
        int n = s.length();
        int[] starts = new int[16];
        int[] lengths = new int[16];
        int runs = 0;
        for (int i = 0; i < n; ) {
            if (s.charAt(i) != '`') {
                i++;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) == '`') {
                j++;
            }
            if (runs == starts.length) {
                starts = java.util.Arrays.copyOf(starts, runs * 2);
                lengths = java.util.Arrays.copyOf(lengths, runs * 2);
            }
            starts[runs] = i;
            lengths[runs] = j - i;
            runs++;
            i = j;
        }
        // next[r]: the following run with the same length, found in one backward pass.
        int[] next = new int[runs];
        Map<Integer, Integer> lastSeen = new HashMap<>();
        for (int r = runs - 1; r >= 0; r--) {
            next[r] = lastSeen.getOrDefault(lengths[r], -1);
            lastSeen.put(lengths[r], r);
        }
        boolean[] inCode = null;
        for (int r = 0; r < runs; ) {
            int closer = next[r];
            if (closer < 0) {
                r++;
                continue;
            }
            if (inCode == null) {
                inCode = new boolean[n];
            }
            int to = starts[closer] + lengths[closer];
            for (int k = starts[r]; k < to; k++) {
                inCode[k] = true;
            }
            r = closer + 1;
        }
        return inCode;
    }

    static boolean inside(boolean[] mask, int index) {
        return mask != null && index < mask.length && mask[index];
    }
}

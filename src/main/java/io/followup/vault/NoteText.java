package io.followup.vault;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A note's text with where each line starts and ends, so that a line is made a String only when it is
 * looked at: most lines of a note (a transcript's) are plain text the parser only adds to a section,
 * which it copies from the text directly ({@link SectionText}).
 *
 * <p>Lines split on LF; a CR before it (CRLF files), or at the very end, is not part of the line; a
 * trailing newline adds no line; empty text is one empty line.
 */
final class NoteText {

    final String text;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;

    NoteText(String text) {
        this.text = text;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (nl < 0 && start == n && count > 0) {
                break;
            }
            int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            add(start, cut);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    int start(int k) {
        return starts[k];
    }

    int length(int k) {
        return ends[k] - starts[k];
    }

    /** Whether the text has a LF right after line {@code k}, so the line and its line break are one slice of it. */
    boolean newlineAfter(int k) {
        return ends[k] < text.length() && text.charAt(ends[k]) == '\n';
    }

    String line(int k) {
        return text.substring(starts[k], ends[k]);
    }

    /** The lines as Strings, each made when read. */
    List<String> lines() {
        return new Lines();
    }

    /**
     * Whether line {@code k} can only be text: no heading, code fence, list item (so no task) and no
     * "**Label**:" line. True when, after indent and quote marks, it starts with none of {@code # ` ~ - * +}
     * or a digit, and when its first character that is not whitespace is not {@code *}. Blank lines are plain.
     */
    boolean plain(int k) {
        int i = starts[k];
        int end = ends[k];
        while (i < end) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '>') {
                break;
            }
            i++;
        }
        if (i == end) {
            return true;
        }
        char c = text.charAt(i);
        if (c == '#' || c == '`' || c == '~' || c == '-' || c == '*' || c == '+' || (c >= '0' && c <= '9')) {
            return false;
        }
        // Other whitespace first (a "**Date**:" line may be indented with any of it): read the line in full.
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }

    private final class Lines extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return line(index);
        }

        @Override
        public int size() {
            return count;
        }
    }
}

package io.followup.vault;

/**
 * The text of one section as the body is read: lines, each followed by a line break, and the odd piece
 * of text. Consecutive lines that lie in the note's text with their line breaks (every line of a file
 * saved with LF) are kept as one slice of it and copied once at the end, instead of line by line into a
 * growing buffer: a transcript is most of a note.
 */
final class SectionText {

    private final String source;
    /** What came before the current slice, when there is anything. */
    private StringBuilder before;
    /** The current slice of {@code source}: [sliceStart, sliceEnd), empty when sliceStart < 0. */
    private int sliceStart = -1;
    private int sliceEnd = -1;

    SectionText(String source) {
        this.source = source;
    }

    int length() {
        return (before == null ? 0 : before.length()) + (sliceStart < 0 ? 0 : sliceEnd - sliceStart);
    }

    /** Adds {@code source[start, end)} and a line break; {@code newlineFollows} when source has that LF at {@code end}. */
    void appendLine(int start, int end, boolean newlineFollows) {
        if (!newlineFollows) {
            flushSlice();
            buffer().append(source, start, end).append('\n');
        } else if (sliceStart >= 0 && sliceEnd == start) {
            sliceEnd = end + 1;
        } else {
            flushSlice();
            sliceStart = start;
            sliceEnd = end + 1;
        }
    }

    /** Adds {@code source[start, end)} as it is (a line cut short). */
    void appendPart(int start, int end) {
        flushSlice();
        buffer().append(source, start, end);
    }

    void append(String text) {
        flushSlice();
        buffer().append(text);
    }

    /** The text, without leading and trailing whitespace (as {@link String#strip()}). */
    String stripped() {
        if (before != null && before.length() > 0) {
            flushSlice();
            return before.toString().strip();
        }
        if (sliceStart < 0) {
            return "";
        }
        int a = sliceStart;
        int b = sliceEnd;
        // As String.strip: whitespace code points off both ends (surrogates are never whitespace).
        while (a < b && Character.isWhitespace(source.codePointAt(a))) {
            a += Character.charCount(source.codePointAt(a));
        }
        while (b > a && Character.isWhitespace(source.codePointBefore(b))) {
            b -= Character.charCount(source.codePointBefore(b));
        }
        return source.substring(a, b);
    }

    private StringBuilder buffer() {
        if (before == null) {
            before = new StringBuilder();
        }
        return before;
    }

    private void flushSlice() {
        if (sliceStart >= 0) {
            buffer().append(source, sliceStart, sliceEnd);
            sliceStart = -1;
            sliceEnd = -1;
        }
    }
}

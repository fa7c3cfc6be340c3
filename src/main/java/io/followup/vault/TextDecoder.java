package io.followup.vault;

/**
 * Turns a note's bytes into text: UTF-8 where the bytes are valid UTF-8, windows-1252 byte by byte
 * where they are not (a file may mix both), never throwing.
 */
public final class TextDecoder {

    /**
     * The decoded text, how many bytes had to be read as windows-1252 instead of UTF-8, and the 1-based
     * line of the first of them (0 when there is none).
     */
    public record Result(String text, int fallbackBytes, int firstFallbackLine) {
    }

    /** windows-1252 for 0x80..0x9F; 0xA0..0xFF are the same code points as Latin-1. */
    private static final char[] CP1252_HIGH = (
            "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD"
            + "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178")
            .toCharArray();

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        return decodeWithReport(bytes).text();
    }

    public static Result decodeWithReport(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new Result("", 0, 0);
        }
        int start = hasBom(bytes) ? 3 : 0;
        // Valid UTF-8 (nearly every note) decodes in bulk: the JDK's decoder is as strict as Utf8 (no overlong
        // forms, surrogates or values past U+10FFFF) and writes U+FFFD only where the bytes are not UTF-8.
        String fast = new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return new Result(fast, 0, 0);
        }
        StringBuilder out = new StringBuilder(bytes.length - start);
        int fallback = 0;
        int line = 1;
        int firstLine = 0;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                line += b == '\n' ? 1 : 0;
                i++;
                continue;
            }
            int cp = Utf8.decodeAt(bytes, i, bytes.length);
            if (cp >= 0) {
                out.appendCodePoint(cp);
                i += Utf8.length(b);
            } else {
                // Not UTF-8 here: the byte is most likely a windows-1252 letter typed on an old editor.
                out.append(cp1252(b));
                fallback++;
                firstLine = firstLine == 0 ? line : firstLine;
                i++;
            }
        }
        return new Result(out.toString(), fallback, firstLine);
    }

    static char cp1252(int b) {
        return b >= 0xA0 ? (char) b : CP1252_HIGH[b - 0x80];
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }
}

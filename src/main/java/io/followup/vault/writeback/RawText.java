package io.followup.vault.writeback;

import java.nio.charset.StandardCharsets;

/**
 * Bytes held in a String one char per byte (ISO-8859-1), so a line can be edited with regexes while every
 * byte we do not touch, valid UTF-8 or not, goes back to the file exactly as it was read.
 */
final class RawText {

    private RawText() {
    }

    static String of(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Real text (e.g. an owner's name or an emoji) as the UTF-8 bytes we write, in raw form. */
    static String utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}

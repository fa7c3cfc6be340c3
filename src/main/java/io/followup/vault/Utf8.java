package io.followup.vault;

/** Strict UTF-8 sequence checks shared by the decoder and the mojibake repair. */
final class Utf8 {

    private Utf8() {
    }

    /** Sequence length announced by a lead byte, or 0 when the byte cannot start a sequence. */
    static int length(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * The code point of the well-formed sequence starting at {@code from}, or -1; rejects overlong
     * forms, surrogates and values past U+10FFFF.
     */
    static int decodeAt(byte[] bytes, int from, int limit) {
        int lead = bytes[from] & 0xFF;
        int len = length(lead);
        if (len < 2 || from + len > limit) {
            return -1;
        }
        int[] seq = {lead, 0, 0, 0};
        for (int k = 1; k < len; k++) {
            seq[k] = bytes[from + k] & 0xFF;
        }
        return decode(seq, len);
    }

    /** Decodes {@code seq[0..len)} as one strict UTF-8 sequence, or -1. */
    static int decode(int[] seq, int len) {
        int lead = seq[0];
        if (len != length(lead) || len < 2) {
            return -1;
        }
        int second = seq[1];
        // The second byte's range is narrower after some leads (overlong, surrogate, > U+10FFFF).
        int lo = 0x80;
        int hi = 0xBF;
        if (lead == 0xE0) {
            lo = 0xA0;
        } else if (lead == 0xED) {
            hi = 0x9F;
        } else if (lead == 0xF0) {
            lo = 0x90;
        } else if (lead == 0xF4) {
            hi = 0x8F;
        }
        if (second < lo || second > hi) {
            return -1;
        }
        int cp = lead & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            if (!isContinuation(seq[k])) {
                return -1;
            }
            cp = (cp << 6) | (seq[k] & 0x3F);
        }
        return cp;
    }
}

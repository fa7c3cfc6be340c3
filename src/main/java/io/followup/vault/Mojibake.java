package io.followup.vault;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repairs UTF-8 text that was once shown through windows-1252, windows-1254 or Mac Roman and saved
 * again ({@code ðŸ“…} back to 📅, {@code TomÃ¡s} to Tomás), including bytes the code page had no
 * character for and dropped; text that was correct comes back unchanged.
 *
 * <p>How: every run of non-ASCII characters is turned back into the bytes each code page would have
 * shown that way, and those bytes are read as strict UTF-8. A decoded character is only taken when
 * it is a plausible one (Latin letters, punctuation, symbols, emoji — not combining marks or private
 * use), and a run keeps the code page that explains most of it. A sequence one byte short is
 * completed with a byte the code page could not show, but only when that yields a known character
 * (the task signifiers, U+FE0F, ”), since a guess would change real text.
 *
 * <p>Limits, on purpose: a letter whose dropped byte several letters could fill stays as shown
 * (windows-1252 {@code Ã} + dropped byte may be Á, Í, Ï, Ð or Ý); a lone Cyrillic/Armenian/CJK/…
 * character is not taken from a run, nor a rarely written Latin Extended-B letter, nor a capital that
 * would replace a word-final {@code Ã} and its closing punctuation ({@code IRMÃ…}); and Mac Roman
 * symbol pairs that happen to be valid UTF-8 for a Latin letter (such as {@code √π}) would be read as
 * that letter.
 */
public final class Mojibake {

    /** Characters a dropped byte may restore, best first: signifiers are what the parser needs. */
    private static final int[] PREFERRED = {
        0x1F4C5, 0x23F3, 0x231B, 0x1F6EB, 0x2795, 0x2705, 0x274C, 0x1F501, 0x1F53A, 0x23EB, 0x1F53C,
        0x1F53D, 0x23EC, 0x1F4C6, 0x1F5D3, 0xFE0F, 0x201D, 0x1F194, 0x26D4, 0x1F3C1, 0x2B50, 0x2714, 0x26A0, 0x200D,
    };

    private static final List<CodePage> PAGES = List.of(
            CodePage.of("windows-1252", false),
            CodePage.of("windows-1254", false),
            // Mac Roman shows 0xF0 as U+F8FF (private use), which tools often lose: treat it as droppable.
            CodePage.of("x-MacRoman", true));

    private Mojibake() {
    }

    public static String repair(String s) {
        if (s == null || isAscii(s)) {
            return s;
        }
        // The runs are found in a copy of the characters: a whole note read through String.charAt costs several
        // times more (an ingest runs without the optimising compiler, which would remove its checks).
        int n = s.length();
        char[] cs = new char[n];
        s.getChars(0, n, cs, 0);
        // Text is copied only from the first run that changes: correct text comes back as it is.
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (cs[i] < 0x80) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && cs[end] >= 0x80) {
                end++;
            }
            CharSequence repaired = bestRepair(s, i, end);
            if (repaired != null && !sameRun(repaired, s, i, end)) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, i).append(repaired);
                copied = end;
            }
            i = end;
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    private static boolean sameRun(CharSequence repaired, String s, int from, int to) {
        if (repaired.length() != to - from) {
            return false;
        }
        for (int k = 0; k < repaired.length(); k++) {
            if (repaired.charAt(k) != s.charAt(from + k)) {
                return false;
            }
        }
        return true;
    }

    /** The best repair of the run, or null when no code page repairs it. */
    private static CharSequence bestRepair(String s, int from, int to) {
        RunRepair best = null;
        for (CodePage page : PAGES) {
            // A run of characters the code page has none of (an emoji, most often) decodes to nothing there.
            if (!page.showsAny(s, from, to)) {
                continue;
            }
            RunRepair r = repairRun(s, from, to, page);
            if (r.score > 0 && (best == null || r.score > best.score)) {
                best = r;
            }
        }
        return best == null ? null : best.text;
    }

    private record RunRepair(CharSequence text, int score) {
    }

    /** One decoded character replacing {@code consumed} characters starting at {@code at}. */
    private record Piece(int at, int consumed, int codePoint, boolean weak) {
    }

    private static RunRepair repairRun(String s, int from, int to, CodePage page) {
        int n = to - from;
        int[] bytes = new int[n];
        for (int k = 0; k < n; k++) {
            bytes[k] = page.byteOf(s.charAt(from + k));
        }
        List<Piece> pieces = new ArrayList<>();
        int weak = 0;
        int i = 0;
        while (i < n) {
            Piece p = direct(bytes, i, n);
            if (p == null) {
                p = withDroppedByte(bytes, i, n, page);
            }
            if (p == null) {
                i++;
                continue;
            }
            pieces.add(p);
            weak += p.weak ? 1 : 0;
            i += p.consumed;
        }
        if (pieces.isEmpty()) {
            return new RunRepair(null, 0);
        }
        // A lone character from a rarely mojibaked script (Armenian, Cyrillic…) is more likely a
        // coincidence of real text, such as Mac Roman "’é" in "l’été"; two or more are a pattern.
        boolean keepWeak = weak >= 2;
        StringBuilder out = new StringBuilder(n);
        int score = 0;
        int pos = 0;
        for (Piece p : pieces) {
            if ((p.weak && !keepWeak) || wordFinalLetterAndPunctuation(s, from + p.at, p.consumed)) {
                continue;
            }
            out.append(s, from + pos, from + p.at);
            out.appendCodePoint(p.codePoint);
            pos = p.at + p.consumed;
            score += p.consumed;
        }
        out.append(s, from + pos, to);
        return new RunRepair(out, score);
    }

    /** Closing punctuation that follows a word; in windows-1252 each is a UTF-8 continuation byte. */
    private static final String CLOSING = "\u2026\u2013\u2014\u2019\u201D\u00BB\u203A";

    /**
     * "IRMÃ…", "AMANHÃ–": a Portuguese word ending in Ã, then closing punctuation, then no letter. As
     * UTF-8 read through windows-1252 the pair would be Å, Ö, Ô…, but a capital that ends a word is far
     * likelier to be the Ã it is than a mangled letter.
     */
    private static boolean wordFinalLetterAndPunctuation(String s, int at, int consumed) {
        if (consumed != 2 || s.charAt(at) != '\u00C3' || CLOSING.indexOf(s.charAt(at + 1)) < 0) {
            return false;
        }
        boolean afterLetter = at > 0 && Character.isLetter(s.charAt(at - 1));
        int next = at + 2;
        boolean beforeLetter = next < s.length() && Character.isLetterOrDigit(s.charAt(next));
        return afterLetter && !beforeLetter;
    }

    private static Piece direct(int[] bytes, int i, int n) {
        int lead = bytes[i];
        int len = lead < 0 ? 0 : Utf8.length(lead);
        if (len < 2 || i + len > n) {
            return null;
        }
        int[] seq = new int[4];
        for (int k = 0; k < len; k++) {
            if (bytes[i + k] < 0) {
                return null;
            }
            seq[k] = bytes[i + k];
        }
        int cp = Utf8.decode(seq, len);
        if (cp < 0) {
            return null;
        }
        Plausibility pl = plausibility(cp, len);
        return pl == Plausibility.NO ? null : new Piece(i, len, cp, pl == Plausibility.WEAK);
    }

    /** Completes a sequence one byte short with a byte the code page dropped; only known characters. */
    private static Piece withDroppedByte(int[] bytes, int i, int n, CodePage page) {
        int first = bytes[i];
        if (first < 0) {
            return null;
        }
        int bestRank = Integer.MAX_VALUE;
        int bestCp = -1;
        int bestConsumed = 0;
        boolean ambiguous = false;
        int[] seq = new int[4];
        for (int dropped : page.droppable) {
            int lead = Utf8.isContinuation(first) ? dropped : first;
            int len = Utf8.length(lead);
            int have = len - 1;
            if (len < 2 || i + have > n || !allDefined(bytes, i, have)) {
                continue;
            }
            // The missing byte may have been the lead (only when the run starts with a continuation)
            // or any byte after it.
            int firstSlot = Utf8.isContinuation(first) ? 0 : 1;
            int lastSlot = Utf8.isContinuation(first) ? 0 : len - 1;
            for (int slot = firstSlot; slot <= lastSlot; slot++) {
                for (int k = 0, src = i; k < len; k++) {
                    seq[k] = k == slot ? dropped : bytes[src++];
                }
                int cp = Utf8.decode(seq, len);
                int rank = cp < 0 ? -1 : rank(cp);
                if (rank < 0) {
                    continue;
                }
                if (rank < bestRank) {
                    bestRank = rank;
                    bestCp = cp;
                    bestConsumed = have;
                    ambiguous = false;
                } else if (rank == bestRank && cp != bestCp) {
                    ambiguous = true;
                }
            }
        }
        return bestCp < 0 || ambiguous ? null : new Piece(i, bestConsumed, bestCp, false);
    }

    private static boolean allDefined(int[] bytes, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (bytes[k] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int rank(int cp) {
        for (int k = 0; k < PREFERRED.length; k++) {
            if (PREFERRED[k] == cp) {
                return k;
            }
        }
        return -1;
    }

    private enum Plausibility { NO, WEAK, YES }

    /**
     * The few Latin Extended-B letters living languages write (ƒ, Ə, Vietnamese ơ ư, Romanian ș ț). The
     * rest of the block (ǃ Ǎ ǈ Ʌ …) is what real text gives by chance: French «École», «ça» in Mac Roman
     * bytes and CAFÉ… in windows-1252 bytes decode to it.
     */
    private static final String LATIN_EXTENDED_B_IN_USE = "\u0192\u018F\u01A0\u01A1\u01AF\u01B0\u0218\u0219\u021A\u021B";

    /** Which decoded characters are believable results of a repair, by sequence length. */
    private static Plausibility plausibility(int cp, int len) {
        switch (len) {
            case 2:
                if ((cp >= 0xA0 && cp <= 0x17F) || LATIN_EXTENDED_B_IN_USE.indexOf(cp) >= 0) {
                    return Plausibility.YES;
                }
                return cp >= 0x370 && cp <= 0x7FF ? Plausibility.WEAK : Plausibility.NO;
            case 3:
                // Latin Extended Additional (Vietnamese ở, ệ), punctuation and symbols, VS16, full-width forms
                // and U+FEFF: a byte order mark shown as ï»¿ (Ôªø in Mac Roman) at the top of a note
                if ((cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0xFE00 && cp <= 0xFE0F)
                        || cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF60)) {
                    return Plausibility.YES;
                }
                // A lone CJK or Hangul character is likelier a coincidence of real text ("José…”" is
                // é…” = U+9154 in windows-1252 bytes); mangled CJK text comes as runs of them.
                return (cp >= 0x800 && cp <= 0x1FFF) || (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                        ? Plausibility.WEAK : Plausibility.NO;
            case 4:
                return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x2FFFF)
                        ? Plausibility.YES : Plausibility.NO;
            default:
                return Plausibility.NO;
        }
    }

    private static boolean isAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A single-byte code page as a char -> byte table plus the bytes it may have dropped. */
    private static final class CodePage {
        final short[] byteOfChar;
        final int[] droppable;

        private CodePage(short[] byteOfChar, int[] droppable) {
            this.byteOfChar = byteOfChar;
            this.droppable = droppable;
        }

        static CodePage of(String name, boolean leadF0Droppable) {
            Charset cs = Charset.forName(name);
            short[] table = new short[0x10000];
            Arrays.fill(table, (short) -1);
            List<Integer> undefined = new ArrayList<>();
            for (int b = 0x80; b <= 0xFF; b++) {
                char c = new String(new byte[] {(byte) b}, cs).charAt(0);
                if (c == '\uFFFD') {
                    undefined.add(b);
                    // Some tools keep an undefined byte as the C1 control of the same value.
                    table[b] = (short) b;
                } else {
                    table[c] = (short) b;
                }
            }
            if (leadF0Droppable) {
                undefined.add(0xF0);
            }
            return new CodePage(table, undefined.stream().mapToInt(Integer::intValue).toArray());
        }

        int byteOf(char c) {
            return byteOfChar[c];
        }

        /** Whether any character of {@code s[from, to)} is one this code page shows for a byte. */
        boolean showsAny(String s, int from, int to) {
            for (int k = from; k < to; k++) {
                if (byteOfChar[s.charAt(k)] >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}

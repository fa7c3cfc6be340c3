package io.followup.ingest;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalises task descriptions and titles for comparison: lowercase, accents and punctuation gone. */
public final class TaskText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC`]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "to", "of", "for", "with", "in", "on", "at", "by", "from", "as",
            "is", "are", "be", "it", "its", "that", "this", "if", "e", "g", "eg", "via", "into", "about");

    private TaskText() {
    }

    /** Lowercase, accents stripped, apostrophes dropped, any other punctuation a single space. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String ascii = normalizeAscii(text);
        if (ascii != null) {
            return ascii;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return s.strip();
    }

    /**
     * The same result as the general path for text that is pure ASCII (no accents to strip, letters
     * and digits are [A-Za-z0-9]), without regexes; null when the text has any other character.
     */
    private static String normalizeAscii(String text) {
        int n = text.length();
        StringBuilder sb = null;
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '\'' || c == '`') {
                continue;
            }
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
                word = true;
            }
            if (sb == null) {
                sb = new StringBuilder(n);
            }
            if (word) {
                if (pendingSpace && sb.length() > 0) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return sb == null ? "" : sb.toString();
    }

    /** The meaningful words of a text, lightly stemmed (vms = vm, blocking = block), stop words left out. */
    public static Set<String> tokens(String text) {
        return tokensOfNormalized(normalize(text));
    }

    /** {@link #tokens} of a text that {@link #normalize} already gave. */
    static Set<String> tokensOfNormalized(String normalized) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : normalized.split(" ")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                out.add(stem(word));
            }
        }
        return out;
    }

    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}

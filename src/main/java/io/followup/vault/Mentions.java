package io.followup.vault;

import java.util.List;
import java.util.regex.Pattern;

/** Finds the owner mention in a task description: the last {@code @Name}, running to the end. */
final class Mentions {

    /** Runs of whitespace; compiled once (String.replaceAll compiles its pattern on every call). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Mentions() {
    }

    /** Index of the last '@' that starts a mention (line start or after whitespace), or -1. */
    static int lastMention(String s, boolean[] code) {
        for (int i = s.lastIndexOf('@'); i >= 0; i = i == 0 ? -1 : s.lastIndexOf('@', i - 1)) {
            boolean starts = i == 0 || Character.isWhitespace(s.charAt(i - 1));
            boolean named = i + 1 < s.length() && (Character.isLetterOrDigit(s.codePointAt(i + 1))
                    || s.startsWith("[[", i + 1));
            if (starts && named && !InlineCode.inside(code, i)) {
                return i;
            }
        }
        return -1;
    }

    /** A mention running to the end reads as a name: a few words, no sentence punctuation. */
    static boolean looksLikeTrailingName(String rest) {
        if (rest.isEmpty() || rest.length() > 80) {
            return false;
        }
        if (rest.startsWith("[[") && rest.endsWith("]]")) {
            return true;
        }
        int words = 1;
        for (int k = 0; k < rest.length(); k++) {
            char c = rest.charAt(k);
            if (c == ' ') {
                words++;
            } else if (",;:!?()[]{}\"<>=".indexOf(c) >= 0) {
                return false;
            }
        }
        return words <= 5;
    }

    static String cleanName(String rest) {
        String name = rest.strip();
        if (name.startsWith("[[") && name.endsWith("]]")) {
            name = name.substring(2, name.length() - 2);
            int bar = name.indexOf('|');
            name = bar >= 0 ? name.substring(bar + 1) : name;
        }
        // "@Lior." at the end of a sentence: the full stop is not part of the name.
        while (name.endsWith(".") && !name.matches(".*\\b\\p{Lu}\\.$")) {
            name = name.substring(0, name.length() - 1);
        }
        return SPACES.matcher(name.strip()).replaceAll(" ");
    }

    static String firstWord(String rest) {
        int k = 0;
        while (k < rest.length() && (Character.isLetterOrDigit(rest.charAt(k)) || "-_.'’".indexOf(rest.charAt(k)) >= 0)) {
            k++;
        }
        String word = rest.substring(0, k);
        while (word.endsWith(".")) {
            word = word.substring(0, word.length() - 1);
        }
        return word.isEmpty() ? null : word;
    }

    /** Drops trailing whitespace and a dangling separator left where the mention was cut off. */
    static String trimSeparator(String s) {
        String t = s.stripTrailing();
        for (String sep : List.of(" -", " –", " —", " :")) {
            if (t.endsWith(sep)) {
                return t.substring(0, t.length() - sep.length()).stripTrailing();
            }
        }
        return t;
    }
}

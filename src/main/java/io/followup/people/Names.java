package io.followup.people;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Comparison keys for names: case, accents, hyphens and extra spaces ignored ("Björn" = "bjorn"). */
public final class Names {

    /** Runs of whitespace; compiled once (String.replaceAll compiles its pattern on every call). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Names() {
    }

    /** The key two spellings of one name share. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char lower = Character.toLowerCase(c);
            String folded = fold(lower);
            if (folded == null && !Character.isLetterOrDigit(lower)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (folded == null) {
                out.append(lower);
            } else {
                out.append(folded);
            }
        }
        return out.toString();
    }

    /** Cleans a mention as written: no '@', no [[ ]], single spaces. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        while (s.startsWith("@")) {
            s = s.substring(1).strip();
        }
        if (s.startsWith("[[") && s.endsWith("]]")) {
            s = s.substring(2, s.length() - 2);
            int bar = s.indexOf('|');
            s = bar >= 0 ? s.substring(bar + 1) : s;
        }
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Letters NFD does not decompose, spelled the way people type them without accents, and marks dropped
     * (""); null for any other character (a letter or digit stands for itself, anything else separates words).
     */
    private static String fold(char c) {
        switch (c) {
            case 'ø': return "o";
            case 'ł': return "l";
            case 'đ': return "d";
            case 'ð': return "d";
            case 'þ': return "th";
            case 'ß': return "ss";
            case 'æ': return "ae";
            case 'œ': return "oe";
            case 'ı': return "i";
            case '’': case '\'': case '.': return "";
            default:
                return null;
        }
    }
}

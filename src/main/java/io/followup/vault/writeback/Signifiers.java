package io.followup.vault.writeback;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Regexes (over raw byte text, see {@link RawText}) that recognise each signifier emoji in every form a
 * vault stores it: proper UTF-8, and UTF-8 that went once through windows-1252, windows-1254 or Mac Roman
 * (bytes the code page lacks either dropped or kept as C1 controls) and was saved again as UTF-8.
 * Generating the forms from the code pages, rather than listing them, keeps all emoji covered alike.
 */
final class Signifiers {

    private static final List<Charset> WRONG_CODE_PAGES = List.of(
            Charset.forName("windows-1252"), Charset.forName("windows-1254"), Charset.forName("x-MacRoman"));

    static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";
    private static final Map<SignifierKind, Pattern> AT_END = new EnumMap<>(SignifierKind.class);
    /** For each kind, the texts every match of its {@link #atEnd} pattern starts with, one of them: its emoji's raw forms, or "#". */
    private static final Map<SignifierKind, List<String>> NEEDLES = new EnumMap<>(SignifierKind.class);

    static {
        String fe0f = alternatives("\uFE0F");
        for (SignifierKind kind : SignifierKind.values()) {
            if (kind.emoji.length == 0) {
                continue;
            }
            String emoji = "(?:" + alternatives(kind.emoji) + ")(?:" + fe0f + ")?";
            String regex;
            if (kind.isDate()) {
                regex = "(" + emoji + ")[ \\t]*" + DATE + "$";
            } else if (kind == SignifierKind.RECURRENCE) {
                regex = "(" + emoji + ")[ \\t]?([a-zA-Z0-9, !]+)$";
            } else if (kind == SignifierKind.ID) {
                regex = "(" + emoji + ")[ \\t]*([a-zA-Z0-9_-]+)$";
            } else if (kind == SignifierKind.DEPENDS_ON) {
                regex = "(" + emoji + ")[ \\t]*([a-zA-Z0-9_-]+(?: *, *[a-zA-Z0-9_-]+)*)$";
            } else if (kind == SignifierKind.ON_COMPLETION) {
                regex = "(" + emoji + ")[ \\t]*([a-zA-Z]+)$";
            } else {
                regex = "(" + emoji + ")()$";
            }
            AT_END.put(kind, Pattern.compile(regex));
            Set<String> forms = new LinkedHashSet<>();
            for (String text : kind.emoji) {
                forms.addAll(rawForms(text));
            }
            NEEDLES.put(kind, List.copyOf(forms));
        }
        // the plugin's tag characters, as the reader cuts them (after white space, as the reader requires too)
        AT_END.put(SignifierKind.TAG, Pattern.compile("(?<=\\p{javaWhitespace})(#)(" + io.followup.vault.TagSyntax.TAG_CHAR_CLASS + "+)$"));
        NEEDLES.put(SignifierKind.TAG, List.of("#"));
    }

    private Signifiers() {
    }

    /**
     * Where in {@code raw[from, to)} a match of {@link #atEnd}{@code (kind)} can start at the earliest: the first of the
     * texts every match starts with (its emoji's raw forms, or "#"); -1 when none is there, so it cannot match at all. A
     * few indexOf calls rule a kind out of a line, or cut the part its pattern is tried on, where the pattern (a long
     * alternation of mojibake forms before a {@code $}) was tried at every position of the line: 5% of serve's Java CPU.
     */
    static int earliestStart(SignifierKind kind, String raw, int from, int to) {
        List<String> needles = NEEDLES.get(kind);
        if (needles == null) {
            return from;
        }
        int earliest = -1;
        for (String needle : needles) {
            int at = raw.indexOf(needle, from);
            if (at >= 0 && at + needle.length() <= to && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        return earliest;
    }

    /** Pattern matching this signifier at the end of a region: group 1 the emoji, group 2 the value. */
    static Pattern atEnd(SignifierKind kind) {
        return AT_END.get(kind);
    }

    /** Regex alternation of every raw form of the given code points, longest first. */
    static String alternatives(String... texts) {
        Set<String> forms = new LinkedHashSet<>();
        for (String text : texts) {
            forms.addAll(rawForms(text));
        }
        return forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /** The proper UTF-8 form of text plus each mojibake form, all as raw byte text. */
    static List<String> rawForms(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        forms.add(RawText.of(utf8));
        for (Charset cp : WRONG_CODE_PAGES) {
            for (boolean keepC1 : new boolean[] {false, true}) {
                String shown = misread(utf8, cp, keepC1);
                forms.add(RawText.utf8(shown));
                // Mac Roman shows 0xF0 as the Apple logo (U+F8FF, private use), which copy/paste often loses
                forms.add(RawText.utf8(shown.replace("\uF8FF", "")));
            }
        }
        return forms;
    }

    /** How a viewer using the wrong code page shows UTF-8 bytes; unmapped bytes dropped or kept as C1. */
    private static String misread(byte[] utf8, Charset cp, boolean keepUnmappedAsC1) {
        StringBuilder sb = new StringBuilder();
        for (byte b : utf8) {
            String c = new String(new byte[] {b}, cp);
            if (c.equals("\uFFFD")) {
                if (keepUnmappedAsC1) {
                    sb.append((char) (b & 0xFF));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

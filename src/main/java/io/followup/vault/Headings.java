package io.followup.vault;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Markdown heading tells the parser: its level, its section key, its default task owner. */
final class Headings {

    /** A heading line: level 1..6, and its text without the hashes. */
    record Heading(int level, String text) {
    }

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("summary", "summary"),
            Map.entry("executive summary", "summary"),
            Map.entry("key facts learned", "key_facts"),
            Map.entry("key facts", "key_facts"),
            Map.entry("key information", "key_facts"),
            Map.entry("key info", "key_facts"),
            Map.entry("outcomes", "outcomes"),
            Map.entry("decisions", "decisions"),
            Map.entry("key decisions", "decisions"),
            Map.entry("risks", "risks"),
            Map.entry("open questions", "open_questions"));

    /** Compiled once: String.replaceAll compiles its pattern on every call, and this runs for every heading. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern FOR_OWNER = Pattern.compile("\\((?:for|owner:?|owned by)\\s+([^)]{1,80})\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_FOR = Pattern.compile(
            "^(?:action items|actions|tasks|to-?dos?|next steps|follow-?ups?)\\s+(?:for|by)\\s+(.{1,80})$",
            Pattern.CASE_INSENSITIVE);

    private Headings() {
    }

    /** The heading on this line (up to three spaces of indent, 1-6 '#', then a space), or null. */
    static Heading parse(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
            i++;
        }
        int hashes = 0;
        while (i + hashes < line.length() && line.charAt(i + hashes) == '#') {
            hashes++;
        }
        int after = i + hashes;
        if (hashes == 0 || hashes > 6 || (after < line.length() && line.charAt(after) != ' ' && line.charAt(after) != '\t')) {
            return null;
        }
        String text = line.substring(after).strip();
        // Closing hashes ("## Risks ##") are decoration.
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        if (end < text.length() && (end == 0 || text.charAt(end - 1) == ' ')) {
            text = text.substring(0, end).strip();
        }
        return new Heading(hashes, text);
    }

    /** The section key (summary, key_facts, …, transcript) of a heading text, or null. */
    static String sectionKey(String headingText) {
        if (headingText.length() > 300) {
            return null;
        }
        String name = normalize(headingText);
        if (name.startsWith("transcript")) {
            return "transcript";
        }
        return SECTIONS.get(name);
    }

    /** The owner a heading gives its tasks: "Action items (for Lior)" or "Next steps for Lior". */
    static String defaultOwner(String headingText) {
        if (headingText.length() > 300) {
            return null;
        }
        Matcher m = FOR_OWNER.matcher(headingText);
        if (m.find()) {
            return cleanOwner(m.group(1));
        }
        Matcher l = LIST_FOR.matcher(normalizeSpaces(headingText));
        return l.find() ? cleanOwner(l.group(1)) : null;
    }

    private static String cleanOwner(String s) {
        String t = s.strip();
        if (t.startsWith("@")) {
            t = t.substring(1);
        }
        if (t.startsWith("[[") && t.endsWith("]]")) {
            t = t.substring(2, t.length() - 2);
        }
        while (t.endsWith(":") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        t = t.strip();
        return t.isEmpty() ? null : t;
    }

    /** Lower case, no leading emoji or numbering, no "(auto)" suffix, no trailing colon. */
    private static String normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < s.length() && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        s = s.substring(start);
        int paren = s.indexOf('(');
        if (paren > 0) {
            s = s.substring(0, paren);
        }
        s = normalizeSpaces(s).strip();
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String normalizeSpaces(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}

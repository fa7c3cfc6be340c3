package io.followup.vault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a note's body lines once: code fences, headings (sections, default owners, the title) and
 * task lines. Keeps no recursion and no per-line state beyond the open headings (at most six).
 */
final class BodyReader {

    /** Longest section text kept; a transcript longer than this is cut with a warning. */
    static final int MAX_SECTION = 1_000_000;
    /** Lines longer than this are still read, but reported. */
    static final int LONG_LINE = 1 << 20;
    /** Only lines this short are looked at as "**Date**:"-style metadata. */
    private static final int MAX_META_LINE = 2_000;

    private final String path;
    private final List<Warning> warnings;

    final List<ParsedTask> tasks = new ArrayList<>();
    final Map<String, SectionText> sections = new LinkedHashMap<>();
    String firstH1;
    String dateLine;
    String participantsLine;

    private record OpenSection(int level, String key, SectionText text) {
    }

    private record OwnerScope(int level, String owner) {
    }

    BodyReader(String path, List<Warning> warnings) {
        this.path = path;
        this.warnings = warnings;
    }

    /** Reads lines {@code from..} of the text; line numbers reported are 1-based file lines. */
    void read(NoteText text, int from) {
        Deque<OpenSection> open = new ArrayDeque<>();
        Deque<OwnerScope> owners = new ArrayDeque<>();
        Fence fence = null;
        int fenceLine = 0;
        for (int k = from; k < text.count(); k++) {
            int lineNo = k + 1;
            if (text.length(k) > LONG_LINE) {
                warnings.add(new Warning(path, lineNo, "line is longer than 1 MB (" + text.length(k)
                        + " characters); read, but stored text is cut"));
            }
            // Plain text (most lines) opens or closes nothing and holds no task: it only goes into the open sections.
            if (text.plain(k)) {
                appendToSections(open, text, k);
                continue;
            }
            String line = text.line(k);
            if (fence != null) {
                if (fence.closedBy(line)) {
                    fence = null;
                }
                appendToSections(open, text, k);
                continue;
            }
            Fence opening = Fence.opening(line);
            if (opening != null) {
                fence = opening;
                fenceLine = lineNo;
                appendToSections(open, text, k);
                continue;
            }
            Headings.Heading h = Headings.parse(line);
            if (h != null) {
                heading(h, open, owners, text, k);
                continue;
            }
            appendToSections(open, text, k);
            if (line.length() <= MAX_META_LINE) {
                metadata(line);
            }
            String owner = owners.isEmpty() ? null : owners.peek().owner();
            TaskLineParser.parse(line, lineNo, owner, problem -> warnings.add(new Warning(path, lineNo, problem)))
                    .ifPresent(tasks::add);
        }
        if (fence != null) {
            warnings.add(new Warning(path, fenceLine, "code block is never closed; the lines after it were not read for tasks"));
        }
    }

    private void heading(Headings.Heading h, Deque<OpenSection> open, Deque<OwnerScope> owners, NoteText text, int k) {
        if (h.level() == 1 && firstH1 == null && !h.text().isEmpty()) {
            firstH1 = h.text();
        }
        while (!open.isEmpty() && open.peek().level() >= h.level()) {
            open.pop();
        }
        while (!owners.isEmpty() && owners.peek().level() >= h.level()) {
            owners.pop();
        }
        appendToSections(open, text, k);
        String owner = Headings.defaultOwner(h.text());
        if (owner != null) {
            owners.push(new OwnerScope(h.level(), owner));
        }
        String key = Headings.sectionKey(h.text());
        if (key != null) {
            SectionText section = sections.computeIfAbsent(key, x -> new SectionText(text.text));
            if (section.length() > 0) {
                section.append("\n\n");
            }
            open.push(new OpenSection(h.level(), key, section));
        }
    }

    /** Adds line {@code k} and a line break to every open section, each cut at {@link #MAX_SECTION} characters. */
    private void appendToSections(Deque<OpenSection> open, NoteText text, int k) {
        if (open.isEmpty()) {
            return;
        }
        int start = text.start(k);
        int length = text.length(k);
        for (OpenSection s : open) {
            SectionText section = s.text();
            int had = section.length();
            if (had >= MAX_SECTION) {
                continue;
            }
            int room = MAX_SECTION - had;
            if (length + 1 > room) {
                section.appendPart(start, start + Math.max(0, room));
                warnings.add(new Warning(path, k + 1, "section '" + s.key() + "' is longer than " + MAX_SECTION
                        + " characters; the rest was cut"));
            } else {
                section.appendLine(start, start + length, text.newlineAfter(k));
            }
        }
    }

    /** "**Date**: 2025-10-28", "**Date:** …", "**Attendees**: a, b", "**Participants:**", "**With**:". */
    private void metadata(String line) {
        String s = line.strip();
        if (!s.startsWith("**")) {
            return;
        }
        int close = s.indexOf("**", 2);
        if (close < 0) {
            return;
        }
        String label = s.substring(2, close).strip();
        String rest = s.substring(close + 2);
        boolean colonInside = label.endsWith(":");
        if (colonInside) {
            label = label.substring(0, label.length() - 1).strip();
        } else if (rest.startsWith(":")) {
            rest = rest.substring(1);
        } else {
            return;
        }
        String value = rest.strip();
        switch (label.toLowerCase(java.util.Locale.ROOT)) {
            case "date" -> dateLine = dateLine == null ? value : dateLine;
            case "attendees", "participants", "with" -> participantsLine = participantsLine == null ? value : participantsLine;
            default -> { }
        }
    }

    /** A fenced code block opener (``` or ~~~, three or more), possibly inside a list or quote. */
    private record Fence(char ch, int length) {

        static Fence opening(String line) {
            int i = contentStart(line);
            int n = run(line, i);
            if (n < 3) {
                return null;
            }
            char c = line.charAt(i);
            // A backtick fence's info string may not contain backticks (that is inline code).
            if (c == '`' && line.indexOf('`', i + n) >= 0) {
                return null;
            }
            return new Fence(c, n);
        }

        boolean closedBy(String line) {
            int i = contentStart(line);
            int n = run(line, i);
            return n >= length && line.charAt(i) == ch && line.substring(i + n).isBlank();
        }

        private static int contentStart(String line) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '>')) {
                i++;
            }
            return i;
        }

        private static int run(String line, int i) {
            if (i >= line.length() || (line.charAt(i) != '`' && line.charAt(i) != '~')) {
                return 0;
            }
            char c = line.charAt(i);
            int j = i;
            while (j < line.length() && line.charAt(j) == c) {
                j++;
            }
            return j - i;
        }
    }
}

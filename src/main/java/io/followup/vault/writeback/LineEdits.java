package io.followup.vault.writeback;

import io.followup.vault.Mojibake;
import io.followup.vault.NoteParser;
import io.followup.vault.ParsedTask;
import io.followup.vault.TaskLineParser;
import io.followup.vault.TextDecoder;
import io.followup.vault.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks of a note after lines were changed in place (a write-back ticked a box, moved a date), worked out from
 * the tasks {@link NoteParser} read before and the changed lines alone: what a full parse would give, without
 * reading the front matter and every line again (that parse was a fifth of a Done click's CPU).
 *
 * <p>It answers only when that is certain, and is empty otherwise, so the caller parses the whole note: when the
 * line count differs, a changed line is the first or no task line before, its old text is not what the parser
 * stored (the bytes were read another way), it lies inside a section kept as text, it had or now has a problem
 * (a bad date, a cut description or line), it lost its mention, or a changed line's bytes are not strict UTF-8. The other
 * lines are byte for byte as before, and nothing a line is read with (the heading above it, a code fence, the
 * note's decoding; mojibake repair works within a run of non-ASCII characters, never across a line) changed.
 */
public final class LineEdits {

    private LineEdits() {
    }

    /**
     * {@code tasks}, {@code sections} and {@code warnings}: what the parser read from {@code before}. Empty when the
     * note has to be parsed in full.
     */
    public static Optional<List<ParsedTask>> tasksAfter(List<ParsedTask> tasks, Map<String, String> sections,
                                                        List<Warning> warnings, byte[] before, byte[] after) {
        NoteLines a = NoteLines.of(before);
        NoteLines b = NoteLines.of(after);
        if (a.size() != b.size()) {
            return Optional.empty();
        }
        Map<Integer, ParsedTask> byLine = new HashMap<>();
        tasks.forEach(t -> byLine.put(t.line(), t));
        Map<Integer, ParsedTask> changed = new HashMap<>();
        for (int n = 1; n <= a.size(); n++) {
            if (a.sameContent(n, b)) {
                continue;
            }
            ParsedTask old = byLine.get(n);
            if (n == 1 || old == null || hasWarning(warnings, n)) {
                return Optional.empty(); // the first line may hold a byte order mark
            }
            Optional<String> oldText = text(a.content(n));
            Optional<String> newText = text(b.content(n));
            if (oldText.isEmpty() || newText.isEmpty()) {
                return Optional.empty();
            }
            String oldLine = Mojibake.repair(oldText.get());
            if (!oldLine.equals(old.rawLine()) || inSection(sections, oldLine)) {
                return Optional.empty();
            }
            Optional<ParsedTask> reread = reread(Mojibake.repair(newText.get()), n, old);
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            changed.put(n, reread.get());
        }
        List<ParsedTask> out = new ArrayList<>(tasks.size());
        tasks.forEach(t -> out.add(changed.getOrDefault(t.line(), t)));
        return Optional.of(out);
    }

    /**
     * The line's text as the note's decoder reads it, when all of its bytes are UTF-8: a line's bytes then read alike
     * whether the whole note decodes in bulk or, for bytes elsewhere that are not UTF-8, byte by byte.
     */
    private static Optional<String> text(byte[] line) {
        TextDecoder.Result r = TextDecoder.decodeWithReport(line);
        return r.fallbackBytes() == 0 ? Optional.of(r.text()) : Optional.empty();
    }

    /** The task on the new line, read with the owner of the heading above it, as the full parse would read it. */
    private static Optional<ParsedTask> reread(String line, int lineNo, ParsedTask old) {
        boolean[] problem = {false};
        String headingOwner = old.ownerFromHeading() ? old.ownerRaw() : null;
        Optional<ParsedTask> t = TaskLineParser.parse(line, lineNo, headingOwner, p -> problem[0] = true);
        if (problem[0] || t.isEmpty() || line.length() > TaskLineParser.MAX_RAW_LINE) {
            return Optional.empty();
        }
        // no mention now, where the old line had one: the owner of a heading above it (if any) is not known
        if (t.get().ownerRaw() == null && old.ownerRaw() != null && !old.ownerFromHeading()) {
            return Optional.empty();
        }
        return t;
    }

    private static boolean hasWarning(List<Warning> warnings, int lineNo) {
        return warnings.stream().anyMatch(w -> w.line() == lineNo);
    }

    /** Whether the line's text is part of a section kept as text (a false alarm only costs the full parse). */
    private static boolean inSection(Map<String, String> sections, String line) {
        String text = line.strip(); // a section is stored stripped: its first and last lines lose their edge spaces
        return sections.values().stream().anyMatch(s -> s.contains(text));
    }
}

package io.followup.vault;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * (a bad date, a cut description), it lost its mention, or a changed line's bytes are not strict UTF-8. The other
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
        int[] a = lineStarts(before);
        int[] b = lineStarts(after);
        if (a.length != b.length) {
            return Optional.empty();
        }
        Map<Integer, ParsedTask> byLine = new HashMap<>();
        tasks.forEach(t -> byLine.put(t.line(), t));
        Map<Integer, ParsedTask> changed = new HashMap<>();
        for (int k = 0; k < a.length; k++) {
            int aEnd = lineEnd(before, a, k);
            int bEnd = lineEnd(after, b, k);
            if (Arrays.equals(before, a[k], aEnd, after, b[k], bEnd)) {
                continue;
            }
            int lineNo = k + 1;
            ParsedTask old = byLine.get(lineNo);
            if (k == 0 || old == null || hasWarning(warnings, lineNo)) {
                return Optional.empty(); // the first line may hold a byte order mark
            }
            Optional<String> oldText = utf8(before, a[k], aEnd);
            Optional<String> newText = utf8(after, b[k], bEnd);
            if (oldText.isEmpty() || newText.isEmpty()) {
                return Optional.empty();
            }
            String oldLine = Mojibake.repair(oldText.get());
            if (!oldLine.equals(old.rawLine()) || inSection(sections, oldLine)) {
                return Optional.empty();
            }
            Optional<ParsedTask> reread = reread(Mojibake.repair(newText.get()), lineNo, old);
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            changed.put(lineNo, reread.get());
        }
        List<ParsedTask> out = new ArrayList<>(tasks.size());
        tasks.forEach(t -> out.add(changed.getOrDefault(t.line(), t)));
        return Optional.of(out);
    }

    /** Where each line starts: at 0 and after each LF (a LF is one byte in UTF-8 and in every fallback the decoder uses). */
    private static int[] lineStarts(byte[] bytes) {
        int n = 1;
        for (byte x : bytes) {
            n += x == '\n' ? 1 : 0;
        }
        int[] starts = new int[n];
        for (int i = 0, k = 1; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    /** The end of line {@code k}: before its LF, and before a CR ending it (CRLF files), as {@link NoteText} cuts lines. */
    private static int lineEnd(byte[] bytes, int[] starts, int k) {
        int end = k + 1 < starts.length ? starts[k + 1] - 1 : bytes.length;
        return end > starts[k] && bytes[end - 1] == '\r' ? end - 1 : end;
    }

    /**
     * The line's text when its bytes are strict UTF-8 (they then read alike whether the note as a whole decodes in bulk
     * or, for bytes elsewhere that are not UTF-8, byte by byte); empty otherwise.
     */
    private static Optional<String> utf8(byte[] bytes, int from, int to) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The task on the new line, read with the owner of the heading above it, as the full parse would read it. */
    private static Optional<ParsedTask> reread(String line, int lineNo, ParsedTask old) {
        boolean[] problem = {false};
        String headingOwner = old.ownerFromHeading() ? old.ownerRaw() : null;
        Optional<ParsedTask> t = TaskLineParser.parse(line, lineNo, headingOwner, p -> problem[0] = true);
        if (problem[0] || t.isEmpty() || line.length() > BodyReader.LONG_LINE) {
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
        return sections.values().stream().anyMatch(s -> s.contains(line));
    }
}

package io.followup.vault.writeback;

import io.followup.store.WritebackStore.NoteLine;
import io.followup.vault.Mojibake;
import io.followup.vault.TextDecoder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a task's line in the note as it is now. First where the last ingest saw it, if that line still
 * reads the same; else the one task line (outside code fences) with the same description, since lines
 * move when someone edits above them. Zero or several matches mean we cannot tell: no line (-1).
 */
final class LineLocator {

    private LineLocator() {
    }

    static int locate(NoteLines note, int expectedLine, NoteLine stored, String description) {
        if (stored != null && expectedLine >= 1 && expectedLine <= note.size()
                && sameText(repaired(note.content(expectedLine)), stored.rawLine())) {
            return expectedLine;
        }
        String wanted = normalize(stored != null ? stored.description() : description);
        if (wanted.isEmpty()) {
            return -1;
        }
        List<Integer> matches = new ArrayList<>();
        String fence = null;
        for (int n = 1; n <= note.size(); n++) {
            String text = repaired(note.content(n));
            String trimmed = text.stripLeading().replaceFirst("^(>\\s*)*", "");
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                continue;
            }
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            int lineNo = n;
            TaskLine.parse(RawText.of(note.content(n)))
                    .filter(line -> normalize(description(line)).equals(wanted))
                    .ifPresent(line -> matches.add(lineNo));
        }
        return matches.size() == 1 ? matches.get(0) : -1;
    }

    /** The description as the reader gives it: before the owner mention and the signifiers, repaired. */
    static String description(TaskLine line) {
        int end = line.trailingMentionStart() >= 0 ? line.trailingMentionStart() : line.descriptionEnd();
        return repaired(RawText.bytes(line.raw().substring(line.bodyStart(), end)));
    }

    static String repaired(byte[] bytes) {
        return Mojibake.repair(TextDecoder.decode(bytes));
    }

    private static boolean sameText(String a, String b) {
        return b != null && a.strip().equals(b.strip());
    }

    /** Letters and digits only, lower case, composed: wording must match, spacing and punctuation need not. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}

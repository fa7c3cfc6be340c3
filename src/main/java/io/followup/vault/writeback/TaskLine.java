package io.followup.vault.writeback;

import io.followup.model.TaskStatus;
import io.followup.vault.Mojibake;
import io.followup.vault.TaskLineParser;
import io.followup.vault.TextDecoder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the parts of one task line sit in its raw byte text: the status between the brackets, the
 * description, the signifier run read backwards from the end (as the Tasks plugin reads it) and a
 * trailing block id. Positions only; nothing is repaired, so edits can leave every other byte alone.
 */
record TaskLine(
        String raw,
        int statusStart,
        int statusEnd,
        int bodyStart,
        int descriptionEnd,
        int runEnd,
        int blockIdStart,
        List<Signifier> signifiers) {

    /** One signifier: [start, end) the whole of it, [valueStart, valueEnd) its date, text or tag name. */
    record Signifier(SignifierKind kind, int start, int end, int valueStart, int valueEnd) {
        String value(String raw) {
            return raw.substring(valueStart, valueEnd);
        }
    }

    // list marker (-, *, +, 1., 1)) at any indent, inside any number of blockquote/callout levels
    private static final Pattern TASK_START = Pattern.compile(
            "^((?:[ \\t]*>)*[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+)\\[([^\\]]{1,4})\\]");
    private static final Pattern BLOCK_ID = Pattern.compile("[ \\t](\\^[A-Za-z0-9-]+)$");
    private static final List<SignifierKind> RUN_KINDS = List.of(
            SignifierKind.DONE, SignifierKind.CANCELLED, SignifierKind.DUE, SignifierKind.SCHEDULED,
            SignifierKind.START, SignifierKind.CREATED, SignifierKind.PRIORITY, SignifierKind.RECURRENCE,
            SignifierKind.TAG, SignifierKind.ID, SignifierKind.DEPENDS_ON, SignifierKind.ON_COMPLETION);

    /** Reads a raw line (no line terminator); empty when it is not a task line. */
    static Optional<TaskLine> parse(String raw) {
        Matcher start = TASK_START.matcher(raw);
        if (!start.find()) {
            return Optional.empty();
        }
        int bodyStart = start.end();
        int contentEnd = trimEnd(raw, bodyStart, raw.length());
        int blockIdStart = -1;
        int runEnd = contentEnd;
        Matcher block = BLOCK_ID.matcher(raw).region(bodyStart, contentEnd);
        if (block.find()) {
            blockIdStart = block.start(1);
            runEnd = trimEnd(raw, bodyStart, block.start());
        }
        // where each kind's match can start at the earliest (-1: its emoji is not in the line); a shorter run keeps it
        int[] earliest = new int[RUN_KINDS.size()];
        for (int k = 0; k < RUN_KINDS.size(); k++) {
            earliest[k] = Signifiers.earliestStart(RUN_KINDS.get(k), raw, bodyStart, runEnd);
        }
        List<Signifier> found = new ArrayList<>();
        int cur = runEnd;
        boolean more = true;
        while (more && cur > bodyStart) {
            more = false;
            for (int k = 0; k < RUN_KINDS.size(); k++) {
                if (earliest[k] < 0 || earliest[k] >= cur) {
                    continue;
                }
                SignifierKind kind = RUN_KINDS.get(k);
                Matcher m = Signifiers.atEnd(kind).matcher(raw).region(earliest[k], cur);
                m.useTransparentBounds(true);
                if (m.find()) {
                    found.add(new Signifier(kind, m.start(), m.end(), m.start(2), m.end(2)));
                    cur = trimEnd(raw, bodyStart, m.start());
                    more = true;
                    break;
                }
            }
        }
        Collections.reverse(found);
        return Optional.of(new TaskLine(raw, start.start(2), start.end(2), bodyStart, cur, runEnd, blockIdStart,
                List.copyOf(found)));
    }

    private static int trimEnd(String raw, int from, int end) {
        int e = end;
        while (e > from && (raw.charAt(e - 1) == ' ' || raw.charAt(e - 1) == '\t')) {
            e--;
        }
        return e;
    }

    TaskStatus status() {
        return TaskStatus.fromSymbol(raw.substring(statusStart, statusEnd));
    }

    Optional<Signifier> first(SignifierKind kind) {
        return signifiers.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** The date of a date signifier, empty when absent or not a real date (2025-11-33). */
    Optional<LocalDate> date(SignifierKind kind) {
        return first(kind).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s.value(raw)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    Optional<String> recurrence() {
        return first(SignifierKind.RECURRENCE).map(s -> s.value(raw).strip());
    }

    /** Start of the last @mention in the description (at its start or after a space, a name after it), or -1. */
    int mentionStart() {
        for (int i = descriptionEnd - 2; i >= bodyStart; i--) {
            if (raw.charAt(i) == '@' && (i == bodyStart || raw.charAt(i - 1) == ' ' || raw.charAt(i - 1) == '\t')
                    && (Character.isLetterOrDigit(raw.charAt(i + 1)) || raw.charAt(i + 1) == '[' || raw.charAt(i + 1) >= 0x80)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Start of the owner mention when it runs to the end of the description ({@code … @Lior Genzel}), else -1:
     * a mention in mid-sentence ({@code ask @Lior about it, please}) is part of the description's words.
     */
    int trailingMentionStart() {
        int at = mentionStart();
        if (at < 0) {
            return -1;
        }
        String rest = Mojibake.repair(TextDecoder.decode(RawText.bytes(raw.substring(at + 1, descriptionEnd))));
        return TaskLineParser.mentionRunsToEnd(rest) ? at : -1;
    }

    int blockIdEnd() {
        return blockIdStart < 0 ? -1 : blockIdEnd(raw, blockIdStart);
    }

    private static int blockIdEnd(String raw, int from) {
        int e = from + 1;
        while (e < raw.length() && raw.charAt(e) != ' ' && raw.charAt(e) != '\t') {
            e++;
        }
        return e;
    }
}

package io.followup.vault;

import io.followup.model.Priority;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Obsidian Tasks signifiers at the end of a task line (dates, priority, recurrence, trailing
 * tags, block id), read backwards as the plugin does, plus every #tag of the line. Each step
 * consumes text or ends the run, so a long line costs linear time.
 */
final class Signifiers {

    private static final char VS16 = '\uFE0F';

    private Signifiers() {
    }

    enum DateField { DUE, SCHEDULED, START, CREATED, DONE, CANCELLED }

    private record DateSignifier(String emoji, DateField field) {
    }

    private static final List<DateSignifier> DATE_SIGNIFIERS = List.of(
            new DateSignifier("\uD83D\uDCC5", DateField.DUE),        // 📅
            new DateSignifier("\uD83D\uDCC6", DateField.DUE),        // 📆 (the plugin accepts it too)
            new DateSignifier("\uD83D\uDDD3", DateField.DUE),        // 🗓
            new DateSignifier("\u23F3", DateField.SCHEDULED),        // ⏳
            new DateSignifier("\u231B", DateField.SCHEDULED),        // ⌛
            new DateSignifier("\uD83D\uDEEB", DateField.START),      // 🛫
            new DateSignifier("\u2795", DateField.CREATED),          // ➕
            new DateSignifier("\u2705", DateField.DONE),             // ✅
            new DateSignifier("\u274C", DateField.CANCELLED));       // ❌

    private static final String RECURRENCE = "\uD83D\uDD01"; // 🔁

    /** What the signifiers said; mutable while reading, then copied into the ParsedTask. */
    static final class Found {
        LocalDate due;
        LocalDate scheduled;
        LocalDate start;
        LocalDate created;
        LocalDate done;
        LocalDate cancelled;
        Priority priority;
        String recurrence;
        String blockId;

        void set(DateField field, LocalDate date) {
            switch (field) {
                case DUE -> due = date;
                case SCHEDULED -> scheduled = date;
                case START -> start = date;
                case CREATED -> created = date;
                case DONE -> done = date;
                case CANCELLED -> cancelled = date;
                default -> throw new IllegalStateException(field.name());
            }
        }
    }

    /** Consumes signifiers from the end; returns where the description ends. */
    static int read(String body, Found b, Consumer<String> problems) {
        int end = trimEnd(body, body.length());
        int blockStart = blockIdStart(body, end);
        if (blockStart >= 0) {
            b.blockId = body.substring(blockStart + 1, end);
            end = trimEnd(body, blockStart);
        }
        while (end > 0) {
            int next = dateSignifier(body, end, b, problems);
            if (next < 0) {
                next = prioritySignifier(body, end, b);
            }
            if (next < 0) {
                next = trailingTag(body, end);
            }
            if (next < 0) {
                next = recurrence(body, end, b);
            }
            if (next < 0) {
                next = dependencyOrCompletionField(body, end);
            }
            if (next < 0) {
                break;
            }
            end = trimEnd(body, next);
        }
        return end;
    }

    private static int blockIdStart(String s, int end) {
        int k = end;
        while (k > 0 && isBlockIdChar(s.charAt(k - 1))) {
            k--;
        }
        if (k == end || k == 0 || s.charAt(k - 1) != '^') {
            return -1;
        }
        int caret = k - 1;
        return caret == 0 || Character.isWhitespace(s.charAt(caret - 1)) ? caret : -1;
    }

    private static boolean isBlockIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static int dateSignifier(String s, int end, Found b, Consumer<String> problems) {
        int dateStart = end - 10;
        if (dateStart < 0 || !isIsoDateShape(s, dateStart)) {
            return -1;
        }
        int k = dateStart;
        while (k > 0 && s.charAt(k - 1) == ' ') {
            k--;
        }
        if (k > 0 && s.charAt(k - 1) == VS16) {
            k--;
        }
        for (DateSignifier sig : DATE_SIGNIFIERS) {
            int emojiStart = k - sig.emoji().length();
            if (emojiStart >= 0 && s.startsWith(sig.emoji(), emojiStart)) {
                String text = s.substring(dateStart, end);
                LocalDate date = parseIsoDate(text);
                if (date == null) {
                    problems.accept("invalid date " + text + " after " + sig.emoji() + " (ignored)");
                }
                b.set(sig.field(), date);
                return emojiStart;
            }
        }
        return -1;
    }

    private static boolean isIsoDateShape(String s, int at) {
        for (int k = 0; k < 10; k++) {
            char c = s.charAt(at + k);
            boolean ok = (k == 4 || k == 7) ? c == '-' : (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A strict YYYY-MM-DD date, or null when the shape is right but the day does not exist. */
    static LocalDate parseIsoDate(String text) {
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                    Integer.parseInt(text.substring(8, 10)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int prioritySignifier(String s, int end, Found b) {
        int k = end;
        if (s.charAt(k - 1) == VS16) {
            k--;
        }
        for (Priority p : Priority.values()) {
            int start = k - p.emoji().length();
            if (start >= 0 && s.startsWith(p.emoji(), start)) {
                b.priority = b.priority == null ? p : b.priority;
                return start;
            }
        }
        return -1;
    }

    private static int trailingTag(String s, int end) {
        int k = end;
        while (k > 0 && TagSyntax.isTagChar(s.charAt(k - 1))) {
            k--;
        }
        if (k == end || k == 0 || s.charAt(k - 1) != '#') {
            return -1;
        }
        int hash = k - 1;
        boolean atWordStart = hash == 0 || Character.isWhitespace(s.charAt(hash - 1));
        return atWordStart ? hash : -1;
    }

    /** 🔁 followed by words of letters, digits, commas, spaces and '!', as the plugin reads it. */
    private static int recurrence(String s, int end, Found b) {
        int k = end;
        while (k > 0 && isRecurrenceChar(s.charAt(k - 1))) {
            k--;
        }
        String text = s.substring(k, end).strip();
        int marker = k;
        if (marker > 0 && s.charAt(marker - 1) == VS16) {
            marker--;
        }
        int start = marker - RECURRENCE.length();
        if (text.isEmpty() || start < 0 || !s.startsWith(RECURRENCE, start)) {
            return -1;
        }
        b.recurrence = b.recurrence == null ? text : b.recurrence;
        return start;
    }

    private static final String ID = "\uD83C\uDD94";           // 🆔 task id
    private static final String DEPENDS_ON = "\u26D4";           // ⛔ ids of the tasks this one waits for
    private static final String ON_COMPLETION = "\uD83C\uDFC1"; // 🏁 keep | delete

    /**
     * 🆔 abc-1, ⛔ abc-1,def-2 and 🏁 delete: the plugin's dependency and on-completion fields. Followup
     * does not use them, but they are part of the run (a due date before them is still the due date).
     */
    private static int dependencyOrCompletionField(String s, int end) {
        int k = end;
        while (k > 0 && (isIdChar(s.charAt(k - 1)) || s.charAt(k - 1) == ',' || s.charAt(k - 1) == ' ')) {
            k--;
        }
        String value = s.substring(k, end).strip();
        int marker = k;
        if (marker > 0 && s.charAt(marker - 1) == VS16) {
            marker--;
        }
        if (value.isEmpty()) {
            return -1;
        }
        for (String emoji : List.of(ID, DEPENDS_ON, ON_COMPLETION)) {
            int start = marker - emoji.length();
            if (start < 0 || !s.startsWith(emoji, start)) {
                continue;
            }
            boolean ok = switch (emoji) {
                case ID -> value.chars().allMatch(c -> isIdChar((char) c));
                case DEPENDS_ON -> value.matches("[A-Za-z0-9_-]+( *, *[A-Za-z0-9_-]+)*");
                default -> value.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
            };
            return ok ? start : -1;
        }
        return -1;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isRecurrenceChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ',' || c == ' ' || c == '!';
    }


    /** Every #tag of the text (outside inline code), in order, without '#', each once. */
    static List<String> allTags(String s, boolean[] code) {
        Set<String> tags = new LinkedHashSet<>();
        int n = s.length();
        for (int i = s.indexOf('#'); i >= 0; i = s.indexOf('#', i + 1)) {
            if ((i > 0 && !Character.isWhitespace(s.charAt(i - 1))) || InlineCode.inside(code, i)) {
                continue;
            }
            int j = i + 1;
            while (j < n && TagSyntax.isTagChar(s.charAt(j))) {
                j++;
            }
            if (j > i + 1) {
                tags.add(s.substring(i + 1, j));
            }
            i = j - 1;
        }
        return new ArrayList<>(tags);
    }

    private static int trimEnd(String s, int end) {
        int k = end;
        while (k > 0 && Character.isWhitespace(s.charAt(k - 1))) {
            k--;
        }
        return k;
    }
}

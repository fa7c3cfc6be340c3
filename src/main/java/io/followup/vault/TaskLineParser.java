package io.followup.vault;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one Markdown line as an Obsidian Tasks task in the emoji format: checkbox, description,
 * owner mention, and the signifiers read from the end of the line backwards, as the plugin does.
 * Hand-written scanning (no backtracking regex), so a megabyte line costs linear time.
 */
public final class TaskLineParser {

    /** Longest description kept; longer ones are cut (with a problem reported). */
    public static final int MAX_DESCRIPTION = 10_000;
    /** Longest raw line kept in a ParsedTask. */
    public static final int MAX_RAW_LINE = 10_000;

    private static final char VS16 = '\uFE0F';

    /** Where the checkbox of a task line sits: the status text is {@code line[statusStart, statusEnd)}. */
    public record Layout(int statusStart, int statusEnd, int bodyStart) {
    }

    private enum DateField { DUE, SCHEDULED, START, CREATED, DONE, CANCELLED }

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

    private TaskLineParser() {
    }

    /** Parses a line with no heading owner, ignoring problems; handy for tests and write-back. */
    public static Optional<ParsedTask> parse(String line) {
        return parse(line, 1, null, problem -> { });
    }

    /**
     * The task on this line, or empty when the line is no task (or an empty checkbox).
     *
     * @param defaultOwner owner from the enclosing heading, used when the line has no mention
     * @param problems     told about invalid dates and truncation, one sentence each
     */
    public static Optional<ParsedTask> parse(String line, int lineNumber, String defaultOwner,
            Consumer<String> problems) {
        Optional<Layout> layout = locate(line);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        Layout at = layout.get();
        String body = line.substring(at.bodyStart()).strip();
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String symbol = line.substring(at.statusStart(), at.statusEnd());
        if (symbol.equals(" ?")) {
            symbol = "?";
        }
        Builder b = new Builder();
        boolean[] code = InlineCode.mask(body);
        int end = readSignifiers(body, b, problems);
        String description = body.substring(0, end).strip();
        boolean[] descCode = code == null ? null : java.util.Arrays.copyOf(code, description.length());

        String ownerRaw = null;
        int mention = lastMention(description, descCode);
        if (mention >= 0) {
            String rest = description.substring(mention + 1).strip();
            if (looksLikeTrailingName(rest)) {
                ownerRaw = cleanName(rest);
                description = trimSeparator(description.substring(0, mention));
            } else {
                // A mention in mid-sentence ("ask @Lior about it"): the owner is that one word and
                // the sentence stays readable as written.
                ownerRaw = firstWord(rest);
            }
        }
        boolean fromHeading = false;
        if (ownerRaw == null || ownerRaw.isEmpty()) {
            ownerRaw = defaultOwner;
            fromHeading = defaultOwner != null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            problems.accept("task description longer than " + MAX_DESCRIPTION + " characters was cut");
            description = description.substring(0, MAX_DESCRIPTION);
        }
        String raw = line.length() > MAX_RAW_LINE ? line.substring(0, MAX_RAW_LINE) : line;
        return Optional.of(new ParsedTask(lineNumber, raw, symbol, TaskStatus.fromSymbol(symbol), description,
                ownerRaw, fromHeading, b.due, b.scheduled, b.start, b.created, b.done, b.cancelled, b.priority,
                b.recurrence, allTags(body, code), b.blockId));
    }

    /** Finds the checkbox: indent and blockquote marks, a list marker, spaces, then [c] or [ ?]. */
    public static Optional<Layout> locate(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '>')) {
            i++;
        }
        if (i >= n) {
            return Optional.empty();
        }
        char m = line.charAt(i);
        if (m == '-' || m == '*' || m == '+') {
            i++;
        } else if (m >= '0' && m <= '9') {
            int digits = 0;
            while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9' && digits < 10) {
                i++;
                digits++;
            }
            if (i >= n || (line.charAt(i) != '.' && line.charAt(i) != ')')) {
                return Optional.empty();
            }
            i++;
        } else {
            return Optional.empty();
        }
        int spaces = i;
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i == spaces || i >= n || line.charAt(i) != '[') {
            return Optional.empty();
        }
        int statusStart = i + 1;
        int statusEnd;
        if (line.startsWith(" ?]", statusStart)) {
            statusEnd = statusStart + 2;
        } else if (statusStart < n) {
            statusEnd = statusStart + Character.charCount(line.codePointAt(statusStart));
        } else {
            return Optional.empty();
        }
        if (statusEnd >= n || line.charAt(statusEnd) != ']') {
            return Optional.empty();
        }
        int bodyStart = statusEnd + 1;
        // "- [a](url)" is a link, not a task: the checkbox must be followed by a space or the end.
        if (bodyStart < n && line.charAt(bodyStart) != ' ' && line.charAt(bodyStart) != '\t') {
            return Optional.empty();
        }
        return Optional.of(new Layout(statusStart, statusEnd, bodyStart));
    }

    /** Mutable fields while reading signifiers; turned into the ParsedTask record at the end. */
    private static final class Builder {
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
    private static int readSignifiers(String body, Builder b, Consumer<String> problems) {
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

    private static int dateSignifier(String s, int end, Builder b, Consumer<String> problems) {
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

    private static int prioritySignifier(String s, int end, Builder b) {
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
        while (k > 0 && isTagChar(s.charAt(k - 1))) {
            k--;
        }
        if (k == end || k == 0 || s.charAt(k - 1) != '#') {
            return -1;
        }
        int hash = k - 1;
        boolean atWordStart = hash == 0 || Character.isWhitespace(s.charAt(hash - 1));
        return atWordStart && !allDigits(s, k, end) ? hash : -1;
    }

    /** 🔁 followed by words of letters, digits, commas, spaces and '!', as the plugin reads it. */
    private static int recurrence(String s, int end, Builder b) {
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

    private static boolean isRecurrenceChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ',' || c == ' ' || c == '!';
    }

    static boolean isTagChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/';
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
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
            while (j < n && isTagChar(s.charAt(j))) {
                j++;
            }
            if (j > i + 1 && !allDigits(s, i + 1, j)) {
                tags.add(s.substring(i + 1, j));
            }
            i = j - 1;
        }
        return new ArrayList<>(tags);
    }

    /** Index of the last '@' that starts a mention (line start or after whitespace), or -1. */
    private static int lastMention(String s, boolean[] code) {
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
    private static boolean looksLikeTrailingName(String rest) {
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

    private static String cleanName(String rest) {
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
        return name.strip().replaceAll("\\s+", " ");
    }

    private static String firstWord(String rest) {
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
    private static String trimSeparator(String s) {
        String t = s.stripTrailing();
        for (String sep : List.of(" -", " –", " —", " :")) {
            if (t.endsWith(sep)) {
                return t.substring(0, t.length() - sep.length()).stripTrailing();
            }
        }
        return t;
    }

    private static int trimEnd(String s, int end) {
        int k = end;
        while (k > 0 && Character.isWhitespace(s.charAt(k - 1))) {
            k--;
        }
        return k;
    }
}

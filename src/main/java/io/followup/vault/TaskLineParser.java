package io.followup.vault;

import io.followup.model.TaskStatus;
import java.util.Arrays;
import java.util.Optional;
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

    /** Where the checkbox of a task line sits: the status text is {@code line[statusStart, statusEnd)}. */
    public record Layout(int statusStart, int statusEnd, int bodyStart) {
    }

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
        Signifiers.Found b = new Signifiers.Found();
        boolean[] code = InlineCode.mask(body);
        int end = Signifiers.read(body, b, problems);
        String description = body.substring(0, end).strip();
        boolean[] descCode = code == null ? null : Arrays.copyOf(code, description.length());

        String ownerRaw = null;
        int mention = Mentions.lastMention(description, descCode);
        if (mention >= 0) {
            String rest = description.substring(mention + 1).strip();
            if (Mentions.looksLikeTrailingName(rest)) {
                ownerRaw = Mentions.cleanName(rest);
                description = Mentions.trimSeparator(description.substring(0, mention));
            } else {
                // A mention in mid-sentence ("ask @Lior about it"): the owner is that one word and
                // the sentence stays readable as written.
                ownerRaw = Mentions.firstWord(rest);
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
                b.recurrence, Signifiers.allTags(body, code), b.blockId));
    }

    /**
     * Whether the text after an owner's {@code @} reads as a name running to the end of the description
     * ({@code @Lior Genzel}) rather than a mention in mid-sentence ({@code @Lior about the deck, please}),
     * the way {@link #parse} tells them apart; write-back uses it to edit the mention the reader took.
     */
    public static boolean mentionRunsToEnd(String textAfterAt) {
        return Mentions.looksLikeTrailingName(textAfterAt.strip());
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
}

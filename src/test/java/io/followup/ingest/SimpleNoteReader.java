package io.followup.ingest;

import io.followup.model.TaskStatus;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import io.followup.vault.Warning;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small note reader for ingest tests that must not depend on the real parser:
 * "title:", "date:", "type:", "participants:" lines, and "- [c] text @Owner 📅 date ✅ date" tasks.
 * A file starting with "BOOM" makes it throw.
 */
final class SimpleNoteReader implements NoteReader {

    private static final Pattern TASK = Pattern.compile("^- \\[(.)\\] (.*)$");
    private static final Pattern DUE = Pattern.compile("\\s*\uD83D\uDCC5 (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DONE = Pattern.compile("\\s*\u2705 (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern OWNER = Pattern.compile("\\s@(.+)$");

    @Override
    public ParsedNote parse(String relPath, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("BOOM")) {
            throw new IllegalStateException("boom");
        }
        String title = relPath;
        LocalDate date = null;
        String type = "meeting";
        List<String> participants = List.of();
        List<ParsedTask> tasks = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("title: ")) {
                title = line.substring(7).strip();
            } else if (line.startsWith("date: ")) {
                date = LocalDate.parse(line.substring(6).strip());
            } else if (line.startsWith("type: ")) {
                type = line.substring(6).strip();
            } else if (line.startsWith("participants: ")) {
                participants = Arrays.stream(line.substring(14).split(",")).map(String::strip).toList();
            } else if (line.startsWith("WARN")) {
                warnings.add(new Warning(relPath, i + 1, "odd line"));
            } else {
                Matcher m = TASK.matcher(line);
                if (m.matches()) {
                    tasks.add(task(i + 1, line, m.group(1), m.group(2)));
                }
            }
        }
        boolean meeting = date != null && !type.equals("projects");
        return new ParsedNote(relPath, title, date, type, meeting, participants, Map.of("summary", "Summary of " + title), tasks, warnings);
    }

    private static ParsedTask task(int line, String raw, String symbol, String rest) {
        LocalDate due = null;
        LocalDate done = null;
        Matcher d = DUE.matcher(rest);
        if (d.find()) {
            due = LocalDate.parse(d.group(1));
            rest = d.replaceAll("");
        }
        Matcher x = DONE.matcher(rest);
        if (x.find()) {
            done = LocalDate.parse(x.group(1));
            rest = x.replaceAll("");
        }
        String owner = null;
        Matcher o = OWNER.matcher(rest);
        if (o.find()) {
            owner = o.group(1).strip();
            rest = rest.substring(0, o.start());
        }
        return new ParsedTask(line, raw, symbol, TaskStatus.fromSymbol(symbol), rest.strip(), owner, false, due, null, null, null, done,
                null, null, null, List.of(), null);
    }
}

package io.followup.bench;

import io.followup.ingest.NoteReader;
import io.followup.vault.Mojibake;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import io.followup.vault.TaskLineParser;
import io.followup.vault.TextDecoder;
import io.followup.vault.Warning;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for vault.NoteParser until it lands (h-reader): title, date, type and participants from the
 * usual places, tasks through the real TaskLineParser, code blocks skipped. BenchWiring switches to
 * NoteParser as soon as it exists; then this class goes.
 */
final class InterimNoteReader implements NoteReader {

    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FOR_OWNER = Pattern.compile("^#{1,6}\\s.*\\(for ([^)]+)\\)\\s*$");
    private static final Pattern PEOPLE_LINE = Pattern.compile("^\\*\\*(?:Attendees|Participants|With)\\*?\\*?:?\\*?\\*?\\s*(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]|]+)");

    @Override
    public ParsedNote parse(String relPath, byte[] content) {
        String text = Mojibake.repair(TextDecoder.decode(content));
        String[] lines = text.split("\r?\n", -1);
        String title = null;
        String type = null;
        LocalDate date = null;
        Set<String> participants = new LinkedHashSet<>();
        List<ParsedTask> tasks = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        int i = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            boolean inParticipants = false;
            for (i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
                String l = lines[i];
                if (l.startsWith("title:")) {
                    title = unquote(l.substring(6));
                } else if (l.startsWith("type:")) {
                    type = unquote(l.substring(5));
                } else if (l.startsWith("date:")) {
                    date = date(l);
                } else if (l.startsWith("person:")) {
                    participants.add(unquote(l.substring(7)));
                } else if (l.startsWith("participants:") && l.contains("[") && !l.contains("{")) {
                    Arrays.stream(l.substring(l.indexOf('[') + 1, l.lastIndexOf(']')).split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).forEach(participants::add);
                }
                inParticipants = l.startsWith("participants:") || (inParticipants && l.startsWith("- "));
                if (inParticipants && l.startsWith("- ")) {
                    participants.add(unquote(l.substring(2)));
                }
                Matcher link = LINK.matcher(l);
                if (l.startsWith("  - '[[") && link.find()) {
                    participants.add(link.group(1));
                }
            }
            i++;
        }
        boolean fenced = false;
        String headingOwner = null;
        for (; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().startsWith("```") || l.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            if (l.startsWith("#")) {
                Matcher m = FOR_OWNER.matcher(l);
                headingOwner = m.matches() ? m.group(1).strip() : null;
                if (title == null && l.startsWith("# ")) {
                    title = l.substring(2).strip();
                }
                continue;
            }
            Matcher people = PEOPLE_LINE.matcher(l);
            if (people.matches()) {
                Arrays.stream(people.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(participants::add);
            }
            if (date == null && l.startsWith("**Date")) {
                date = date(l);
            }
            int lineNo = i + 1;
            TaskLineParser.parse(l, lineNo, headingOwner, p -> warnings.add(new Warning(relPath, lineNo, p)))
                    .ifPresent(tasks::add);
        }
        if (title == null) {
            String name = relPath.substring(relPath.lastIndexOf('/') + 1);
            title = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        }
        if (date == null) {
            date = date(title);
        }
        boolean meeting = date != null && !"projects".equals(type);
        return new ParsedNote(relPath, title, date, type, meeting, List.copyOf(participants), Map.of(), tasks, warnings);
    }

    private static LocalDate date(String s) {
        Matcher m = DATE.matcher(s);
        if (m.find()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") || t.startsWith("'")) && t.endsWith(t.substring(0, 1))) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }
}

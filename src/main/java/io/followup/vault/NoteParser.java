package io.followup.vault;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one note's bytes into a {@link ParsedNote}: decoding, mojibake repair, front matter, title,
 * date, participants, sections and tasks. Pure, and never throws on bad input: problems become
 * warnings and the note (possibly empty) is still returned.
 */
public final class NoteParser {

    /** Bytes looked at to decide whether a file is binary junk rather than text. */
    private static final int SNIFF = 8_000;

    public ParsedNote parse(String relPath, byte[] content) {
        List<Warning> warnings = new ArrayList<>();
        String fallbackTitle = fileTitle(relPath);
        if (content == null || content.length == 0) {
            warnings.add(new Warning(relPath, 0, "empty file"));
            return empty(relPath, fallbackTitle, warnings);
        }
        if (looksBinary(content)) {
            warnings.add(new Warning(relPath, 0, "looks like binary data, not text; skipped"));
            return empty(relPath, fallbackTitle, warnings);
        }
        TextDecoder.Result decoded = TextDecoder.decodeWithReport(content);
        if (decoded.fallbackBytes() > 0) {
            warnings.add(new Warning(relPath, decoded.firstFallbackLine(), decoded.fallbackBytes()
                    + " byte(s) are not valid UTF-8 (the first on this line); read as windows-1252"));
        }
        NoteText text = new NoteText(withoutByteOrderMarks(Mojibake.repair(decoded.text())));
        List<String> lines = text.lines();

        FrontMatter fm = FrontMatter.read(lines);
        fm.problems().forEach(p -> warnings.add(new Warning(relPath, p.line(), p.message())));
        if (fm.present() && isBlank(lines, fm.bodyStart())) {
            warnings.add(new Warning(relPath, 0, "only front matter, no note text"));
        } else if (isBlank(lines, 0)) {
            warnings.add(new Warning(relPath, 0, "file holds only blank lines"));
        }

        BodyReader body = new BodyReader(relPath, warnings);
        body.read(text, fm.bodyStart());

        String title = fm.text("title").filter(t -> !FrontMatter.isPlaceholder(t))
                .orElse(body.firstH1 != null ? body.firstH1 : fallbackTitle);
        String type = fm.text("type").filter(t -> !FrontMatter.isPlaceholder(t)).orElse(null);
        LocalDate date = date(relPath, fm, lines, body, title, fallbackTitle, warnings);
        List<String> participants = Participants.of(fm, body.participantsLine);
        boolean meeting = date != null && !"projects".equalsIgnoreCase(type);

        Map<String, String> sections = new LinkedHashMap<>();
        body.sections.forEach((k, v) -> {
            String t = v.stripped();
            if (!t.isEmpty()) {
                sections.put(k, t);
            }
        });
        return new ParsedNote(relPath, title, date, type, meeting, participants, sections, body.tasks, warnings);
    }

    private static LocalDate date(String path, FrontMatter fm, List<String> lines, BodyReader body, String title,
            String fileTitle, List<Warning> warnings) {
        String fmDate = fm.text("date").filter(t -> !FrontMatter.isPlaceholder(t)).orElse(null);
        if (fmDate != null) {
            DateText.Found f = DateText.value(fmDate);
            if (f.date() != null) {
                return f.date();
            }
            warnings.add(new Warning(path, fm.lineOf("date", lines), "front matter date '" + shorten(fmDate)
                    + "' is not a valid date"));
        }
        for (DateText.Found f : List.of(DateText.value(body.dateLine), DateText.inName(title),
                DateText.inName(fileTitle))) {
            if (f.date() != null) {
                return f.date();
            }
            if (f.invalidText() != null) {
                warnings.add(new Warning(path, 0, "'" + f.invalidText() + "' is not a valid date"));
            }
        }
        return null;
    }

    private static ParsedNote empty(String path, String title, List<Warning> warnings) {
        return new ParsedNote(path, title, DateText.inName(title).date(), null, false, List.of(), Map.of(), List.of(),
                warnings);
    }

    /**
     * The text without byte order marks at its start: the decoder drops one, but a note saved twice with
     * one, or whose BOM went through a wrong code page (ï»¿), still has one, and then its front matter
     * would not start with "---".
     */
    private static String withoutByteOrderMarks(String text) {
        int k = 0;
        while (k < text.length() && text.charAt(k) == '\uFEFF') {
            k++;
        }
        return k == 0 ? text : text.substring(k);
    }

    /** Text files have no NUL bytes and few control characters (git uses the same NUL rule). */
    static boolean looksBinary(byte[] content) {
        int n = Math.min(content.length, SNIFF);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        return controls * 10 > n;
    }

    /** Splits on LF, dropping a CR before it (CRLF files); a trailing newline adds no line. */
    static List<String> lines(String text) {
        return new NoteText(text).lines();
    }

    private static boolean isBlank(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The file name without folders and without its .md extension. */
    static String fileTitle(String relPath) {
        String name = relPath == null ? "" : relPath.substring(relPath.replace('\\', '/').lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

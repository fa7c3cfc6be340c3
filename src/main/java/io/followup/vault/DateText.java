package io.followup.vault;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the date a note is about in short texts: a front matter value, a Date line, a title. */
final class DateText {

    /** Longest text searched; titles and Date lines are short, anything longer is not one. */
    private static final int MAX = 500;

    /** 2025-10-28, 2025/10/28, or 20251028 not glued to other digits. */
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})[-/](\\d{2})[-/](\\d{2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final List<DateTimeFormatter> WORDY = List.of(
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH));

    /** What was found: a date, or a date-shaped text that is no real day (to warn about). */
    record Found(LocalDate date, String invalidText) {
        static final Found NOTHING = new Found(null, null);
    }

    private DateText() {
    }

    /** A value meant to be a date (front matter, Date line): ISO first, then "October 28, 2025". */
    static Found value(String text) {
        if (text == null || text.isBlank() || text.length() > MAX) {
            return Found.NOTHING;
        }
        Found iso = find(ISO, text);
        if (iso != Found.NOTHING) {
            return iso;
        }
        String t = text.strip();
        for (DateTimeFormatter f : WORDY) {
            try {
                return new Found(LocalDate.parse(t, f), null);
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        return find(COMPACT, text);
    }

    /** A date inside a title or file name ("2025-10-28 - …", "20251028 1200 …"). */
    static Found inName(String text) {
        if (text == null || text.length() > MAX) {
            return Found.NOTHING;
        }
        Found iso = find(ISO, text);
        return iso != Found.NOTHING ? iso : find(COMPACT, text);
    }

    private static Found find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Found.NOTHING;
        }
        try {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            if (y < 1900 || y > 2200) {
                return Found.NOTHING;
            }
            return new Found(LocalDate.of(y, mo, d), null);
        } catch (java.time.DateTimeException e) {
            return new Found(null, m.group());
        }
    }
}

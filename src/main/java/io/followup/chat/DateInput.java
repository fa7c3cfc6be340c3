package io.followup.chat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates people type: "2026-03-05", "today", "tomorrow", "+3d", "2w", "in 3 days", "monday",
 * "next monday", "next week" (the coming Monday). Weekdays mean the next one after today.
 */
public final class DateInput {

    private static final Pattern RELATIVE = Pattern.compile("(?:in\\s+)?\\+?(\\d{1,3})\\s*(d|day|days|w|wk|week|weeks)?");

    private DateInput() {
    }

    public static Optional<LocalDate> parse(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (s) {
            case "today":
                return Optional.of(today);
            case "tomorrow", "tmrw", "tmr":
                return Optional.of(today.plusDays(1));
            case "next week":
                return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
            default:
                break;
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = RELATIVE.matcher(s);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            boolean weeks = m.group(2) != null && m.group(2).startsWith("w");
            return Optional.of(weeks ? today.plusWeeks(n) : today.plusDays(n));
        }
        String day = s.startsWith("next ") ? s.substring(5) : s;
        return weekday(day).map(d -> today.with(TemporalAdjusters.next(d)));
    }

    private static Optional<DayOfWeek> weekday(String s) {
        if (s.length() < 3) {
            return Optional.empty();
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (name.equals(s) || (s.length() <= name.length() && name.startsWith(s) && s.length() >= 3)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}

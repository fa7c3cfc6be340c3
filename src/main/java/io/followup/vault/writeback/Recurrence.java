package io.followup.vault.writeback;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tasks-plugin recurrence rule ("every 2 weeks", "every monday, friday", "every weekday",
 * "every month when done") and the next instance it makes when a recurring task is completed.
 * Months add calendar months (Jan 31 + 1 month = Feb 28), as java.time does.
 */
public record Recurrence(ChronoUnit unit, int every, Set<DayOfWeek> days, boolean whenDone) {

    private static final Pattern INTERVAL = Pattern.compile("every (?:(\\d+) )?(day|week|month|year)s?(?: on (.+))?");
    private static final Pattern WEEKDAYS = Pattern.compile("every ([a-z ,]+)");

    /** Reads rule text as written after 🔁; empty when the rule is not one we can compute. */
    public static Optional<Recurrence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean whenDone = t.endsWith(" when done");
        if (whenDone) {
            t = t.substring(0, t.length() - " when done".length()).strip();
        }
        if (t.equals("every weekday")) {
            return Optional.of(new Recurrence(ChronoUnit.DAYS, 1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), whenDone));
        }
        Matcher m = INTERVAL.matcher(t);
        if (m.matches()) {
            int n = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            ChronoUnit unit = ChronoUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT) + "S");
            Set<DayOfWeek> days = m.group(3) == null ? Set.of() : weekdays(m.group(3));
            if (n < 1 || days == null) {
                return Optional.empty();
            }
            return Optional.of(new Recurrence(unit, n, days, whenDone));
        }
        Matcher w = WEEKDAYS.matcher(t);
        if (w.matches()) {
            Set<DayOfWeek> days = weekdays(w.group(1));
            return days == null || days.isEmpty() ? Optional.empty()
                    : Optional.of(new Recurrence(ChronoUnit.WEEKS, 1, days, whenDone));
        }
        return Optional.empty();
    }

    private static Set<DayOfWeek> weekdays(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String word : list.split("[ ,]+|\\band\\b")) {
            String w = word.strip();
            if (w.isEmpty() || w.equals("and")) {
                continue;
            }
            DayOfWeek day = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().toLowerCase(Locale.ROOT).equals(w)) {
                    day = d;
                }
            }
            if (day == null) {
                return null;
            }
            days.add(day);
        }
        return days;
    }

    /**
     * The line of the next instance of a recurring task line, as the plugin writes it above the completed
     * one: open, no ✅/❌, no block id, due/scheduled/start moved by the rule (from the due date, else the
     * scheduled, else the start date; from {@code doneOn} for "when done"), the others kept at the same
     * distance, a ➕ created date set to {@code doneOn}. Empty when the line has no rule we understand.
     */
    public static Optional<byte[]> nextInstance(byte[] line, LocalDate doneOn) {
        return TaskLine.parse(RawText.of(line)).flatMap(task -> nextInstance(task, doneOn)).map(RawText::bytes);
    }

    static Optional<String> nextInstance(TaskLine task, LocalDate doneOn) {
        Optional<Recurrence> rule = task.recurrence().flatMap(Recurrence::parse);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        LineChange change = LineChange.none().status(" ").done(null).cancelled(null).withoutBlockId();
        Optional<LocalDate> due = task.date(SignifierKind.DUE);
        Optional<LocalDate> scheduled = task.date(SignifierKind.SCHEDULED);
        Optional<LocalDate> start = task.date(SignifierKind.START);
        Optional<LocalDate> reference = due.or(() -> scheduled).or(() -> start);
        if (reference.isPresent()) {
            LocalDate ref = reference.get();
            LocalDate next = rule.get().next(rule.get().whenDone() ? doneOn : ref);
            long shift = ChronoUnit.DAYS.between(ref, next);
            if (due.isPresent()) {
                change = change.due(due.get().plusDays(shift));
            }
            if (scheduled.isPresent()) {
                change = change.scheduled(scheduled.get().plusDays(shift));
            }
            if (start.isPresent()) {
                change = change.start(start.get().plusDays(shift));
            }
        }
        if (task.first(SignifierKind.CREATED).isPresent()) {
            change = change.created(doneOn);
        }
        return Optional.of(TaskLineEditor.apply(task, change));
    }

    /** The next occurrence after {@code from}. */
    public LocalDate next(LocalDate from) {
        if (!days.isEmpty()) {
            if (unit == ChronoUnit.DAYS || every == 1) {
                LocalDate d = from.plusDays(1);
                while (!days.contains(d.getDayOfWeek())) {
                    d = d.plusDays(1);
                }
                return d;
            }
            // "every 2 weeks on monday": the chosen day in the week `every` weeks later
            LocalDate d = from.plus(every, unit).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            while (!days.contains(d.getDayOfWeek())) {
                d = d.plusDays(1);
            }
            return d;
        }
        return from.plus(every, unit);
    }
}

package io.followup.vault.writeback;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tasks-plugin recurrence rule and the next instance it makes when a recurring task is completed. The
 * rules are the plugin's (its rrule text): "every 3 days", "every weekday", "every week on Tuesday, Friday",
 * "every 2 weeks", "every month on the 1st", "every month on the last", "every month on the 2nd last
 * Friday", "every 6 months on the 2nd Wednesday", "every January on the 15th", "every year", each with
 * an optional "when done". A plain "every month" adds calendar months (Jan 31 + 1 month = Feb 28, the
 * plugin moves the day earlier too); a rule that names the day skips months without it (RFC 5545, as the
 * plugin does: "on the 31st" skips April). Weeks and months with an interval count from the reference
 * date's week (Monday first) and month, as rrule does.
 *
 * @param monthDay day of the month (1..31), -1 the last day, 0 none
 * @param nth      with a weekday in {@code days}: which one of the month (1..5, -1 last, -2 second last), 0 none
 * @param months   the months of a yearly rule ("every January and July"); empty: the reference date's
 */
public record Recurrence(ChronoUnit unit, int every, Set<DayOfWeek> days, Set<Month> months, int monthDay, int nth,
                         boolean whenDone) {

    private static final Pattern INTERVAL = Pattern.compile("every (?:(\\d+) )?(day|week|month|year)s?(?: on (.+))?");
    private static final Pattern WEEKDAYS = Pattern.compile("every ([a-z ,]+)");
    private static final Pattern IN_MONTHS = Pattern.compile("every ([a-z ,]+?)(?: on the (.+))?");
    /** "the 1st", "the last", "the 2nd wednesday", "the last friday", "the 2nd last friday". */
    private static final Pattern MONTH_DAY = Pattern.compile("(?:the )?(?:(\\d{1,2})(?:st|nd|rd|th) )?(last|\\d{1,2}(?:st|nd|rd|th))(?: ([a-z]+))?");

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
            return Optional.of(new Recurrence(ChronoUnit.DAYS, 1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    Set.of(), 0, 0, whenDone));
        }
        Matcher m = INTERVAL.matcher(t);
        if (m.matches()) {
            int n = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            ChronoUnit unit = ChronoUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT) + "S");
            if (n < 1) {
                return Optional.empty();
            }
            if (m.group(3) == null) {
                return Optional.of(new Recurrence(unit, n, Set.of(), Set.of(), 0, 0, whenDone));
            }
            if (unit == ChronoUnit.WEEKS) {
                Set<DayOfWeek> days = weekdays(m.group(3));
                return days == null || days.isEmpty() ? Optional.empty()
                        : Optional.of(new Recurrence(unit, n, days, Set.of(), 0, 0, whenDone));
            }
            return unit == ChronoUnit.MONTHS ? inMonth(m.group(3), unit, n, Set.of(), whenDone) : Optional.empty();
        }
        Matcher y = IN_MONTHS.matcher(t);
        if (y.matches()) {
            Set<Month> months = months(y.group(1));
            if (months != null) {
                return y.group(2) == null ? Optional.of(new Recurrence(ChronoUnit.YEARS, 1, Set.of(), months, 0, 0, whenDone))
                        : inMonth(y.group(2), ChronoUnit.YEARS, 1, months, whenDone);
            }
        }
        Matcher w = WEEKDAYS.matcher(t);
        if (w.matches()) {
            Set<DayOfWeek> days = weekdays(w.group(1));
            return days == null || days.isEmpty() ? Optional.empty()
                    : Optional.of(new Recurrence(ChronoUnit.WEEKS, 1, days, Set.of(), 0, 0, whenDone));
        }
        return Optional.empty();
    }

    /** The day part of a monthly or yearly rule ("the 1st", "the last friday"); empty when it is none. */
    private static Optional<Recurrence> inMonth(String spec, ChronoUnit unit, int every, Set<Month> months, boolean whenDone) {
        Matcher d = MONTH_DAY.matcher(spec);
        if (!d.matches()) {
            return Optional.empty();
        }
        boolean last = d.group(2).equals("last");
        int number = last ? -1 : Integer.parseInt(d.group(2).replaceAll("\\D", ""));
        if (d.group(3) == null) {
            if (d.group(1) != null || number == 0 || number > 31) {
                return Optional.empty();
            }
            return Optional.of(new Recurrence(unit, every, Set.of(), months, number, 0, whenDone));
        }
        Set<DayOfWeek> day = weekdays(d.group(3));
        if (day == null || day.size() != 1) {
            return Optional.empty();
        }
        int nth;
        if (d.group(1) != null) {
            int before = Integer.parseInt(d.group(1));
            if (!last || before < 1 || before > 5) {
                return Optional.empty();
            }
            nth = -before; // "the 2nd last friday"
        } else {
            nth = number;
        }
        return nth == 0 || nth > 5 ? Optional.empty() : Optional.of(new Recurrence(unit, every, day, months, 0, nth, whenDone));
    }

    private static Set<DayOfWeek> weekdays(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String word : list.split("[ ,]+")) {
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

    /** "january and july" -> those months; null when a word is no month. */
    private static Set<Month> months(String list) {
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (String word : list.split("[ ,]+")) {
            if (word.isEmpty() || word.equals("and")) {
                continue;
            }
            Month month = null;
            for (Month mo : Month.values()) {
                if (mo.name().toLowerCase(Locale.ROOT).equals(word)) {
                    month = mo;
                }
            }
            if (month == null) {
                return null;
            }
            months.add(month);
        }
        return months.isEmpty() ? null : months;
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
        LineChange change = LineChange.none().status(" ").done(null).cancelled(null).asNextInstance();
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
        switch (unit) {
            case DAYS:
                if (days.isEmpty()) {
                    return from.plusDays(every);
                }
                LocalDate d = from.plusDays(1);
                while (!days.contains(d.getDayOfWeek())) {
                    d = d.plusDays(1);
                }
                return d;
            case WEEKS:
                if (days.isEmpty()) {
                    return from.plusWeeks(every);
                }
                // the chosen days of the reference date's week and of every `every`-th week after it
                LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                for (LocalDate c = from.plusDays(1); ; c = c.plusDays(1)) {
                    long weeks = ChronoUnit.WEEKS.between(week, c.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
                    if (days.contains(c.getDayOfWeek()) && weeks % every == 0) {
                        return c;
                    }
                }
            case MONTHS:
                if (monthDay == 0 && nth == 0) {
                    return from.plusMonths(every);
                }
                for (int k = 0; k < 12 * 8; k++) {
                    LocalDate c = inMonth(YearMonth.from(from).plusMonths((long) k * every), from.getDayOfMonth());
                    if (c != null && c.isAfter(from)) {
                        return c;
                    }
                }
                return from.plusMonths(every);
            default:
                if (months.isEmpty() && monthDay == 0 && nth == 0) {
                    return from.plusYears(every);
                }
                for (int k = 0; k < 8; k++) {
                    int year = from.getYear() + k * every;
                    for (Month mo : months.isEmpty() ? EnumSet.of(from.getMonth()) : months) {
                        LocalDate c = inMonth(YearMonth.of(year, mo), from.getDayOfMonth());
                        if (c != null && c.isAfter(from)) {
                            return c;
                        }
                    }
                }
                return from.plusYears(every);
        }
    }

    /** This rule's day in {@code month}, or null when the month has none (no 31st in April). */
    private LocalDate inMonth(YearMonth month, int referenceDay) {
        if (nth != 0) {
            DayOfWeek day = days.iterator().next();
            LocalDate c = nth > 0 ? month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(nth, day))
                    : month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(day)).minusWeeks(-nth - 1L);
            return YearMonth.from(c).equals(month) ? c : null;
        }
        int dayOfMonth = monthDay == -1 ? month.lengthOfMonth() : monthDay > 0 ? monthDay : referenceDay;
        return month.isValidDay(dayOfMonth) ? month.atDay(dayOfMonth) : null;
    }
}

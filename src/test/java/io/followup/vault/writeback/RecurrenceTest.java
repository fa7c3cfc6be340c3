package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final LocalDate FRI_OCT_31 = LocalDate.of(2025, 10, 31);

    static LocalDate next(String rule, LocalDate from) {
        return Recurrence.parse(rule).orElseThrow().next(from);
    }

    @Test
    void interval_rules_add_their_unit() {
        assertEquals(LocalDate.of(2025, 11, 1), next("every day", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 7), next("every week", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 30), next("every month", FRI_OCT_31));
        assertEquals(LocalDate.of(2026, 10, 31), next("every year", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 3), next("every 3 days", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 14), next("every 2 weeks", FRI_OCT_31));
        assertEquals(LocalDate.of(2026, 4, 30), next("every 6 months", FRI_OCT_31));
    }

    @Test
    void weekday_rules_go_to_the_next_named_day() {
        assertEquals(LocalDate.of(2025, 11, 3), next("every monday", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 3), next("every weekday", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 4), next("every Tuesday, Friday", FRI_OCT_31));
        assertEquals(LocalDate.of(2025, 11, 3), next("every week on Monday", FRI_OCT_31));
    }

    @Test
    void monthly_and_yearly_rules_that_name_the_day_follow_the_plugins_examples() {
        LocalDate wedMar4 = LocalDate.of(2026, 3, 4);
        assertEquals(LocalDate.of(2022, 2, 28), next("every month on the last", LocalDate.of(2022, 1, 31)));
        assertEquals(LocalDate.of(2022, 3, 31), next("every month on the last", LocalDate.of(2022, 2, 28)));
        // a named day skips the months without it; a plain "every month" moves the day earlier instead
        assertEquals(LocalDate.of(2022, 3, 31), next("every month on the 31st", LocalDate.of(2022, 1, 31)));
        assertEquals(LocalDate.of(2022, 2, 28), next("every month", LocalDate.of(2022, 1, 31)));
        assertEquals(LocalDate.of(2026, 4, 1), next("every month on the 1st", wedMar4));
        assertEquals(LocalDate.of(2026, 5, 1), next("every 2 months on the 1st", wedMar4));
        assertEquals(LocalDate.of(2026, 3, 27), next("every month on the last Friday", wedMar4));
        assertEquals(LocalDate.of(2026, 3, 20), next("every month on the 2nd last Friday", wedMar4));
        assertEquals(LocalDate.of(2026, 3, 11), next("every 6 months on the 2nd Wednesday", wedMar4));
        assertEquals(LocalDate.of(2026, 9, 9), next("every 6 months on the 2nd Wednesday", LocalDate.of(2026, 3, 11)));
        assertEquals(LocalDate.of(2027, 1, 15), next("every January on the 15th", LocalDate.of(2026, 1, 15)));
        assertEquals(LocalDate.of(2026, 12, 31), next("every February and December on the last", LocalDate.of(2026, 3, 1)));
        assertEquals(LocalDate.of(2025, 2, 28), next("every year", LocalDate.of(2024, 2, 29)));
    }

    @Test
    void weekly_rules_with_an_interval_count_weeks_from_the_reference_week() {
        LocalDate monMar2 = LocalDate.of(2026, 3, 2);
        assertEquals(LocalDate.of(2026, 3, 6), next("every 2 weeks on Monday, Friday", monMar2));
        assertEquals(LocalDate.of(2026, 3, 16), next("every 2 weeks on Monday, Friday", LocalDate.of(2026, 3, 6)));
        assertEquals(LocalDate.of(2021, 5, 2), next("every week on Sunday", LocalDate.of(2021, 4, 25)));
        assertEquals(LocalDate.of(2026, 3, 20), next("every 3 weeks on Friday", LocalDate.of(2026, 2, 27)));
    }

    @Test
    void completing_a_task_due_on_the_last_of_the_month_writes_the_next_one() {
        assertEquals("- [ ] Close the books 🔁 every month on the last 📅 2026-04-30",
                nextInstance("- [x] Close the books 🔁 every month on the last 📅 2026-03-31 ✅ 2026-03-31", LocalDate.of(2026, 3, 31)));
    }

    @Test
    void the_next_instance_drops_the_plugins_id_and_depends_on_fields_but_keeps_on_completion() {
        assertEquals("- [ ] Ship 🔁 every week 🏁 keep 📅 2025-11-07",
                nextInstance("- [x] Ship 🆔 ship1 ⛔ prep2 🔁 every week 🏁 keep 📅 2025-10-31 ✅ 2025-11-02", LocalDate.of(2025, 11, 2)));
    }

    @Test
    void unknown_rules_are_not_guessed() {
        assertTrue(Recurrence.parse("every blue moon").isEmpty());
        assertTrue(Recurrence.parse("sometimes").isEmpty());
        assertTrue(Recurrence.parse("every month on the 1st and 15th").isEmpty());
        assertTrue(Recurrence.parse("every month on the 32nd").isEmpty());
        assertTrue(Recurrence.parse("every day on the 1st").isEmpty());
    }

    static String nextInstance(String line, LocalDate doneOn) {
        return new String(Recurrence.nextInstance(line.getBytes(StandardCharsets.UTF_8), doneOn).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    @Test
    void the_next_instance_is_open_without_done_date_or_block_id_with_dates_moved() {
        assertEquals("- [ ] Water plants 🔁 every week ⏳ 2025-11-05 📅 2025-11-07",
                nextInstance("- [x] Water plants 🔁 every week ⏳ 2025-10-29 📅 2025-10-31 ✅ 2025-11-02 ^plants",
                        LocalDate.of(2025, 11, 2)));
    }

    @Test
    void when_done_rules_count_from_the_completion_date() {
        assertEquals("  - [ ] Review 🔁 every 2 weeks when done 📅 2025-11-16 #ops",
                nextInstance("  - [x] Review 🔁 every 2 weeks when done 📅 2025-10-01 #ops ✅ 2025-11-02",
                        LocalDate.of(2025, 11, 2)));
    }

    @Test
    void a_created_date_becomes_the_completion_date() {
        assertEquals("- [ ] Report 🔁 every month ➕ 2025-11-02 📅 2025-11-30",
                nextInstance("- [x] Report 🔁 every month ➕ 2025-09-30 📅 2025-10-31 ✅ 2025-11-02",
                        LocalDate.of(2025, 11, 2)));
    }

    @Test
    void a_line_without_a_rule_has_no_next_instance() {
        assertTrue(Recurrence.nextInstance("- [x] Once 📅 2025-10-31".getBytes(StandardCharsets.UTF_8),
                FRI_OCT_31).isEmpty());
    }
}

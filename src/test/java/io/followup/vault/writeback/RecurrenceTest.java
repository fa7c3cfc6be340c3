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
    void unknown_rules_are_not_guessed() {
        assertTrue(Recurrence.parse("every blue moon").isEmpty());
        assertTrue(Recurrence.parse("sometimes").isEmpty());
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

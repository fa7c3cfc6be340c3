package io.followup.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateInputTest {

    static final LocalDate WEDNESDAY = LocalDate.parse("2026-03-04");

    private static LocalDate read(String s) {
        return DateInput.parse(s, WEDNESDAY).orElseThrow(() -> new AssertionError("unread: " + s));
    }

    @Test
    void reads_iso_relative_and_named_dates() {
        assertEquals(LocalDate.parse("2026-03-05"), read("2026-03-05"));
        assertEquals(WEDNESDAY, read("today"));
        assertEquals(LocalDate.parse("2026-03-05"), read("Tomorrow"));
        assertEquals(LocalDate.parse("2026-03-07"), read("+3d"));
        assertEquals(LocalDate.parse("2026-03-07"), read("3d"));
        assertEquals(LocalDate.parse("2026-03-07"), read("in 3 days"));
        assertEquals(LocalDate.parse("2026-03-18"), read("+2w"));
        assertEquals(LocalDate.parse("2026-03-09"), read("monday"));
        assertEquals(LocalDate.parse("2026-03-09"), read("mon"));
        assertEquals(LocalDate.parse("2026-03-09"), read("next week"));
        assertEquals(LocalDate.parse("2026-03-11"), read("wednesday"), "a weekday is the next one after today");
        assertEquals(LocalDate.parse("2026-03-06"), read("next friday"));
    }

    @Test
    void rejects_what_it_cannot_read() {
        for (String s : new String[] {"", "someday", "2026-02-30", "mo", "+d", null, "next", "3 apples"}) {
            assertTrue(DateInput.parse(s, WEDNESDAY).isEmpty(), String.valueOf(s));
        }
    }
}

package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RowDigestTest {

    static RowDigest of(String... values) {
        RowDigest.Builder b = new RowDigest.Builder();
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    @Test
    void equal_values_give_equal_digests() {
        assertEquals(of("Send the deck", null, "2026-03-05"), of("Send the deck", null, "2026-03-05"));
    }

    @Test
    void boundaries_nulls_and_any_changed_value_tell_rows_apart() {
        assertNotEquals(of("ab", "c"), of("a", "bc"));
        assertNotEquals(of((String) null), of(""));
        assertNotEquals(of("x", null), of("x"));
        assertNotEquals(of("Send the deck", "2026-03-05"), of("Send the deck", "2026-03-06"));
        assertNotEquals(of("Café"), of("Cafe\u0301"));
    }
}

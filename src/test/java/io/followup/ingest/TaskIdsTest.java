package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskIdsTest {

    @Test
    void ids_are_eight_lowercase_base32_characters_and_deterministic() {
        String id = TaskIds.of("Meetings/a.md", "call bob", 0);
        assertTrue(id.matches("[a-z2-7]{8}"), id);
        assertEquals(id, TaskIds.of("Meetings/a.md", "call bob", 0));
        assertNotEquals(id, TaskIds.of("Meetings/a.md", "call bob", 1));
        assertNotEquals(id, TaskIds.of("Meetings/b.md", "call bob", 0));
    }

    @Test
    void a_collision_lengthens_the_id_deterministically() {
        String id = TaskIds.of("a.md", "x", 0);
        String longer = TaskIds.unique("a.md", "x", 0, Set.of(id));
        assertEquals(9, longer.length());
        assertTrue(longer.startsWith(id));
        assertEquals(longer, TaskIds.unique("a.md", "x", 0, Set.of(id)));
    }

    @Test
    void normalisation_ignores_case_accents_and_punctuation() {
        assertEquals("tomas owes bobs report", TaskText.normalize("Tomás owes  Bob\u2019s report!"));
    }
}

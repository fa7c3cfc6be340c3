package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSetTest {

    @Test
    void every_member_is_found_and_ids_not_in_it_are_not() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add("t" + Integer.toString(i * 7919, 36));
        }
        IdSet set = new IdSet(ids.stream().mapToLong(IdSet::hash).toArray());
        Set<String> members = new HashSet<>(ids);

        ids.forEach(id -> assertTrue(set.mightContain(id), id));
        int wronglyFound = 0;
        for (int i = 0; i < 20_000; i++) {
            String other = "t" + Integer.toString(i * 7919 + 1, 36);
            if (!members.contains(other) && set.mightContain(other)) {
                wronglyFound++;
            }
        }
        assertTrue(wronglyFound == 0, wronglyFound + " ids not in the set were found");
        assertFalse(new IdSet(new long[0]).mightContain("t1"));
    }

    @Test
    void ids_that_differ_in_one_character_hash_apart() {
        assertTrue(IdSet.hash("t1a2b3") != IdSet.hash("t1a2b4"));
        assertTrue(IdSet.hash("m-2025-10-28-weekly") != IdSet.hash("m-2025-10-28-weeklz"));
    }
}

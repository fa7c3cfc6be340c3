package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void chunks_hold_every_item_once_in_order_padded_to_a_few_lengths() {
        Set<Integer> lengths = new LinkedHashSet<>();
        for (int n = 1; n <= 1_200; n++) {
            List<Integer> items = IntStream.range(0, n).boxed().toList();
            List<List<Integer>> chunks = Sql.chunks(items);
            List<Integer> distinct = new ArrayList<>();
            for (List<Integer> chunk : chunks) {
                lengths.add(chunk.size());
                chunk.stream().distinct().forEach(distinct::add);
                assertEquals(chunk.get(chunk.size() - 1), chunk.get(chunk.stream().distinct().toList().size() - 1),
                        "the padding repeats the last item");
            }
            assertEquals(items, distinct, n + " items");
        }
        assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 128, 256, Sql.CHUNK), lengths);
        assertEquals(List.of(), Sql.chunks(List.of()));
    }
}

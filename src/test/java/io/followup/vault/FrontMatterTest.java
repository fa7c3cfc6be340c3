package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static FrontMatter read(String text) {
        return FrontMatter.read(NoteParser.lines(text));
    }

    @Test
    void valid_yaml_with_quoted_and_plain_dates_lists_and_nested_keys() {
        FrontMatter fm = read("---\ndate: 2025-10-28\ncreated: '2025-10-29'\ntags: [a, b]\nentities:\n  people:\n  - '[[Ana Silva]]'\n---\nbody");
        assertTrue(fm.present());
        assertEquals(8, fm.bodyStart());
        assertEquals(Optional.of("2025-10-28"), fm.text("date"));
        assertEquals(Optional.of("2025-10-29"), fm.text("created"));
        assertEquals(List.of("a", "b"), fm.texts("tags"));
        assertEquals(List.of("[[Ana Silva]]"), fm.texts("entities.people"));
        assertTrue(fm.problems().isEmpty());
    }

    @Test
    void no_front_matter_or_an_unclosed_one_means_all_body() {
        assertFalse(read("# Title\n---\n").present());
        FrontMatter unclosed = read("---\ntitle: x\n");
        assertFalse(unclosed.present());
        assertEquals(1, unclosed.problems().size());
    }

    @Test
    void lenient_reading_keeps_scalars_lists_and_nested_lists() {
        FrontMatter fm = read("---\ntitle: a: b\ntype: \"customer\"\nparticipants:\n- Ana\n- Bo\nentities:\n  people:\n  - '[[Cy]]'\nx: [p, 'q']\n---\n");
        assertEquals(Optional.of("a: b"), fm.text("title"));
        assertEquals(Optional.of("customer"), fm.text("type"));
        assertEquals(List.of("Ana", "Bo"), fm.texts("participants"));
        assertEquals(List.of("[[Cy]]"), fm.texts("entities.people"));
        assertEquals(List.of("p", "q"), fm.texts("x"));
        assertEquals(2, fm.problems().get(0).line());
    }

    @Test
    void yaml_bombs_are_refused_and_read_leniently() {
        String bomb = "---\na: &a [\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: Safe\n---\n";
        FrontMatter fm = read(bomb);
        assertEquals(Optional.of("Safe"), fm.text("title"));
        assertFalse(fm.problems().isEmpty());
    }

    @Test
    void a_megabyte_of_front_matter_is_not_given_to_the_yaml_parser_but_read_line_by_line() {
        // SnakeYAML took seconds over such a value before refusing it
        FrontMatter fm = read("---\ntitle: Kiosk review\nnotes: " + "x".repeat(1_200_000) + "\ndate: 2026-03-02\n---\nbody");
        assertEquals(Optional.of("Kiosk review"), fm.text("title"));
        assertEquals(Optional.of("2026-03-02"), fm.text("date"));
        assertTrue(fm.problems().get(0).message().contains("longer than 100 KB"), fm.problems().toString());
    }
}

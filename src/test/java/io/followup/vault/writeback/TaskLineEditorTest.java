package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskLineEditorTest {

    static final LocalDate NOV_2 = LocalDate.of(2025, 11, 2);
    static final LocalDate NOV_5 = LocalDate.of(2025, 11, 5);

    /** Edits text given as real Unicode; the line is stored as UTF-8, as most notes are. */
    static String edit(String line, LineChange change) {
        byte[] out = TaskLineEditor.edit(line.getBytes(StandardCharsets.UTF_8), change).orElseThrow();
        return new String(out, StandardCharsets.UTF_8);
    }

    static LineChange complete() {
        return LineChange.none().status("x").done(NOV_2);
    }

    @Test
    void completing_ticks_the_box_and_appends_the_done_date() {
        assertEquals("- [x] Send the deck @Ana Silva 📅 2025-10-31 ✅ 2025-11-02",
                edit("- [ ] Send the deck @Ana Silva 📅 2025-10-31", complete()));
    }

    @Test
    void the_done_date_goes_before_a_block_id() {
        assertEquals("- [x] Send the deck ⏫ 📅 2025-10-31 ✅ 2025-11-02 ^deck-1",
                edit("- [ ] Send the deck ⏫ 📅 2025-10-31 ^deck-1", complete()));
    }

    @Test
    void the_done_date_goes_after_trailing_tags_and_trailing_spaces_stay() {
        assertEquals("- [x] Do it @Bo #task #proposed ✅ 2025-11-02  ",
                edit("- [ ] Do it @Bo #task #proposed  ", complete()));
    }

    @Test
    void the_done_date_goes_after_the_plugins_dependency_fields_and_before_the_block_id() {
        assertEquals("- [x] Ship @Bo 📅 2025-10-31 🆔 ship1 ⛔ prep2 ✅ 2025-11-02 ^s",
                edit("- [ ] Ship @Bo 📅 2025-10-31 🆔 ship1 ⛔ prep2 ^s", complete()));
        assertEquals("- [ ] Ship @Bo 📅 2025-11-05 🆔 ship1", edit("- [ ] Ship @Bo 📅 2025-10-31 🆔 ship1", LineChange.none().due(NOV_5)));
    }

    @Test
    void a_plain_line_without_signifiers_gets_the_done_date_at_the_end() {
        assertEquals("- [x] Call Bo ✅ 2025-11-02", edit("- [ ] Call Bo", complete()));
    }

    @Test
    void reopening_unticks_and_removes_the_done_date_keeping_the_block_id() {
        assertEquals("- [ ] Do it 📅 2025-10-31 ^b1",
                edit("- [x] Do it 📅 2025-10-31 ✅ 2025-11-02 ^b1", LineChange.none().status(" ").done(null)));
    }

    @Test
    void snoozing_changes_the_due_date_in_place() {
        assertEquals("- [ ] Do it 📅 2025-11-05 ⏫ #task",
                edit("- [ ] Do it 📅 2025-10-31 ⏫ #task", LineChange.none().due(NOV_5)));
    }

    @Test
    void snoozing_a_due_date_written_with_the_other_calendar_emoji_moves_that_date() {
        // the plugin reads 📆 and 🗓 as due dates too: a second 📅 would be ignored by the next read
        assertEquals("- [ ] Do it 📆 2025-11-05 ⏫", edit("- [ ] Do it 📆 2025-10-31 ⏫", LineChange.none().due(NOV_5)));
        assertEquals("- [ ] Do it 🗓\uFE0F 2025-11-05", edit("- [ ] Do it 🗓\uFE0F 2025-10-31", LineChange.none().due(NOV_5)));
        assertEquals("- [ ] Do it 📆 2025-10-31 ✅ 2025-11-02", edit("- [ ] Do it 📆 2025-10-31", complete().status(" ")));
    }

    @Test
    void snoozing_a_task_without_due_date_adds_one_to_the_signifier_run() {
        assertEquals("- [ ] Do it ⏫ #task 📅 2025-11-05", edit("- [ ] Do it ⏫ #task", LineChange.none().due(NOV_5)));
    }

    @Test
    void an_added_due_date_goes_before_a_done_date_as_the_plugin_orders_them() {
        assertEquals("- [x] Do it 📅 2025-11-05 ✅ 2025-11-02",
                edit("- [x] Do it ✅ 2025-11-02", LineChange.none().due(NOV_5)));
    }

    @Test
    void a_date_followed_by_words_is_no_signifier() {
        assertEquals("- [ ] Ship 📅 2024-05-05 before lunch 📅 2025-11-05",
                edit("- [ ] Ship 📅 2024-05-05 before lunch", LineChange.none().due(NOV_5)));
    }

    @Test
    void reassigning_replaces_the_last_mention_up_to_the_signifiers() {
        assertEquals("- [ ] Ask bob@acme.test about @Ana @Tomás Ortega 📅 2025-10-31 ⏫",
                edit("- [ ] Ask bob@acme.test about @Ana @Lior Genzel Genzel 📅 2025-10-31 ⏫",
                        LineChange.none().owner("Tomás Ortega")));
    }

    @Test
    void reassigning_a_task_whose_mention_is_in_mid_sentence_keeps_every_word_and_adds_the_new_owner() {
        // the reader takes "@Lior" as the owner and the whole sentence as the description
        assertEquals("- [ ] Ask @Lior about the deck, please @Tomás Ortega 📅 2025-10-31",
                edit("- [ ] Ask @Lior about the deck, please 📅 2025-10-31", LineChange.none().owner("Tomás Ortega")));
        assertEquals("- [ ] Mail bob@acme.test the invoice @Tomás Ortega",
                edit("- [ ] Mail bob@acme.test the invoice", LineChange.none().owner("Tomás Ortega")));
    }

    @Test
    void reassigning_a_task_owned_by_its_heading_adds_a_mention() {
        assertEquals("- [ ] Draft the plan @Tomás Ortega 📅 2025-10-31",
                edit("- [ ] Draft the plan 📅 2025-10-31", LineChange.none().owner("Tomás Ortega")));
    }

    @Test
    void accepting_a_proposed_task_opens_its_box_in_both_spellings() {
        assertEquals("- [ ] Do it #task #proposed", edit("- [?] Do it #task #proposed", LineChange.none().status(" ")));
        assertEquals("- [ ] Do it #task #proposed", edit("- [ ?] Do it #task #proposed", LineChange.none().status(" ")));
    }

    @Test
    void declining_cancels_with_a_cancelled_date() {
        assertEquals("- [-] Do it 📅 2025-10-31 ❌ 2025-11-02 ^x",
                edit("- [?] Do it 📅 2025-10-31 ^x", LineChange.none().status("-").cancelled(NOV_2)));
    }

    @Test
    void tasks_in_callouts_numbered_lists_and_indented_lists_are_edited() {
        assertEquals("> - [x] Quote ✅ 2025-11-02", edit("> - [ ] Quote", complete()));
        assertEquals(">> * [x] Nested ✅ 2025-11-02", edit(">> * [ ] Nested", complete()));
        assertEquals("    1. [x] Numbered ✅ 2025-11-02", edit("    1. [ ] Numbered", complete()));
        assertEquals("\t+ [x] Tabbed ✅ 2025-11-02", edit("\t+ [ ] Tabbed", complete()));
    }

    @Test
    void a_line_that_is_not_a_task_is_not_edited() {
        assertTrue(TaskLineEditor.edit("Just text [ ] here".getBytes(StandardCharsets.UTF_8), complete()).isEmpty());
        assertTrue(TaskLineEditor.edit("- [[Link]]".getBytes(StandardCharsets.UTF_8), complete()).isEmpty());
    }

    @Test
    void a_changed_mojibake_due_date_keeps_its_mojibake_emoji_and_only_the_date_moves() {
        // seed 000: 📅 shown through windows-1254, ⏫ through windows-1252 with a dropped byte
        String line = "- [?] Share GCP performance Excel @Lior Genzel Genzel ğŸ“… 2025-10-29 â« #task #proposed";
        assertEquals("- [?] Share GCP performance Excel @Lior Genzel Genzel ğŸ“… 2025-11-05 â« #task #proposed",
                edit(line, LineChange.none().due(NOV_5)));
    }

    @Test
    void mojibake_signifiers_of_every_code_page_end_the_description() {
        // seed 001 (windows-1252) and seed 002 (Mac Roman)
        assertEquals("- [x] Add slides. @Tomás â« ðŸ“… 2025-10-31 âœ… 2025-11-08",
                edit("- [x] Add slides. @Lior â« ðŸ“… 2025-10-31 âœ… 2025-11-08", LineChange.none().owner("Tomás")));
        assertEquals("- [x] Share Excel @Tomás ‚è´ üìÖ 2025-10-29 ‚úÖ 2025-10-28",
                edit("- [x] Share Excel @Lior Genzel ‚è´ üìÖ 2025-10-29 ‚úÖ 2025-10-28", LineChange.none().owner("Tomás")));
    }

    @Test
    void reopening_removes_a_mojibake_done_date() {
        assertEquals("- [ ] Share Excel @Lior Genzel ‚è´ üìÖ 2025-10-29",
                edit("- [x] Share Excel @Lior Genzel ‚è´ üìÖ 2025-10-29 ‚úÖ 2025-10-28", LineChange.none().status(" ").done(null)));
        assertEquals("- [ ] Send it. @Jason ðŸ”¼",
                edit("- [x] Send it. @Jason ðŸ”¼ âœ… 2025-11-08", LineChange.none().status(" ").done(null)));
    }

    @Test
    void windows_1252_bytes_in_the_description_survive_an_edit() {
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] line = "- [ ] Réunion with Zoë @Tomás 📅 2025-10-31".getBytes(cp1252);
        // the emoji cannot be cp1252: splice it in as UTF-8, the way a pasted emoji ends up in such a file
        String raw = new String(line, StandardCharsets.ISO_8859_1).replace("?", RawText.utf8("📅"));
        byte[] out = TaskLineEditor.edit(RawText.bytes(raw), complete()).orElseThrow();
        byte[] expected = RawText.bytes(raw.replace("[ ]", "[x]") + RawText.utf8(" ✅ 2025-11-02"));
        assertArrayEquals(expected, out);
    }

    @Test
    void an_emoji_with_variation_selector_is_recognised() {
        assertEquals("- [ ] Do it 📅\uFE0F 2025-11-05", edit("- [ ] Do it 📅\uFE0F 2025-10-31", LineChange.none().due(NOV_5)));
    }

    @Test
    void setting_what_the_line_already_says_changes_nothing() {
        String line = "- [x] Done already 📅 2025-10-31 ✅ 2025-11-02 ^id";
        assertEquals(line, edit(line, complete().due(LocalDate.of(2025, 10, 31))));
    }
}

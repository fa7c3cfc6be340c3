package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskLineParserTest {

    private static ParsedTask task(String line) {
        return TaskLineParser.parse(line).orElseThrow(() -> new AssertionError("no task in: " + line));
    }

    @Test
    void seed_shape_with_proposed_status_trailing_tags_and_doubled_name() {
        ParsedTask t = task("- [?] Share GCP performance Excel and introduce Jason @Lior Genzel Genzel 📅 2025-10-29 ⏫ #task #proposed");
        assertEquals(TaskStatus.PROPOSED, t.status());
        assertEquals("?", t.statusSymbol());
        assertEquals("Share GCP performance Excel and introduce Jason", t.description());
        assertEquals("Lior Genzel Genzel", t.ownerRaw());
        assertFalse(t.ownerFromHeading());
        assertEquals(LocalDate.of(2025, 10, 29), t.due());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals(List.of("task", "proposed"), t.tags());
    }

    @Test
    void seed_shape_with_priority_before_due_and_done() {
        ParsedTask t = task("- [x] Add observability slide(s) and CSI driver callout to the MAI deck. @Lior ⏫ 📅 2025-10-31 ✅ 2025-11-08");
        assertEquals(TaskStatus.DONE, t.status());
        assertEquals("Add observability slide(s) and CSI driver callout to the MAI deck.", t.description());
        assertEquals("Lior", t.ownerRaw());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals(LocalDate.of(2025, 10, 31), t.due());
        assertEquals(LocalDate.of(2025, 11, 8), t.done());
    }

    @Test
    void the_plugins_dependency_and_on_completion_fields_do_not_end_the_signifier_run() {
        ParsedTask t = task("- [ ] Ship the kiosk build @Ana 📅 2026-03-05 🆔 kiosk-1 ⛔ abc123, def_4 🏁 delete ^ship");
        assertEquals("Ship the kiosk build", t.description());
        assertEquals("Ana", t.ownerRaw());
        assertEquals(LocalDate.of(2026, 3, 5), t.due());
        assertEquals("ship", t.blockId());
        assertEquals(LocalDate.of(2026, 3, 5), task("- [ ] Ship it ⏫ 📅 2026-03-05 🆔\uFE0F x9").due());
        // windows-1252 mojibake of 🆔, repaired before parsing
        assertEquals(LocalDate.of(2026, 3, 5),
                TaskLineParser.parse(Mojibake.repair("- [ ] Ship it 📅 2026-03-05 ðŸ†” x9")).orElseThrow().due());
        // a field that is not the plugin's shape is text
        assertEquals("Ship it 🆔 not an id!", task("- [ ] Ship it 🆔 not an id!").description());
    }

    @Test
    void bracket_space_question_mark_is_proposed() {
        ParsedTask t = task("- [ ?] Send Ronnie Booker’s LinkedIn/contact information to Lior. @Myself #task #proposed");
        assertEquals(TaskStatus.PROPOSED, t.status());
        assertEquals("Myself", t.ownerRaw());
        assertEquals("Send Ronnie Booker’s LinkedIn/contact information to Lior.", t.description());
    }

    @Test
    void team_mentions_keep_all_their_words() {
        assertEquals("Cloud BU engineering", task("- [x] Deliver MAI deck @Cloud BU engineering 🔺 📅 2025-10-31 ✅ 2025-10-28").ownerRaw());
        assertEquals(Priority.HIGHEST, task("- [x] Deliver MAI deck @Cloud BU engineering 🔺 📅 2025-10-31").priority());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "- [ ] a|' '|OPEN", "* [x] a|x|DONE", "+ [X] a|X|DONE", "1. [/] a|/|IN_PROGRESS", "12) [-] a|-|CANCELLED",
        "- [?] a|?|PROPOSED", "- [ ?] a|?|PROPOSED", "- [>] a|>|OPEN", "- [!] a|!|OPEN",
        "    - [x] a|x|DONE", "\t\t- [x] a|x|DONE", "> - [x] a|x|DONE", "> > - [ ] a|' '|OPEN", ">> 1. [x] a|x|DONE",
        "-   [x] a|x|DONE",
    })
    void markers_indents_quotes_and_statuses(String line, String symbol, TaskStatus status) {
        ParsedTask t = task(line);
        assertEquals(symbol, t.statusSymbol());
        assertEquals(status, t.status());
        assertEquals("a", t.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[ ] no marker", "-[ ] no space", "- [] empty box", "- [xx] two chars", "- [a](https://x.test) link",
        "- plain item", "# [x] heading", "a) [x] letter marker", "- [ ]", "- [x]   ", "`- [ ] code`", "",
        "- [[Wiki link]]",
    })
    void lines_that_are_not_tasks(String line) {
        assertTrue(TaskLineParser.parse(line).isEmpty(), line);
    }

    @Test
    void every_signifier_with_and_without_variation_selector() {
        ParsedTask t = task("- [ ] Ship it 🔁 every week on Monday ➕ 2025-01-01 🛫 2025-01-02 ⏳ 2025-01-03 📅 2025-01-04 ❌ 2025-01-06 ✅ 2025-01-05 🔽 ^ship-1");
        assertEquals("Ship it", t.description());
        assertEquals("every week on Monday", t.recurrence());
        assertEquals(LocalDate.of(2025, 1, 1), t.created());
        assertEquals(LocalDate.of(2025, 1, 2), t.start());
        assertEquals(LocalDate.of(2025, 1, 3), t.scheduled());
        assertEquals(LocalDate.of(2025, 1, 4), t.due());
        assertEquals(LocalDate.of(2025, 1, 5), t.done());
        assertEquals(LocalDate.of(2025, 1, 6), t.cancelled());
        assertEquals(Priority.LOW, t.priority());
        assertEquals("ship-1", t.blockId());

        ParsedTask v = task("- [ ] Ship it ⌛️ 2025-01-03 📅️2025-01-04 ⏬️ 🔼️");
        assertEquals("Ship it", v.description());
        assertEquals(LocalDate.of(2025, 1, 3), v.scheduled());
        assertEquals(LocalDate.of(2025, 1, 4), v.due());
        assertEquals(Priority.MEDIUM, v.priority());
    }

    @Test
    void the_first_non_signifier_ends_the_run() {
        ParsedTask t = task("- [ ] Lunch 📅 2024-05-05 before lunch");
        assertNull(t.due());
        assertEquals("Lunch 📅 2024-05-05 before lunch", t.description());
    }

    @Test
    void an_impossible_date_is_dropped_with_a_problem_but_still_consumed() {
        List<String> problems = new ArrayList<>();
        ParsedTask t = TaskLineParser.parse("- [ ] File taxes 📅 2025-02-30 ⏫", 7, null, problems::add).orElseThrow();
        assertNull(t.due());
        assertEquals("File taxes", t.description());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals(7, t.line());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("2025-02-30"));
    }

    @Test
    void tags_anywhere_are_collected_but_only_trailing_ones_leave_the_description() {
        ParsedTask t = task("- [ ] Review #budget with finance #q4 @Ana Silva 📅 2025-03-01 #work");
        assertEquals(List.of("budget", "q4", "work"), t.tags());
        assertEquals("Review #budget with finance #q4", t.description());
        assertEquals("Ana Silva", t.ownerRaw());
    }

    @Test
    void emails_hashes_in_words_and_inline_code_are_not_mentions_or_tags() {
        ParsedTask t = task("- [ ] Mail bob@acme.test about issue#12 and `#notatag @nobody` here");
        assertNull(t.ownerRaw());
        assertEquals(List.of(), t.tags());
        assertEquals("Mail bob@acme.test about issue#12 and `#notatag @nobody` here", t.description());
    }

    @Test
    void tags_are_what_the_plugin_takes_for_tags_so_a_number_tag_does_not_end_the_run() {
        // the plugin's tag: '#' then anything but spaces and !@#$%^&*(),.?":{}|<> — digits only too
        ParsedTask t = task("- [ ] Fix the login bug @Ana 📅 2026-03-05 #1234 #front+end");
        assertEquals(LocalDate.of(2026, 3, 5), t.due());
        assertEquals("Fix the login bug", t.description());
        assertEquals(List.of("1234", "front+end"), t.tags());
        assertEquals(List.of("urgent"), task("- [ ] Call Bo #urgent.").tags());
    }

    @Test
    void a_mid_sentence_mention_names_one_word_and_keeps_the_sentence() {
        ParsedTask t = task("- [ ] Ask @Priya about the budget, then decide 📅 2025-03-01");
        assertEquals("Priya", t.ownerRaw());
        assertEquals("Ask @Priya about the budget, then decide", t.description());
    }

    @Test
    void the_last_mention_wins_and_wiki_links_are_unwrapped() {
        assertEquals("Tomás Ortega", task("- [ ] Sync with @Ana then hand over @[[Tomás Ortega]]").ownerRaw());
        assertEquals("Bo", task("- [ ] Sync @Ana @Bo").ownerRaw());
    }

    @Test
    void heading_owner_applies_only_without_a_mention() {
        ParsedTask none = TaskLineParser.parse("- [ ] Draft memo", 3, "Lior", p -> { }).orElseThrow();
        assertEquals("Lior", none.ownerRaw());
        assertTrue(none.ownerFromHeading());
        ParsedTask own = TaskLineParser.parse("- [ ] Draft memo @Ana", 3, "Lior", p -> { }).orElseThrow();
        assertEquals("Ana", own.ownerRaw());
        assertFalse(own.ownerFromHeading());
    }

    @Test
    void a_five_megabyte_line_is_parsed_and_capped() {
        String line = "- [ ] " + "word ".repeat(1_000_000) + "@Ana 📅 2025-01-01";
        List<String> problems = new ArrayList<>();
        ParsedTask t = TaskLineParser.parse(line, 1, null, problems::add).orElseThrow();
        assertEquals(TaskLineParser.MAX_DESCRIPTION, t.description().length());
        assertEquals(LocalDate.of(2025, 1, 1), t.due());
        assertEquals("Ana", t.ownerRaw());
        assertEquals(TaskLineParser.MAX_RAW_LINE, t.rawLine().length());
        assertFalse(problems.isEmpty());
    }

    @Test
    void pathological_long_lines_do_not_blow_up() {
        assertTrue(TaskLineParser.parse("- [ ] " + "#".repeat(2_000_000)).isPresent());
        assertTrue(TaskLineParser.parse("- [ ] " + "@".repeat(2_000_000)).isPresent());
        assertTrue(TaskLineParser.parse("- [ ] " + "`".repeat(100_000) + "a`b``c".repeat(100_000)).isPresent());
        assertTrue(TaskLineParser.parse("- [ ] x" + " 🔁 every day".repeat(100_000)).isPresent());
        assertTrue(TaskLineParser.parse("- [ ] x " + "2025-01-01 ".repeat(200_000)).isPresent());
        assertTrue(TaskLineParser.parse("- [ ] x" + " #t".repeat(300_000)).isPresent());
    }

    @Test
    void ten_thousand_levels_of_nesting_on_one_line() {
        ParsedTask quoted = task("> ".repeat(10_000) + "- [x] deep");
        assertEquals("deep", quoted.description());
        assertTrue(TaskLineParser.parse("- ".repeat(10_000) + "[ ] not a task").isEmpty());
        assertEquals("deep", task(" ".repeat(20_000) + "- [ ] deep").description());
    }

    @Test
    void locate_gives_the_status_position_for_write_back() {
        TaskLineParser.Layout at = TaskLineParser.locate("  - [ ?] x").orElseThrow();
        assertEquals(5, at.statusStart());
        assertEquals(7, at.statusEnd());
    }
}

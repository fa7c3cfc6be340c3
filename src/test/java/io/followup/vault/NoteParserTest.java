package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.Priority;
import io.followup.model.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoteParserTest {

    private final NoteParser parser = new NoteParser();

    private ParsedNote fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/vault/" + name)) {
            return parser.parse("Meetings/" + name, in.readAllBytes());
        }
    }

    private ParsedNote parse(String relPath, String text) {
        return parser.parse(relPath, text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean warned(ParsedNote n, String fragment) {
        return n.warnings().stream().anyMatch(w -> w.message().contains(fragment));
    }

    private static ParsedTask task(ParsedNote n, String descriptionStart) {
        return n.tasks().stream().filter(t -> t.description().startsWith(descriptionStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + descriptionStart + " in " + n.tasks()));
    }

    @Test
    void heading_gives_a_default_owner_until_the_next_heading_of_its_level() throws IOException {
        ParsedNote n = fixture("heading-owners.md");
        assertEquals(6, n.tasks().size(), n.tasks().toString());
        ParsedTask contract = task(n, "Send the pilot contract");
        assertEquals("Dana", contract.ownerRaw());
        assertTrue(contract.ownerFromHeading());
        assertEquals("Ana Silva", task(n, "Book the kick-off room").ownerRaw());
        assertFalse(task(n, "Book the kick-off room").ownerFromHeading());
        assertEquals("Dana", task(n, "Draft the rollout plan").ownerRaw());
        assertEquals(LocalDate.of(2025, 3, 20), task(n, "Draft the rollout plan").scheduled());
        assertNull(task(n, "Unowned follow-up").ownerRaw());
    }

    @Test
    void callouts_and_nested_quotes_hold_tasks_but_fences_and_inline_code_do_not() throws IOException {
        ParsedNote n = fixture("heading-owners.md");
        ParsedTask sla = task(n, "Review the SLA");
        assertEquals("Tomás", sla.ownerRaw());
        assertEquals(Priority.MEDIUM, sla.priority());
        ParsedTask nested = task(n, "Nested quote task");
        assertEquals(TaskStatus.IN_PROGRESS, nested.status());
        assertEquals("Ana", nested.ownerRaw());
        assertTrue(n.tasks().stream().noneMatch(t -> t.description().contains("inside")));
        assertTrue(n.tasks().stream().noneMatch(t -> t.description().contains("this")));
    }

    @Test
    void front_matter_gives_title_date_type_and_participants() throws IOException {
        ParsedNote n = fixture("heading-owners.md");
        assertEquals("Harbor Freight onboarding sync", n.title());
        assertEquals(LocalDate.of(2025, 3, 4), n.date());
        assertEquals("meeting", n.type());
        assertTrue(n.meeting());
        assertEquals(List.of("Dana Reyes", "Tomás Ortega", "Ana Silva"), n.participants());
        assertEquals("Kick-off with Harbor Freight Logistics (fictional). Agreed on a pilot.", n.sections().get("summary"));
        assertEquals("- Pilot starts in April.", n.sections().get("decisions"));
        assertEquals("- Budget freeze.", n.sections().get("risks"));
        assertEquals("- Who signs?", n.sections().get("open_questions"));
        assertTrue(n.warnings().isEmpty(), n.warnings().toString());
    }

    @Test
    void broken_front_matter_is_read_line_by_line_with_warnings() throws IOException {
        ParsedNote n = fixture("broken-front-matter.md");
        assertEquals("Weekly sync: ops", n.title());
        assertEquals(LocalDate.of(2025, 3, 11), n.date());
        assertEquals("group-meeting", n.type());
        assertEquals(List.of("Ana Silva"), n.participants());
        assertTrue(n.warnings().stream().anyMatch(w -> w.line() == 3 && w.message().contains("not valid YAML")),
                n.warnings().toString());
        assertTrue(n.warnings().stream().anyMatch(w -> w.line() == 5 && w.message().contains("'created'")));
        assertTrue(n.warnings().stream().allMatch(w -> w.path().equals("Meetings/broken-front-matter.md")));
        ParsedTask t = n.tasks().get(0);
        assertNull(t.due());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals("Rotate the on-call pager", t.description());
        assertTrue(n.warnings().stream().anyMatch(w -> w.line() == 14 && w.message().contains("2025-02-30")));
    }

    @Test
    void attendees_line_and_date_in_the_title() throws IOException {
        ParsedNote n = fixture("attendees-line.md");
        assertEquals("2025-02-11 - Vendor review", n.title());
        assertEquals(LocalDate.of(2025, 2, 11), n.date());
        assertEquals(List.of("Ana Silva", "Tomás Ortega", "Dana Reyes"), n.participants());
        assertTrue(n.sections().get("key_facts").contains("€5k"));
        assertEquals("Björn", n.tasks().get(0).ownerRaw());
    }

    @Test
    void date_from_a_compact_file_name_and_title_from_the_file_name() {
        ParsedNote n = parse("Inbox/20250301 0930 Standup.md", "- [ ] Ship it @Ana\n");
        assertEquals("20250301 0930 Standup", n.title());
        assertEquals(LocalDate.of(2025, 3, 1), n.date());
        assertTrue(n.meeting());
    }

    @Test
    void bold_date_line_in_both_spellings() {
        assertEquals(LocalDate.of(2025, 4, 2), parse("a.md", "# A\n**Date:** 2025-04-02  \n").date());
        assertEquals(LocalDate.of(2025, 4, 3), parse("a.md", "# A\n**Date**: 2025-04-03\n").date());
        assertEquals(LocalDate.of(2025, 4, 4), parse("a.md", "# A\n**Date**: April 4, 2025\n").date());
    }

    @Test
    void a_note_without_a_date_or_of_type_projects_is_no_meeting() {
        assertFalse(parse("Projects/Apollo.md", "# Apollo\n- [ ] Task @Ana\n").meeting());
        ParsedNote p = parse("p.md", "---\ntype: projects\ndate: 2025-01-01\n---\n# P\n");
        assertFalse(p.meeting());
        assertEquals(LocalDate.of(2025, 1, 1), p.date());
    }

    @Test
    void an_impossible_front_matter_date_is_a_warning_and_other_sources_are_tried() {
        ParsedNote n = parse("2025-06-07 Sync.md", "---\ndate: 2025-02-30\n---\n# Sync\n");
        assertEquals(LocalDate.of(2025, 6, 7), n.date());
        assertTrue(n.warnings().stream().anyMatch(w -> w.line() == 2 && w.message().contains("2025-02-30")),
                n.warnings().toString());
    }

    @Test
    void participants_placeholder_falls_back_to_the_participants_line() {
        ParsedNote n = parse("x.md", "---\nparticipants: [{ { PARTICIPANTS } }]\n---\n**Participants:** Ana Silva, Dana Reyes\n");
        assertEquals(List.of("Ana Silva", "Dana Reyes"), n.participants());
    }

    @Test
    void mojibake_in_the_whole_note_is_repaired() {
        String original = "---\ntitle: Tomás’s sync\ndate: 2025-05-05\n---\n- [ ] Call Björn @Tomás Ortega ⏫ 📅 2025-05-06\n";
        byte[] garbled = new String(original.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"))
                .replace("\uFFFD", "").getBytes(StandardCharsets.UTF_8);
        ParsedNote n = parser.parse("m.md", garbled);
        assertEquals("Tomás’s sync", n.title());
        ParsedTask t = n.tasks().get(0);
        assertEquals("Call Björn", t.description());
        assertEquals("Tomás Ortega", t.ownerRaw());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals(LocalDate.of(2025, 5, 6), t.due());
    }

    @Test
    void empty_file_is_a_warning_not_a_failure() {
        ParsedNote n = parser.parse("Inbox/Empty.md", new byte[0]);
        assertEquals("Empty", n.title());
        assertTrue(n.tasks().isEmpty());
        assertTrue(warned(n, "empty"));
    }

    @Test
    void front_matter_only_file_is_kept_with_a_warning() {
        ParsedNote n = parse("fm.md", "---\ntitle: Only FM\ndate: 2025-01-02\n---\n");
        assertEquals("Only FM", n.title());
        assertEquals(LocalDate.of(2025, 1, 2), n.date());
        assertTrue(warned(n, "only front matter"));
    }

    @Test
    void binary_junk_is_skipped_with_a_warning() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[10] = 0;
        ParsedNote n = parser.parse("junk.md", junk);
        assertTrue(n.tasks().isEmpty());
        assertTrue(warned(n, "binary"));
        byte[] controls = new byte[1000];
        java.util.Arrays.fill(controls, (byte) 7);
        assertTrue(warned(parser.parse("bell.md", controls), "binary"));
    }

    @Test
    void invalid_utf8_is_read_as_windows_1252_with_a_warning() {
        byte[] bytes = "- [ ] Ask Tomás about the €5 fee @Ana ⏫".getBytes(Charset.forName("windows-1252"));
        bytes[bytes.length - 1] = (byte) 0xE2; // followed by the UTF-8 bytes of ⏫: a file mixing both
        byte[] mixed = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        mixed[bytes.length] = (byte) 0x8F;
        mixed[bytes.length + 1] = (byte) 0xAB;
        ParsedNote n = parser.parse("cp.md", mixed);
        assertEquals("Ask Tomás about the €5 fee", n.tasks().get(0).description());
        assertEquals("Ana", n.tasks().get(0).ownerRaw());
        assertEquals(Priority.HIGH, n.tasks().get(0).priority());
        assertTrue(warned(n, "not valid UTF-8"));
    }

    @Test
    void the_invalid_utf8_warning_names_the_line_of_the_first_bad_byte() {
        byte[] head = "# Budget\n\nIntro \u2014 fine\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "- [ ] Pay the café bill\n".getBytes(Charset.forName("windows-1252"));
        byte[] note = java.util.Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, note, head.length, bad.length);
        Warning w = parser.parse("Meetings/budget.md", note).warnings().stream()
                .filter(x -> x.message().contains("not valid UTF-8")).findFirst().orElseThrow();
        assertEquals(4, w.line());
        assertTrue(w.toString().startsWith("Meetings/budget.md:4: 1 byte(s) are not valid UTF-8"), w.toString());
    }

    @Test
    void front_matter_after_a_mangled_or_doubled_byte_order_mark_is_read() {
        String note = "---\ntitle: Kiosk review\ndate: 2026-03-02\n---\n- [ ] Print the labels @Ana\n";
        for (String bom : List.of("ï»¿", "Ôªø", "\uFEFF", "\uFEFF\uFEFF")) {
            ParsedNote n = parser.parse("2026 kiosk.md", (bom + note).getBytes(StandardCharsets.UTF_8));
            assertEquals("Kiosk review", n.title(), bom);
            assertEquals(java.time.LocalDate.of(2026, 3, 2), n.date(), bom);
            assertEquals(5, n.tasks().get(0).line(), bom);
        }
    }

    @Test
    void crlf_and_bom_are_handled() {
        byte[] body = "---\r\ntitle: Windows note\r\n---\r\n- [x] Done thing @Ana ✅ 2025-01-04\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ParsedNote n = parser.parse("w.md", withBom);
        assertEquals("Windows note", n.title());
        ParsedTask t = n.tasks().get(0);
        assertEquals("Ana", t.ownerRaw());
        assertEquals(LocalDate.of(2025, 1, 4), t.done());
        assertFalse(t.rawLine().endsWith("\r"));
        assertEquals(4, t.line());
    }

    @Test
    void a_five_megabyte_single_line_is_parsed_and_capped() {
        String line = "- [ ] " + "x".repeat(5 * 1024 * 1024) + " @Ana 📅 2025-01-05";
        ParsedNote n = parse("big.md", "# Big\n" + line + "\n- [ ] small @Bo\n");
        assertEquals(2, n.tasks().size());
        assertEquals(TaskLineParser.MAX_DESCRIPTION, n.tasks().get(0).description().length());
        assertEquals(LocalDate.of(2025, 1, 5), n.tasks().get(0).due());
        assertTrue(warned(n, "longer than 1 MB"));
        assertTrue(warned(n, "cut"));
    }

    @Test
    void ten_thousand_deep_nested_list_is_read() {
        StringBuilder sb = new StringBuilder("# Deep\n");
        for (int depth = 0; depth < 10_000; depth++) {
            sb.append(" ".repeat(depth)).append("- [ ] level ").append(depth).append('\n');
        }
        sb.append("> ".repeat(10_000)).append("- [x] quoted\n");
        ParsedNote n = parse("deep.md", sb.toString());
        assertEquals(10_001, n.tasks().size());
        assertEquals("level 9999", n.tasks().get(9_999).description());
    }

    @Test
    void an_unclosed_fence_is_reported() {
        ParsedNote n = parse("f.md", "- [ ] before\n```\n- [ ] after\n");
        assertEquals(1, n.tasks().size());
        assertTrue(warned(n, "never closed"));
    }

    @Test
    void section_text_is_the_same_whatever_the_line_endings_and_with_sections_split_or_nested() {
        String lf = "# Sync\n## Summary\nWe agreed.\n  Indented line\n\n## Decisions\n- Ship it\n## Summary\nAnd later.\n"
                + "## Transcript\nAna: hi\n```\n## not a heading\n```\nBo: bye";
        ParsedNote unix = parse("Meetings/2025-10-28 Sync.md", lf);
        ParsedNote windows = parse("Meetings/2025-10-28 Sync.md", lf.replace("\n", "\r\n"));
        ParsedNote mixed = parse("Meetings/2025-10-28 Sync.md", lf.replace("Indented line\n", "Indented line\r\n") + "\n");

        assertEquals("We agreed.\n  Indented line\n\n\n\nAnd later.", unix.sections().get("summary"), "a section written twice is joined");
        assertEquals("- Ship it", unix.sections().get("decisions"));
        assertEquals("Ana: hi\n```\n## not a heading\n```\nBo: bye", unix.sections().get("transcript"));
        assertEquals(unix.sections(), windows.sections());
        assertEquals(unix.sections(), mixed.sections());

        ParsedNote nested = parse("Meetings/2025-10-28 Sync.md", "## Summary\nA\n### Risks\nR\n## Outcomes\nO");
        assertEquals("A\n### Risks\nR", nested.sections().get("summary"), "a subsection is part of its section too");
        assertEquals("R", nested.sections().get("risks"));
        assertEquals("O", nested.sections().get("outcomes"));
    }

    @Test
    void a_label_line_indented_with_any_whitespace_is_still_read() {
        ParsedNote n = parse("Meetings/sync.md", "# Sync\n\u2003**Date**: 2025-10-28\n\t**Attendees**: Ana Lima, Bo Chen\nText.");
        assertEquals(LocalDate.parse("2025-10-28"), n.date());
        assertEquals(List.of("Ana Lima", "Bo Chen"), n.participants());
    }
}

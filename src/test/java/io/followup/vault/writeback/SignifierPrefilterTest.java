package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Signifiers#earliestStart} never cuts off a match: TaskLine.parse tries a kind's pattern only from there on,
 * and not at all where it says -1, so a wrong answer would lose a signifier.
 */
class SignifierPrefilterTest {

    /** Every match of every kind's pattern, in a region from the line's start to anywhere, starts where it may. */
    private static void assertNeverCutsOffAMatch(String raw) {
        for (SignifierKind kind : SignifierKind.values()) {
            if (Signifiers.atEnd(kind) == null) {
                continue;
            }
            int earliest = Signifiers.earliestStart(kind, raw, 0, raw.length());
            for (int end = 1; end <= raw.length(); end++) {
                Matcher m = Signifiers.atEnd(kind).matcher(raw).region(0, end);
                m.useTransparentBounds(true);
                if (m.find()) {
                    assertTrue(earliest >= 0 && m.start() >= earliest,
                            kind + " matches \"" + raw + "\" at " + m.start() + " (up to " + end + "), said to start at " + earliest + " at the earliest");
                }
            }
        }
    }

    private static List<String> crafted() {
        List<String> lines = new ArrayList<>();
        for (SignifierKind kind : SignifierKind.values()) {
            for (String emoji : kind.emoji) {
                for (String form : Signifiers.rawForms(emoji)) {
                    for (String value : List.of(" 2026-03-05", "2026-03-05", " every week", " abc-1", " keep", "")) {
                        lines.add(RawText.utf8("- [ ] Send the deck @Dana ") + form + value);
                        lines.add(RawText.utf8("- [ ] Send the deck ") + form + RawText.utf8("\uFE0F") + value + " ^blk-1");
                    }
                }
            }
        }
        lines.add(RawText.utf8("- [ ] Tag it #launch/q3"));
        lines.add(RawText.utf8("- [ ] Not a tag#launch"));
        return lines;
    }

    @Test
    void a_kind_is_ruled_out_only_where_its_pattern_cannot_match() {
        List<String> lines = crafted();
        lines.forEach(SignifierPrefilterTest::assertNeverCutsOffAMatch);
        assertTrue(lines.size() > 500, "every raw form of every emoji: " + lines.size());
    }

    @Test
    void the_demo_vault_lines_parse_with_every_signifier_they_have() throws Exception {
        int lines = 0;
        try (Stream<Path> demo = Files.walk(Path.of("src/demo/vault"))) {
            for (Path note : demo.filter(p -> p.toString().endsWith(".md")).toList()) {
                for (String line : new String(Files.readAllBytes(note), StandardCharsets.ISO_8859_1).split("\r?\n")) {
                    assertNeverCutsOffAMatch(line);
                    lines++;
                }
            }
        }
        assertTrue(lines > 100, lines + " lines");
    }

    @Test
    void a_line_without_an_emoji_rules_out_the_emoji_kinds_and_keeps_the_tag() {
        String raw = RawText.utf8("- [ ] Send the deck @Dana #launch");
        assertEquals(-1, Signifiers.earliestStart(SignifierKind.DUE, raw, 0, raw.length()));
        assertEquals(raw.indexOf('#'), Signifiers.earliestStart(SignifierKind.TAG, raw, 0, raw.length()));
        assertEquals(-1, Signifiers.earliestStart(SignifierKind.TAG, raw, 0, raw.indexOf('#')), "only inside the region");
        String due = RawText.utf8("- [ ] Send the deck \uD83D\uDCC5 2026-03-05 \u23EB #launch");
        assertEquals(due.indexOf('\u00F0'), Signifiers.earliestStart(SignifierKind.DUE, due, 0, due.length()));
        TaskLine line = TaskLine.parse(due).orElseThrow();
        assertEquals("2026-03-05", line.date(SignifierKind.DUE).orElseThrow().toString());
        assertTrue(line.first(SignifierKind.PRIORITY).isPresent());
        assertTrue(line.first(SignifierKind.TAG).isPresent());
    }
}

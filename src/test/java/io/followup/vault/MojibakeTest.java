package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeTest {

    static final List<String> SIGNIFIERS = List.of(
            "📅", "⏳", "⌛", "🛫", "➕", "✅", "❌", "🔁", "🔺", "⏫", "🔼", "🔽", "⏬");

    static final List<String> PAGES = List.of("windows-1252", "windows-1254", "x-MacRoman");

    /**
     * What a tool shows when it reads UTF-8 bytes as {@code page}: characters the page lacks are
     * dropped, and optionally Mac Roman's private-use U+F8FF too.
     */
    static String garble(String text, String page, boolean dropAppleLogo) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String shown = new String(utf8, Charset.forName(page)).replace("\uFFFD", "");
        return dropAppleLogo ? shown.replace("\uF8FF", "") : shown;
    }

    static Stream<Arguments> signifierCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String page : PAGES) {
            for (String emoji : SIGNIFIERS) {
                for (String variant : List.of(emoji, emoji + "\uFE0F")) {
                    String line = "- [ ] Send the deck @Lior Genzel " + variant + " 2025-10-31 #task";
                    cases.add(Arguments.of(page, false, line));
                    cases.add(Arguments.of(page, false, "x " + variant + variant + "⏫📅 2025-01-01"));
                    if (page.equals("x-MacRoman")) {
                        cases.add(Arguments.of(page, true, line));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} dropLogo={1}: {2}")
    @MethodSource("signifierCases")
    void every_signifier_is_repaired_in_every_code_page(String page, boolean dropLogo, String original) {
        String garbled = garble(original, page, dropLogo);
        assertEquals(original, Mojibake.repair(garbled), () -> "garbled as " + garbled);
    }

    static Stream<Arguments> textCases() {
        List<String> texts = List.of(
                "Tomás Ortega", "Björn Öberg", "naïve café", "Ærø and Smørrebrød", "Zürich über alles",
                "jalapeño", "São Paulo ações", "façade", "Hélène Dupré", "Größe straße", "à la carte",
                "Iñigo Núñez", "Ã is a letter too", "€5 and £3", "Microsoft’s plan", "“quoted” text",
                "‘single’ quotes", "well — that", "50–60%", "wait…", "first‑party", "• bullet",
                "Acme™ ©2024 ®", "½ ¼ °C ±", "ŠKODA Œuvre", "Émile Zola", "ÀÉÕÜ ÇÑ",
                "mix: Tomás’s “deck” — 📅 2025-10-31 ⏫ ✅ 2025-11-08");
        List<Arguments> cases = new ArrayList<>();
        for (String page : PAGES) {
            for (String text : texts) {
                cases.add(Arguments.of(page, text));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("textCases")
    void punctuation_and_accented_letters_are_repaired(String page, String original) {
        String garbled = garble(original, page, false);
        assertEquals(original, Mojibake.repair(garbled), () -> "garbled as " + garbled);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Tomás", "Björn", "naïve", "€5", "–", "—", "…", "’", "“Hello”", "l’été", "«“élan”»",
        "Größe, Grüße, Äpfel, Öl, Übermut", "Ça coûte cher, à côté de l’hôtel", "¿Qué pasó? ¡Olé!",
        "Søren Kierkegaard, Åström, Ærø", "Žižek Škoda Łódź", "İstanbul’da çağ, şişe, ığdır, ĞÜŞİÖÇ",
        "Þórður Guðmundsson", "Ελληνικά", "Привет, мир", "日本語のテキスト", "한국어", "עברית",
        "📅 ⏳ ⌛ 🛫 ➕ ✅ ❌ 🔁 🔺 ⏫ 🔼 🔽 ⏬", "✅️ ⏫️ 📅️", "👨‍👩‍👧 🇮🇸 👍🏽",
        "≤ ≥ ≠ ∞ ∑ ∏ π µ Ω ∆", "¬ ƒ ≈ ◊ ‹ › ﬁ ﬂ ‡ · ‚ „ ‰", "© ® ™ ° ± ² ³ ¹ ¼ ½ ¾ ×÷",
        "SÃO PAULO", "ÀÁÂÃÄÅ ÈÉÊË", "a\u00A0b", "Renée’s café — “naïve” résumé…",
        "Â", "Ã", "â", "ð", "Ÿ“…", "\uF8FF",
    })
    void correct_text_is_never_altered(String text) {
        assertEquals(text, Mojibake.repair(text));
    }

    /** Real text whose characters happen to be the bytes of some UTF-8 sequence in one of the three code pages. */
    @ParameterizedTest
    @ValueSource(strings = {
        "CAFÉ…", "É… complicado", "«ça va»", "«à bientôt»", "«École»", "«évidemment»", "«Été»",
        "“Hola, José…”", "Un café…”", "ÉTÉ…”", "AMANHÃ…", "IRMÃ– e o irmão", "“LÃ’ está”", "MAÇÔ",
    })
    void real_text_that_reads_as_utf8_bytes_is_not_repaired(String text) {
        assertEquals(text, Mojibake.repair(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"și țară", "Ștefan", "ƒ(x)", "są idą", "BJÖRN", "3×4", "Österreich", "PERCHÉ", "日本語", "Phở Việt"})
    void letters_near_those_cases_are_still_repaired(String original) {
        String garbled = garble(original, "windows-1252", false);
        assertEquals(original, Mojibake.repair(garbled), () -> "garbled as " + garbled);
    }

    @Test
    void exact_seed_examples_are_repaired() {
        assertEquals("@Lior Genzel Genzel 📅 2025-10-29 ⏫ #task", Mojibake.repair("@Lior Genzel Genzel ğŸ“… 2025-10-29 â« #task"));
        assertEquals("@Cloud BU engineering 📅 2025-10-31 🔺", Mojibake.repair("@Cloud BU engineering ğŸ“… 2025-10-31 ğŸ”º"));
        assertEquals("Meet with MAI’s Kushal", Mojibake.repair("Meet with MAIâ€™s Kushal"));
        assertEquals("~50–60% write", Mojibake.repair("~50â€“60% write"));
        assertEquals("@Lior ⏫ 📅 2025-10-31 ✅ 2025-11-08", Mojibake.repair("@Lior â« ðŸ“… 2025-10-31 âœ… 2025-11-08"));
        assertEquals("@Jason Vallery 🔼 ✅ 🔽", Mojibake.repair("@Jason Vallery ðŸ”¼ âœ… ðŸ”½"));
        assertEquals("# 1:1 — Lior — 2025-10-30", Mojibake.repair("# 1:1 â€” Lior â€” 2025-10-30"));
        assertEquals("first‑party wins…", Mojibake.repair("firstâ€‘party winsâ€¦"));
        assertEquals("@Lior Genzel ⏫ 📅 2025-10-29 ✅ 2025-10-28",
                Mojibake.repair("@Lior Genzel ‚è´ \uF8FFüìÖ 2025-10-29 ‚úÖ 2025-10-28"));
        assertEquals("@Cloud BU engineering 🔺 🔼 🔽", Mojibake.repair("@Cloud BU engineering \uF8FFüî∫ \uF8FFüîº \uF8FFüîΩ"));
        assertEquals("Ronnie Booker’s LinkedIn", Mojibake.repair("Ronnie Booker‚Äôs LinkedIn"));
        assertEquals("~50–60% … done", Mojibake.repair("~50‚Äì60% ‚Ä¶ done"));
    }

    @Test
    void a_letter_whose_dropped_byte_is_ambiguous_is_left_alone() {
        // Í is C3 8D; cp1252 drops 8D, and C3 81/8D/8F/90/9D would all be letters: no guessing.
        String garbled = garble("Íñigo", "windows-1252", false);
        assertEquals("Ãñigo", Mojibake.repair(garbled));
    }

    @Test
    void mac_roman_without_the_apple_logo_is_repaired() {
        assertEquals("📅 2025-10-31", Mojibake.repair("üìÖ 2025-10-31"));
    }

    @Test
    void right_double_quote_is_restored_when_its_byte_was_dropped() {
        assertEquals("“hello”", Mojibake.repair(garble("“hello”", "windows-1252", false)));
    }

    @Test
    void null_and_ascii_pass_through() {
        assertEquals(null, Mojibake.repair(null));
        String ascii = "plain ascii";
        assertEquals(ascii, Mojibake.repair(ascii));
    }

    @Test
    void a_very_long_run_is_handled() {
        String original = "é".repeat(200_000) + " ⏫ " + "📅".repeat(100_000);
        String garbled = garble(original, "windows-1252", false);
        assertEquals(original, Mojibake.repair(garbled));
    }
}

package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void utf8_is_decoded_as_is() {
        assertEquals("Tomás 📅 2025-10-31 ’", TextDecoder.decode(utf8("Tomás 📅 2025-10-31 ’")));
    }

    @Test
    void a_bom_is_stripped() {
        assertEquals("# Title", TextDecoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("# Title"))));
    }

    @Test
    void windows_1252_bytes_are_read_as_windows_1252() {
        byte[] cp1252 = "Tomás – “Björn” €5".getBytes(Charset.forName("windows-1252"));
        TextDecoder.Result r = TextDecoder.decodeWithReport(cp1252);
        assertEquals("Tomás – “Björn” €5", r.text());
        assertEquals(6, r.fallbackBytes());
    }

    @Test
    void a_file_may_mix_windows_1252_letters_and_utf8_emoji() {
        byte[] mixed = concat("Tomás ".getBytes(Charset.forName("windows-1252")), utf8("📅 2025-10-31 ⏫"));
        assertEquals("Tomás 📅 2025-10-31 ⏫", TextDecoder.decode(mixed));
    }

    @Test
    void invalid_sequences_never_throw() {
        byte[] junk = {(byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF8, (byte) 0x81,
            0, 'a', (byte) 0xF0, (byte) 0x9F};
        String s = TextDecoder.decode(junk);
        assertEquals(junk.length, s.length());
        assertEquals('\uFFFD', s.charAt(6));
        assertEquals("\u0000a", s.substring(7, 9));
    }

    @Test
    void empty_and_null_give_empty_text() {
        assertEquals("", TextDecoder.decode(new byte[0]));
        assertEquals("", TextDecoder.decode(null));
    }
}

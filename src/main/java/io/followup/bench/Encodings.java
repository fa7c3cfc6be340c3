package io.followup.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a generated note ends up on disk, as real notes do: plain UTF-8, UTF-8 text that went through a
 * wrong code page once (bytes the code page has no character for dropped), or a file that is not
 * UTF-8 at all (letters in windows-1252, emoji pasted in as UTF-8). CRLF and a BOM apply on top.
 */
enum Encodings {
    UTF8, MOJIBAKE_CP1252, MOJIBAKE_CP1254, MOJIBAKE_MAC_ROMAN, RAW_CP1252;

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset CP1254 = Charset.forName("windows-1254");
    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    byte[] encode(String text, boolean crlf, boolean bom) {
        String t = crlf ? text.replace("\n", "\r\n") : text;
        byte[] body = switch (this) {
            case UTF8 -> t.getBytes(StandardCharsets.UTF_8);
            case MOJIBAKE_CP1252 -> mojibake(t, CP1252);
            case MOJIBAKE_CP1254 -> mojibake(t, CP1254);
            case MOJIBAKE_MAC_ROMAN -> mojibake(t, MAC_ROMAN);
            case RAW_CP1252 -> mixed(t);
        };
        if (!bom) {
            return body;
        }
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    /** The UTF-8 bytes read as {@code codePage}, undefined bytes dropped, saved again as UTF-8. */
    static String mojibakeText(String text, Charset codePage) {
        try {
            return codePage.newDecoder()
                    .onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with IGNORE
        }
    }

    private static byte[] mojibake(String text, Charset codePage) {
        return mojibakeText(text, codePage).getBytes(StandardCharsets.UTF_8);
    }

    /** Every character windows-1252 has is written as one byte; everything else (emoji) as UTF-8. */
    private static byte[] mixed(String text) {
        CharsetEncoder cp = CP1252.newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 64);
        int i = 0;
        while (i < text.length()) {
            int cpt = text.codePointAt(i);
            String ch = new String(Character.toChars(cpt));
            if (cpt < 0x80) {
                out.write(cpt);
            } else if (cp.canEncode(ch)) {
                try {
                    ByteBuffer b = cp.encode(CharBuffer.wrap(ch));
                    out.write(b.array(), b.arrayOffset(), b.remaining());
                } catch (CharacterCodingException e) {
                    out.writeBytes(ch.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                out.writeBytes(ch.getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cpt);
        }
        return out.toByteArray();
    }
}

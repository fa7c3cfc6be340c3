package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoteLinesTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cutting_and_joining_gives_back_every_byte() {
        for (String text : new String[] {"", "a", "a\n", "a\r\nb\nc", "\uFEFFa\r\n\r\nb\r\n", "x \t \n\n", "a\rb\n"}) {
            assertArrayEquals(utf8(text), NoteLines.of(utf8(text)).bytes(), text);
        }
    }

    @Test
    void lines_are_numbered_from_one_after_the_bom() {
        NoteLines note = NoteLines.of(utf8("\uFEFFfirst\r\nsecond\nthird"));
        assertEquals(3, note.size());
        assertEquals("first", new String(note.content(1), StandardCharsets.UTF_8));
        assertEquals("third", new String(note.content(3), StandardCharsets.UTF_8));
    }

    @Test
    void a_replaced_line_keeps_its_own_line_ending_and_an_inserted_one_copies_it() {
        NoteLines note = NoteLines.of(utf8("a\r\nb\nc"));
        note.replace(1, utf8("A"));
        note.insertAbove(2, utf8("new"));
        note.insertAbove(4, utf8("last"));
        assertEquals("A\r\nnew\nb\nlast\nc", new String(note.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void lines_compare_by_content_whatever_their_endings_and_a_replaced_line_by_its_new_content() {
        NoteLines a = NoteLines.of(utf8("\uFEFFsame\r\nold\nlast"));
        NoteLines b = NoteLines.of(utf8("same\nnew\nlast\n"));
        assertTrue(a.sameContent(1, b), "the BOM and CRLF are not content");
        assertFalse(a.sameContent(2, b));
        assertTrue(a.sameContent(3, b));
        a.replace(2, utf8("new"));
        assertTrue(a.sameContent(2, b));
        b.replace(3, utf8("LAST"));
        assertFalse(a.sameContent(3, b));
        assertEquals("\uFEFFsame\r\nnew\nlast", new String(a.bytes(), StandardCharsets.UTF_8), "the file's own bytes, as cut");
    }
}

package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TagSyntaxTest {

    @Test
    void the_write_backs_tag_pattern_takes_exactly_the_characters_the_reader_does() {
        Pattern tagChar = Pattern.compile(TagSyntax.TAG_CHAR_CLASS);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertEquals(TagSyntax.isTagChar(c), tagChar.matcher(String.valueOf(c)).matches(), "U+" + Integer.toHexString(c));
        }
    }
}

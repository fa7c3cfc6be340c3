package io.followup.vault;

/**
 * What a #tag is made of, as the Tasks plugin reads it: anything but white space and {@code !@#$%^&*(),.?":{}|<>}
 * (so {@code #123} is a tag). One definition for the reader and the write-back, so a tag is cut where both cut it.
 */
public final class TagSyntax {

    /** The punctuation a tag stops at (white space aside). */
    public static final String STOPS = "!@#$%^&*(),.?\":{}|<>";

    /** A regex character class of the characters a tag is made of (white space as {@link Character#isWhitespace}). */
    public static final String TAG_CHAR_CLASS = "[^\\p{javaWhitespace}" + STOPS.replaceAll("(.)", "\\\\$1") + "]";

    private TagSyntax() {
    }

    public static boolean isTagChar(char c) {
        return !Character.isWhitespace(c) && STOPS.indexOf(c) < 0;
    }
}

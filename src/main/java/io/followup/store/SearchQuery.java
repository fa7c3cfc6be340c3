package io.followup.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns whatever a person typed into a safe FTS5 query: each word quoted, as a prefix, all words required. */
public final class SearchQuery {

    private static final int MAX_WORDS = 16;

    private SearchQuery() {
    }

    /** Empty when the text has no words. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && terms.size() < MAX_WORDS) {
                terms.add("\"" + word + "\"*");
            }
        }
        return String.join(" ", terms);
    }
}

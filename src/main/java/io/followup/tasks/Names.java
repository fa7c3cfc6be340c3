package io.followup.tasks;

import java.text.Normalizer;
import java.util.Locale;

/** Compares person names the way people type them: accents, case and extra spaces ignored. */
public final class Names {

    private Names() {
    }

    /** A comparison key: "Tomás  Ortega" and "tomas ortega" have the same key. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_.]+", " ").strip();
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }
}

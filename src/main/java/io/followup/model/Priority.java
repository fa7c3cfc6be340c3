package io.followup.model;

import java.util.Locale;

/** Obsidian Tasks priorities with their signifier emoji (without U+FE0F). */
public enum Priority {
    HIGHEST("\uD83D\uDD3A"), HIGH("\u23EB"), MEDIUM("\uD83D\uDD3C"), LOW("\uD83D\uDD3D"), LOWEST("\u23EC");

    private final String emoji;

    Priority(String emoji) {
        this.emoji = emoji;
    }

    public String emoji() {
        return emoji;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromJsonName(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }
}

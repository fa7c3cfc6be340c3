package io.followup.vault.writeback;

/**
 * The Obsidian Tasks emoji signifiers the editor knows. {@code order} is where the Tasks plugin writes a
 * date signifier relative to the others (created, start, scheduled, due, cancelled, done), which decides
 * where an added one goes.
 */
enum SignifierKind {
    CREATED(0, "\u2795"),
    START(1, "\uD83D\uDEEB"),
    SCHEDULED(2, "\u23F3", "\u231B"),
    DUE(3, "\uD83D\uDCC5", "\uD83D\uDCC6", "\uD83D\uDDD3"), // 📅, and 📆 🗓 which the plugin (and the reader) take too
    CANCELLED(4, "\u274C"),
    DONE(5, "\u2705"),
    RECURRENCE(-1, "\uD83D\uDD01"),
    PRIORITY(-1, "\uD83D\uDD3A", "\u23EB", "\uD83D\uDD3C", "\uD83D\uDD3D", "\u23EC"),
    ID(-1, "\uD83C\uDD94"),          // 🆔 the plugin's task id
    DEPENDS_ON(-1, "\u26D4"),         // ⛔ ids this task waits for
    ON_COMPLETION(-1, "\uD83C\uDFC1"), // 🏁 keep | delete
    TAG(-1),
    BLOCK_ID(-1);

    final int order;
    final String[] emoji;

    SignifierKind(int order, String... emoji) {
        this.order = order;
        this.emoji = emoji;
    }

    boolean isDate() {
        return order >= 0;
    }

    /** The emoji we write when adding this signifier (always proper UTF-8, never a mojibake form). */
    String canonicalEmoji() {
        return emoji[0];
    }
}

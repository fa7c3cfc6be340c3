package io.followup.model;

import java.util.Locale;

/** The state of a task, ordered from least to most advanced (a merged task takes the most advanced). */
public enum TaskStatus {
    PROPOSED("?"), OPEN(" "), IN_PROGRESS("/"), DONE("x"), CANCELLED("-");

    private final String symbol;

    TaskStatus(String symbol) {
        this.symbol = symbol;
    }

    /** The checkbox character Obsidian Tasks writes for this status. */
    public String symbol() {
        return symbol;
    }

    /** Name used in JSON and chat: open, in_progress, proposed, done, cancelled. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Done and cancelled are equally final; otherwise the enum order is the progress order. */
    public int rank() {
        return this == CANCELLED ? DONE.ordinal() : ordinal();
    }

    public boolean isClosed() {
        return this == DONE || this == CANCELLED;
    }

    /** Reads the character between the brackets; unknown symbols count as open. */
    public static TaskStatus fromSymbol(String raw) {
        String s = raw == null ? " " : raw.strip();
        return switch (s) {
            case "", " " -> OPEN;
            case "x", "X" -> DONE;
            case "/" -> IN_PROGRESS;
            case "-" -> CANCELLED;
            case "?" -> PROPOSED;
            default -> OPEN;
        };
    }

    public static TaskStatus fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

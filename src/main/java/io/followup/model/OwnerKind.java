package io.followup.model;

import java.util.Locale;

/** Whether a task's owner resolved to a person or a team. */
public enum OwnerKind {
    PERSON, TEAM;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OwnerKind fromJsonName(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }
}

package io.followup.people;

import io.followup.model.OwnerKind;

/** A resolved owner: display name and whether it is a person or a team (both null: no owner). */
public record Resolved(String name, OwnerKind kind) {

    static final Resolved NOBODY = new Resolved(null, null);

    static Resolved person(String name) {
        return new Resolved(name, OwnerKind.PERSON);
    }

    static Resolved team(String name) {
        return new Resolved(name, OwnerKind.TEAM);
    }
}

package io.followup.ingest;

import io.followup.model.OwnerKind;
import java.util.List;

/** Turns an owner as written into a person or team, given who was in the meeting. */
@FunctionalInterface
public interface OwnerResolver {

    /** A resolved owner; both null when nothing was written. */
    record Owner(String name, OwnerKind kind) {
        public static final Owner NONE = new Owner(null, null);
    }

    Owner resolve(String ownerRaw, List<String> participants);

    /** Keeps names as written: for tests and for running without a people file. */
    static OwnerResolver asWritten() {
        return (raw, participants) -> raw == null || raw.isBlank() ? Owner.NONE : new Owner(raw.strip(), OwnerKind.PERSON);
    }
}

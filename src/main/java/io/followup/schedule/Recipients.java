package io.followup.schedule;

import java.util.Optional;

/** Finds the chat user a person (by display name, as tasks carry it) is reached at. */
@FunctionalInterface
public interface Recipients {

    Optional<String> chatUserOf(String personName);

    Recipients NONE = name -> Optional.empty();
}

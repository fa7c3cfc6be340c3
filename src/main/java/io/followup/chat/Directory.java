package io.followup.chat;

import java.util.Optional;

/** Who is who: the person a chat user is, and the chat user a person is. */
public interface Directory {

    /** The person (owner name as tasks use it) the chat user is linked to. */
    Optional<String> personOf(String userId);

    /** The chat user linked to the person, if any. */
    Optional<String> userOf(String person);

    /** Links a chat user to a person by an admin's say-so; replaces any automatic link. */
    void link(String userId, String person, String linkedBy);
}

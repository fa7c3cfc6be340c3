package io.followup.chat;

import java.util.List;

/** A person from the people file as chat needs them: name, aliases, email and chat user id (each optional but the name). */
public record Contact(String name, List<String> aliases, String email, String chatUserId) {

    public Contact {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}

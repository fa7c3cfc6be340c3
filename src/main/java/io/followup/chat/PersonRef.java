package io.followup.chat;

/** Someone named in a command: a chat mention (userId set) or a name as typed (name set). */
public record PersonRef(String userId, String name) {

    public static PersonRef user(String userId, String name) {
        return new PersonRef(userId, name);
    }

    public static PersonRef named(String name) {
        return new PersonRef(null, name);
    }

    @Override
    public String toString() {
        return userId != null ? "<@" + userId + ">" : name;
    }
}

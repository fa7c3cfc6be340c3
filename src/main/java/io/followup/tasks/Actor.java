package io.followup.tasks;

/**
 * Who asks for a change: the chat user id (or "cli"), the person they are linked to (null when
 * unlinked), and whether they are an admin (FOLLOWUP_ADMINS) who may act on anyone's task.
 */
public record Actor(String userId, String person, boolean admin) {

    public boolean linked() {
        return person != null;
    }
}

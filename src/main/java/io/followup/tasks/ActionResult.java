package io.followup.tasks;

import io.followup.model.Task;

/**
 * The outcome of a task action, as a value: changed, already so, refused, not found or invalid, with a
 * sentence for the person who asked. {@code task} is the task as it is now (null when not found);
 * {@code previousOwner} is who owned it before the change (differs from the task's owner after a reassignment).
 */
public record ActionResult(Kind kind, Task task, String message, String previousOwner) {

    public ActionResult(Kind kind, Task task, String message) {
        this(kind, task, message, task == null ? null : task.owner());
    }

    public enum Kind { CHANGED, UNCHANGED, REFUSED, NOT_FOUND, INVALID }

    public boolean changed() {
        return kind == Kind.CHANGED;
    }

    static ActionResult changed(Task before, Task task, String message) {
        return new ActionResult(Kind.CHANGED, task, message, before.owner());
    }

    static ActionResult unchanged(Task task, String message) {
        return new ActionResult(Kind.UNCHANGED, task, message);
    }

    static ActionResult refused(Task task, String message) {
        return new ActionResult(Kind.REFUSED, task, message);
    }

    static ActionResult notFound(String id) {
        return new ActionResult(Kind.NOT_FOUND, null, "No task has the id " + id + ". Ids are the 8 characters shown next to each task.");
    }

    static ActionResult invalid(Task task, String message) {
        return new ActionResult(Kind.INVALID, task, message);
    }
}

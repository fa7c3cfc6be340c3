package io.followup.tasks;

/**
 * What happened when a change was written back to the notes. {@code reason} says in a few words why the
 * note was not written (e.g. "meetings/x.md is read-only"); null when written or unknown.
 */
public record WriteResult(Outcome outcome, String message, String reason) {

    /** WRITTEN: the note says it now; PENDING: will be retried; DISABLED: write-back is off. */
    public enum Outcome { WRITTEN, PENDING, DISABLED }

    public WriteResult(Outcome outcome, String message) {
        this(outcome, message, null);
    }

    public static WriteResult disabled(String message) {
        return new WriteResult(Outcome.DISABLED, message, "write-back is off");
    }

    public boolean written() {
        return outcome == Outcome.WRITTEN;
    }
}

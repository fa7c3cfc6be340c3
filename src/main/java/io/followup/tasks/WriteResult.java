package io.followup.tasks;

/** What happened when a change was written back to the notes. */
public record WriteResult(Outcome outcome, String message) {

    /** WRITTEN: the note says it now; PENDING: will be retried; DISABLED: write-back is off. */
    public enum Outcome { WRITTEN, PENDING, DISABLED }

    public static WriteResult disabled(String message) {
        return new WriteResult(Outcome.DISABLED, message);
    }
}

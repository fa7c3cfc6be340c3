package io.followup.tasks;

/**
 * What happened when a change was written back to the notes. {@code reason} says in a few words why the
 * note was not written (e.g. "meetings/x.md is read-only"); null when written or unknown. {@code remark}: what the
 * owner should know of a write that happened (e.g. no next instance of a recurring task), else null.
 */
public record WriteResult(Outcome outcome, String message, String reason, String remark) {

    /** WRITTEN: the note says it now; PENDING: will be retried; DISABLED: write-back is off. */
    public enum Outcome { WRITTEN, PENDING, DISABLED }

    public WriteResult(Outcome outcome, String message, String reason) {
        this(outcome, message, reason, null);
    }

    public WriteResult(Outcome outcome, String message) {
        this(outcome, message, null);
    }

    public static WriteResult written(String remark) {
        return new WriteResult(Outcome.WRITTEN, "", null, remark);
    }

    public static WriteResult disabled(String message) {
        return new WriteResult(Outcome.DISABLED, message, "write-back is off");
    }

    public boolean written() {
        return outcome == Outcome.WRITTEN;
    }
}

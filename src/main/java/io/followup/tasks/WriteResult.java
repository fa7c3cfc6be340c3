package io.followup.tasks;

/**
 * What a write-back did. WRITTEN: the note says it now. PENDING: kept in Followup and retried later (the
 * note changed meanwhile, is read-only or missing). DISABLED: write-back is off (FOLLOWUP_WRITEBACK=off).
 * {@code message} is a sentence for the user, empty when WRITTEN.
 */
public record WriteResult(Outcome outcome, String message) {

    public enum Outcome { WRITTEN, PENDING, DISABLED }

    public static WriteResult written() {
        return new WriteResult(Outcome.WRITTEN, "");
    }

    public static WriteResult pending(String message) {
        return new WriteResult(Outcome.PENDING, message);
    }

    public static WriteResult disabled(String message) {
        return new WriteResult(Outcome.DISABLED, message);
    }

    public boolean isWritten() {
        return outcome == Outcome.WRITTEN;
    }
}

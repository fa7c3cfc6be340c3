package io.followup.chat;

/**
 * Whether a post tagged with an outbox key is already in the conversation: asked before re-posting a message
 * whose earlier post may have arrived unheard (timeout, crash). CANNOT_TELL means the platform will not say
 * (e.g. no history scope); RETRY means asking failed for now.
 */
public record SentLookup(Outcome outcome, String ts, String channel, String error) {

    /** The possible answers. */
    public enum Outcome {
        FOUND, NOT_FOUND, CANNOT_TELL, RETRY
    }

    public static SentLookup found(String ts, String channel) {
        return new SentLookup(Outcome.FOUND, ts, channel, null);
    }

    public static SentLookup notFound() {
        return new SentLookup(Outcome.NOT_FOUND, null, null, null);
    }

    public static SentLookup cannotTell(String why) {
        return new SentLookup(Outcome.CANNOT_TELL, null, null, why);
    }

    public static SentLookup retry(String why) {
        return new SentLookup(Outcome.RETRY, null, null, why);
    }
}

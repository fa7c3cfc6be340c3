package io.followup.chat;

import java.time.Duration;

/**
 * How a post went. OK carries the message ts and the conversation it landed in; RATE_LIMITED says how long to
 * wait; TRANSIENT (5xx, connection refused) was surely not posted; UNCERTAIN (timeout) may have been;
 * PERMANENT (unknown user, archived channel, bad token) will not get better by retrying.
 */
public record PostResult(Outcome outcome, String ts, String channel, Duration retryAfter, String error) {

    /** The kinds of outcome a sender must tell apart. */
    public enum Outcome {
        OK, RATE_LIMITED, TRANSIENT, UNCERTAIN, PERMANENT
    }

    public static PostResult ok(String ts, String channel) {
        return new PostResult(Outcome.OK, ts, channel, null, null);
    }

    public static PostResult rateLimited(Duration retryAfter) {
        return new PostResult(Outcome.RATE_LIMITED, null, null, retryAfter, "ratelimited");
    }

    public static PostResult transientError(String error) {
        return new PostResult(Outcome.TRANSIENT, null, null, null, error);
    }

    public static PostResult uncertain(String error) {
        return new PostResult(Outcome.UNCERTAIN, null, null, null, error);
    }

    public static PostResult permanentError(String error) {
        return new PostResult(Outcome.PERMANENT, null, null, null, error);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public boolean permanent() {
        return outcome == Outcome.PERMANENT;
    }
}

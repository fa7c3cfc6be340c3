package io.followup.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The limiter the concurrent senders share: a post waits until (1) no rate-limit pause is on (a 429's
 * Retry-After pauses every sender, not just the one that got it), (2) {@code pace} has passed since the last
 * post anywhere (ZERO: no fixed workspace pace, the 429s steer), and (3) {@code channelPace} has passed since
 * the last post to the same conversation (Slack allows about one message a second per channel). A slot is
 * reserved when granted, so senders never post to one conversation at the same time.
 */
final class RateGate {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pace;
    private final Duration channelPace;
    private final Map<String, Instant> nextByChannel = new HashMap<>();
    private Instant nextAny = Instant.MIN;
    private Instant pausedUntil = Instant.MIN;

    RateGate(Clock clock, Sleeper sleeper, Duration pace, Duration channelPace) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.pace = pace;
        this.channelPace = channelPace;
    }

    /** Waits for a slot to post to {@code channel}, and takes it. */
    void acquire(String channel) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                Instant at = max(max(pausedUntil, nextAny), nextByChannel.getOrDefault(channel, Instant.MIN));
                if (!at.isAfter(now)) {
                    nextAny = now.plus(pace);
                    if (!channelPace.isZero()) {
                        nextByChannel.put(channel, now.plus(channelPace));
                        if (nextByChannel.size() > 10_000) {
                            nextByChannel.values().removeIf(t -> !t.isAfter(now));
                        }
                    }
                    return;
                }
                wait = Duration.between(now, at);
            }
            sleeper.sleep(wait); // then look again: a 429 may have paused everyone meanwhile
        }
    }

    /** A 429 said wait {@code d}: nobody posts before it has passed. */
    synchronized void pause(Duration d) {
        pausedUntil = max(pausedUntil, clock.instant().plus(d));
    }

    /** When the current pause ends (in the past when none is on). */
    synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

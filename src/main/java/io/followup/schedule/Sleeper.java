package io.followup.schedule;

import java.time.Duration;

/** Waiting, as a dependency: tests pass one that only advances their clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    };
}

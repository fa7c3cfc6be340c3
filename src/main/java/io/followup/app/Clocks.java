package io.followup.app;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/** Builds the one Clock Followup runs on: the system clock in the configured zone, shifted to FOLLOWUP_TODAY if set. */
public final class Clocks {

    private Clocks() {
    }

    /** With a fixed today the time of day still runs, so schedules and timestamps keep moving. */
    public static Clock from(Config config) {
        Clock system = Clock.system(config.zone());
        if (config.fixedToday() == null) {
            return system;
        }
        LocalDate realToday = LocalDate.now(system);
        Duration shift = Duration.between(realToday.atStartOfDay(config.zone()), config.fixedToday().atStartOfDay(config.zone()));
        return Clock.offset(system, shift);
    }
}

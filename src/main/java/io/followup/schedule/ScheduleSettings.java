package io.followup.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The schedule's slice of the configuration: the team's zone, the digest's time and days, its channel (null:
 * no channel digest), the lookahead, and each team's channel for team reminders.
 */
public record ScheduleSettings(ZoneId zone, LocalTime digestTime, Set<DayOfWeek> digestDays, String digestChannel,
                               int lookaheadDays, Map<String, String> teamChannels) {

    public ScheduleSettings {
        digestDays = Set.copyOf(digestDays);
        teamChannels = Map.copyOf(teamChannels);
    }

    public boolean isWorkingDay(LocalDate day) {
        return digestDays.contains(day.getDayOfWeek());
    }

    /**
     * {@code time} on {@code day} in {@code zone} as an instant. A time that does not exist (skipped by a DST
     * change) moves forward by the gap; a time that exists twice takes the earlier one.
     */
    public static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    public Instant digestAt(LocalDate day) {
        return at(day, digestTime, zone);
    }

    /** The first digest instant strictly after {@code now} (for logs and the status output). */
    public Instant nextDigestAfter(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        for (int i = 0; i < 8; i++) {
            LocalDate d = day.plusDays(i);
            if (isWorkingDay(d) && digestAt(d).isAfter(now)) {
                return digestAt(d);
            }
        }
        throw new IllegalStateException("no digest day configured");
    }
}

package io.followup.schedule;

import io.followup.chat.ChatGateway;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each chat user's own time zone (Slack: users.info tz), cached for a day; the team's zone when unknown. */
public final class UserZones {

    private record Entry(ZoneId zone, Instant fetched) {
    }

    private static final Duration TTL = Duration.ofHours(24);

    private final ChatGateway gateway;
    private final ZoneId fallback;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public UserZones(ChatGateway gateway, ZoneId fallback, Clock clock) {
        this.gateway = gateway;
        this.fallback = fallback;
        this.clock = clock;
    }

    public ZoneId zoneOf(String userId) {
        Instant now = clock.instant();
        Entry e = cache.get(userId);
        if (e != null && e.fetched().plus(TTL).isAfter(now)) {
            return e.zone();
        }
        ZoneId zone = parse(gateway.timeZoneOf(userId));
        cache.put(userId, new Entry(zone, now));
        return zone;
    }

    private ZoneId parse(String tz) {
        if (tz == null || tz.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return fallback;
        }
    }
}

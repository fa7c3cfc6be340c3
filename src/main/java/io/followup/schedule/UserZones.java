package io.followup.schedule;

import io.followup.chat.ChatGateway;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;

/** Each chat user's own time zone (Slack: users.info tz), cached for a day; the team's zone when unknown. */
public final class UserZones {

    private record Entry(ZoneId zone, Instant fetched) {
    }

    static final int PARALLEL = 8;
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

    /**
     * The zones of many users at once: cached ones from the cache, the rest looked up {@value #PARALLEL} at a
     * time (users.info is one HTTP round trip each; thousands in a row would take minutes).
     */
    public Map<String, ZoneId> zonesOf(Collection<String> userIds) {
        Instant now = clock.instant();
        Map<String, ZoneId> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String u : userIds) {
            Entry e = cache.get(u);
            if (e != null && e.fetched().plus(TTL).isAfter(now)) {
                out.put(u, e.zone());
            } else {
                missing.add(u);
            }
        }
        if (missing.size() <= 1) {
            missing.forEach(u -> out.put(u, zoneOf(u)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, missing.size()), r -> {
            Thread t = new Thread(r, "followup-zones");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ZoneId>> futures = new ArrayList<>();
            for (String u : missing) {
                futures.add(pool.submit(() -> zoneOf(u)));
            }
            for (int i = 0; i < missing.size(); i++) {
                try {
                    out.put(missing.get(i), futures.get(i).get());
                } catch (ExecutionException e) {
                    out.put(missing.get(i), fallback);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.put(missing.get(i), fallback);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
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

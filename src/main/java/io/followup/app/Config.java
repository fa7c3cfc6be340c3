package io.followup.app;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Followup's configuration, read once from the environment and validated with messages that name the
 * variable. Immutable; components get only the values they need.
 */
public record Config(
        Path vault,
        Path db,
        Path peopleFile,
        LocalDate fixedToday,
        ZoneId zone,
        String digestChannel,
        LocalTime digestTime,
        Set<DayOfWeek> digestDays,
        int lookaheadDays,
        Set<String> admins,
        String slackBotToken,
        String slackSigningSecret,
        String slackAppToken,
        String slackApiUrl,
        int port,
        boolean writeback,
        int rescanSeconds) {

    /** Thrown when a variable has a value Followup cannot use; the message names the variable. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public static final Path DEMO_VAULT = Path.of("src", "demo", "vault");

    public static Config fromEnv(Map<String, String> env) {
        return new Config(
                path(env, "FOLLOWUP_VAULT", DEMO_VAULT),
                path(env, "FOLLOWUP_DB", Path.of("db", "followup.db")),
                path(env, "FOLLOWUP_PEOPLE", null),
                date(env, "FOLLOWUP_TODAY"),
                zone(env),
                blankToNull(env.get("FOLLOWUP_DIGEST_CHANNEL")),
                time(env, "FOLLOWUP_DIGEST_TIME", LocalTime.of(9, 0)),
                days(env, "FOLLOWUP_DIGEST_DAYS"),
                integer(env, "FOLLOWUP_LOOKAHEAD_DAYS", 3, 0, 60),
                csv(env.get("FOLLOWUP_ADMINS")),
                blankToNull(env.get("SLACK_BOT_TOKEN")),
                blankToNull(env.get("SLACK_SIGNING_SECRET")),
                blankToNull(env.get("SLACK_APP_TOKEN")),
                blankToNull(env.get("SLACK_API_URL")),
                integer(env, "PORT", 3000, 0, 65535),
                onOff(env, "FOLLOWUP_WRITEBACK", true),
                integer(env, "FOLLOWUP_RESCAN_SECONDS", 30, 1, 86400));
    }

    /** True when Slack credentials are present: without them Followup runs the terminal demo. */
    public boolean hasSlack() {
        return slackBotToken != null && (slackSigningSecret != null || slackAppToken != null);
    }

    public boolean isAdmin(String slackUserId) {
        return slackUserId != null && admins.contains(slackUserId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Path path(Map<String, String> env, String name, Path fallback) {
        String v = blankToNull(env.get(name));
        return v == null ? fallback : Path.of(v);
    }

    private static LocalDate date(Map<String, String> env, String name) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " must be a date like 2026-03-05, not '" + v + "'");
        }
    }

    private static ZoneId zone(Map<String, String> env) {
        String v = blankToNull(env.get("FOLLOWUP_TZ"));
        if (v == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new Invalid("FOLLOWUP_TZ must be a time zone like Europe/Berlin, not '" + v + "'");
        }
    }

    private static LocalTime time(Map<String, String> env, String name, LocalTime fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " must be a time like 09:00, not '" + v + "'");
        }
    }

    private static Set<DayOfWeek> days(Map<String, String> env, String name) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        try {
            return Arrays.stream(v.split(","))
                    .map(s -> s.strip().toUpperCase(Locale.ROOT))
                    .map(s -> Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(s) && s.length() >= 2)
                            .findFirst().orElseThrow(() -> new IllegalArgumentException(s)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        } catch (IllegalArgumentException e) {
            throw new Invalid(name + " must list days like mon,tue,wed,thu,fri, not '" + v + "'");
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Invalid(name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    private static boolean onOff(Map<String, String> env, String name, boolean fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new Invalid(name + " must be on or off, not '" + v + "'");
        };
    }

    private static Set<String> csv(String v) {
        if (v == null || v.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}

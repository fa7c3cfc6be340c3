package io.followup.tasks;

import io.followup.store.ReminderPrefsStore;
import io.followup.store.ReminderPrefsStore.Pref;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The use case behind {@code /tasks reminders off|on|at 08:30}: a chat user's own reminder settings. */
public final class ReminderPrefs {

    private static final Pattern TIME = Pattern.compile("(?:at\\s+)?(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm)?");

    private final ReminderPrefsStore store;
    private final LocalTime digestTime;
    private final Clock clock;

    public ReminderPrefs(ReminderPrefsStore store, LocalTime digestTime, Clock clock) {
        this.store = store;
        this.digestTime = digestTime;
        this.clock = clock;
    }

    /** Applies the words after "reminders" for {@code chatUserId} and says what is now in force. */
    public String handle(String chatUserId, String args) {
        String a = args == null ? "" : args.strip().toLowerCase(Locale.ROOT);
        switch (a) {
            case "", "status", "?" -> {
                return describe(store.get(chatUserId));
            }
            case "off", "stop", "no", "none", "mute" -> {
                store.setEnabled(chatUserId, false, clock.instant());
                return "Reminders are off: you will get no daily DM. Turn them back on with /tasks reminders on.";
            }
            case "on", "start", "yes" -> {
                store.setEnabled(chatUserId, true, clock.instant());
                return describe(store.get(chatUserId));
            }
            default -> {
                LocalTime time = parseTime(a);
                if (time == null) {
                    return "Say /tasks reminders off, /tasks reminders on, or /tasks reminders at 08:30 (your own time zone).";
                }
                store.setTime(chatUserId, time, clock.instant());
                return describe(store.get(chatUserId));
            }
        }
    }

    private String describe(Pref pref) {
        if (!pref.enabled()) {
            return "Reminders are off. Turn them on with /tasks reminders on.";
        }
        LocalTime t = pref.time() == null ? digestTime : pref.time();
        return "Reminders are on: on digest days at " + t + " your time, a DM when something of yours is overdue or due "
                + "today or tomorrow. Change it with /tasks reminders at 08:30, or /tasks reminders off.";
    }

    /** "08:30", "8:30", "at 8", "8.30", "7pm"; null when it is not a time of day. */
    static LocalTime parseTime(String s) {
        Matcher m = TIME.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (h < 1 || h > 12) {
                return null;
            }
            h = h % 12 + ("pm".equals(m.group(3)) ? 12 : 0);
        }
        if (h > 23 || min > 59) {
            return null;
        }
        return LocalTime.of(h, min);
    }
}

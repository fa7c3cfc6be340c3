package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.tasks.ReminderPrefs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderPrefsUseCaseTest {

    @TempDir
    Path dir;

    @Test
    void reminders_off_on_and_at_a_time_are_remembered_per_user() {
        try (Database db = Database.open(dir.resolve("f.db"))) {
            ReminderPrefsStore store = new ReminderPrefsStore(db);
            ReminderPrefs prefs = new ReminderPrefs(store, LocalTime.of(9, 0), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

            assertTrue(prefs.handle("U0ANA", "").contains("at 09:00 your time"));
            assertTrue(prefs.handle("U0ANA", "off").startsWith("Reminders are off"));
            assertFalse(store.get("U0ANA").enabled());
            assertTrue(prefs.handle("U0ANA", "at 08:30").contains("at 08:30 your time"));
            assertEquals(new ReminderPrefsStore.Pref(true, LocalTime.of(8, 30)), store.get("U0ANA"));
            assertTrue(prefs.handle("U0ANA", "AT 7pm").contains("19:00"));
            assertTrue(prefs.handle("U0ANA", "at 25:00").startsWith("Say /tasks reminders off"));
            assertTrue(prefs.handle("U0ANA", "banana").startsWith("Say"));
            assertEquals(LocalTime.of(19, 0), store.get("U0ANA").time());
            assertTrue(store.get("U0BEN").enabled(), "other users unaffected");
        }
    }
}

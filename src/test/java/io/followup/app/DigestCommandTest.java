package io.followup.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.chat.slack.FakeSlackWebApi;
import io.followup.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code followup digest}: a real vault ingested into SQLite, posted to a fake Slack Web API over HTTP. */
class DigestCommandTest {

    @TempDir
    Path dir;
    FakeSlackWebApi slack;
    Config config;

    @BeforeEach
    void setUp() throws Exception {
        slack = new FakeSlackWebApi();
        Path vault = dir.resolve("vault");
        Files.createDirectories(vault.resolve("meetings"));
        Files.writeString(vault.resolve("meetings/2026-03-02 Weekly sync.md"), """
                ---
                title: Weekly sync
                date: 2026-03-02
                participants: [Ana Lima, Ben Okafor]
                ---
                # Weekly sync

                ## Action items
                - [ ] Send the signed contract @Ana Lima 📅 2026-03-06
                - [ ] Book the review room @Ana Lima 📅 2026-03-10
                - [x] Print the agenda @Ana Lima 📅 2026-03-09 ✅ 2026-03-09
                - [ ] Plan the offsite @Ben Okafor 📅 2026-03-20
                - [ ] Write the onboarding guide
                """, StandardCharsets.UTF_8);
        Path people = dir.resolve("people.yaml");
        Files.writeString(people, """
                me: Ana Lima
                people:
                  - name: Ana Lima
                    slack: U0ANA
                  - name: Ben Okafor
                    slack: U0BEN
                teams:
                  - name: Platform team
                    channel: C0PLATFORM
                """, StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>();
        env.put("FOLLOWUP_VAULT", vault.toString());
        env.put("FOLLOWUP_DB", dir.resolve("followup.db").toString());
        env.put("FOLLOWUP_PEOPLE", people.toString());
        env.put("FOLLOWUP_TODAY", "2026-03-10");
        env.put("FOLLOWUP_TZ", "Europe/Berlin");
        env.put("FOLLOWUP_DIGEST_CHANNEL", "C0DIGEST");
        env.put("SLACK_BOT_TOKEN", "xoxb-0000000000-test-token-for-followup");
        env.put("SLACK_API_URL", slack.url());
        config = Config.fromEnv(env);
        try (Database db = Database.open(config.db())) {
            Wiring.ingester(config, db).ingest();
        }
    }

    @AfterEach
    void tearDown() {
        slack.close();
    }

    String run(String... args) {
        DigestCommand command = new DigestCommand();
        command.config = config;
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void dry_run_prints_the_digest_and_the_dms_and_posts_nothing() {
        String out = run("--dry-run");

        assertTrue(out.contains("=== Channel digest → C0DIGEST"), out);
        assertTrue(out.contains("Send the signed contract"), out);
        assertTrue(out.contains("4 days late"), out);
        assertFalse(out.contains("Print the agenda"), "done tasks never appear");
        assertTrue(out.contains("=== Reminder for Ana Lima → DM U0ANA"), out);
        assertFalse(out.contains("Reminder for Ben Okafor"), "nothing of Ben's is due by tomorrow");
        assertEquals(0, slack.calls("chat.postMessage"));
    }

    @Test
    void dry_run_shows_a_reminder_its_owner_turned_off_as_not_sent_as_posting_does() {
        try (Database db = Database.open(config.db())) {
            new io.followup.store.ReminderPrefsStore(db).setEnabled("U0ANA", false, java.time.Instant.now());
        }
        String dry = run("--dry-run");
        String posted = run();

        assertTrue(dry.contains("=== Reminder for Ana Lima → (U0ANA turned reminders off: not sent)"), dry);
        assertTrue(posted.contains("1 reminder(s) turned off by their owner"), posted);
        assertEquals(0, slack.postedTo("DU0ANA").size());
    }

    @Test
    void digest_posts_once_per_day_and_status_shows_it() {
        String first = run();
        String second = run();
        String status = run("--status");

        assertTrue(first.contains("New today: 2 message(s)"), first);
        assertTrue(second.contains("already sent"), second);
        assertEquals(2, slack.posted().size(), slack.posted().toString());
        assertEquals(1, slack.postedTo("C0DIGEST").size());
        assertEquals(1, slack.postedTo("DU0ANA").size());
        assertTrue(status.contains("sent    digest   C0DIGEST"), status);
        assertTrue(status.contains("sent    reminder U0ANA (Ana Lima)"), status);
    }

    @Test
    void status_shows_permanent_failures() {
        slack.archived("C0DIGEST");
        run();
        String status = run("--status");

        assertTrue(status.contains("failed  digest   C0DIGEST  error: is_archived (attempts 1)"), status);
    }
}

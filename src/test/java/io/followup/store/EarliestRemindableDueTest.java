package io.followup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.followup.digest.DigestBuilder;
import io.followup.ingest.Ingester;
import io.followup.people.People;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's per-tick question, asked of the store in SQL, has the answer the digest's own rule gives. */
class EarliestRemindableDueTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void each_persons_earliest_open_or_in_progress_dated_task_and_no_team() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Files.writeString(vault.resolve("2026-03-02 Planning.md"), String.join("\n", "---", "date: 2026-03-02", "---",
                "- [ ] Send the contract @Ana Lima \uD83D\uDCC5 2026-03-12",
                "- [/] Draft the budget @Ana Lima \uD83D\uDCC5 2026-03-09",
                "- [x] Book the venue @Ana Lima \uD83D\uDCC5 2026-03-01",
                "- [-] Order the banners @Ana Lima \uD83D\uDCC5 2026-02-01",
                "- [?] Try a second carrier @Ben Okafor \uD83D\uDCC5 2026-03-03",
                "- [ ] Plan the offsite @Ben Okafor",
                "- [ ] Rotate the keys @Platform team \uD83D\uDCC5 2026-03-04",
                "- [ ] Water the plants \uD83D\uDCC5 2026-03-05",
                "- [ ] Renew the lease @Tomás Ortega \uD83D\uDCC5 2026-03-20", ""), StandardCharsets.UTF_8);
        Path people = dir.resolve("people.yaml");
        Files.writeString(people, "teams:\n  - name: Platform team\n    channel: C0PLATFORM\n", StandardCharsets.UTF_8);
        try (Database db = Database.open(dir.resolve("f.db"))) {
            new Ingester(vault, db, People.load(people), CLOCK).ingest();
            TaskStore tasks = new TaskStore(db);

            Map<String, LocalDate> fromStore = tasks.earliestRemindableDue();

            assertEquals(Map.of("Ana Lima", LocalDate.of(2026, 3, 9), "Tomás Ortega", LocalDate.of(2026, 3, 20)), fromStore,
                    "in progress counts, done, cancelled and proposed do not, undated and team tasks are left out");
            assertEquals(DigestBuilder.earliestRemindableDue(tasks.open()), fromStore);
        }
    }
}

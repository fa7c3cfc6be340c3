package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.followup.chat.Contact;
import io.followup.store.Database;
import io.followup.store.LinkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who a person's chat user is, by the workspace directory (users.list over HTTP), as the scheduler asks before a DM. */
class SlackDirectoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FakeSlackApi slack;
    private Database db;
    private final List<String> owners = new CopyOnWriteArrayList<>(List.of("Tomás Ortega", "Lena Vogt", "Ines Duarte", "Kai Brandt"));

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlackApi();
        db = Database.open(dir.resolve("f.db"));
    }

    @AfterEach
    void stop() {
        db.close();
        slack.close();
    }

    private SlackDirectory directory(List<Contact> contacts) {
        return new SlackDirectory(new LinkStore(db), contacts, () -> owners, SlackConnection.open(slack.apiUrl(), "xoxb-test"), CLOCK);
    }

    @Test
    void a_person_is_found_by_name_alias_or_email_and_nobody_else_is() {
        slack.add(new FakeSlackApi.Member("U0TOMAS", "Tomas Ortega", "tomas", null));
        slack.add(new FakeSlackApi.Member("U0LV", "L. V.", "lenchen", null));
        slack.add(new FakeSlackApi.Member("U0INES", "I. D.", "id", "ines@harbor-finch.example"));
        slack.add(new FakeSlackApi.Member("U0OTHER", "Someone Else", "else", "else@harbor-finch.example"));
        SlackDirectory d = directory(List.of(new Contact("Lena Vogt", List.of("Lenchen"), null, null),
                new Contact("Ines Duarte", List.of(), "INES@harbor-finch.example", null)));
        d.refresh();

        assertEquals(Optional.of("U0TOMAS"), d.userOf("tomas  ORTEGA"), "accents, case and spaces ignored");
        assertEquals(Optional.of("U0LV"), d.userOf("Lena Vogt"), "by a people-file alias (the display name)");
        assertEquals(Optional.of("U0INES"), d.userOf("Ines Duarte"), "by the people-file email");
        assertEquals(Optional.empty(), d.userOf("Kai Brandt"), "an owner nobody in the workspace is");
        assertEquals(Optional.empty(), d.userOf("Someone Else"), "a member who is no task owner or person");
    }

    @Test
    void a_member_who_joined_after_a_lookup_is_found_after_the_next_refresh() {
        SlackDirectory d = directory(List.of());
        d.refresh();
        assertEquals(Optional.empty(), d.userOf("Kai Brandt"));

        slack.add(new FakeSlackApi.Member("U0KAI", "Kai Brandt", "kai", null));
        d.refresh();
        assertEquals(Optional.of("U0KAI"), d.userOf("Kai Brandt"));
    }

    @Test
    void a_member_first_seen_by_users_info_is_found_once_their_name_owns_a_task() {
        SlackDirectory d = directory(List.of());
        d.refresh();
        assertEquals(Optional.empty(), d.userOf("Noor Haddad"));

        slack.add(new FakeSlackApi.Member("U0NOOR", "Noor Haddad", "noor", null));
        slack.unlisted.add("U0NOOR");
        assertEquals(Optional.empty(), d.personOf("U0NOOR"), "read by users.info, but no task is Noor's yet");
        owners.add("Noor Haddad"); // an ingest gave Noor a task
        assertEquals(Optional.of("U0NOOR"), d.userOf("Noor Haddad"));
    }
}

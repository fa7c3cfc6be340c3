package io.followup.chat.slack;

import static io.followup.chat.slack.SlackServerFixture.ADMIN;
import static io.followup.chat.slack.SlackServerFixture.PRIYA;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.store.OutboxStore;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admins see in Slack what the daily digest could not deliver (issue 4: "shown ... to admins"). */
class DigestStatusE2ETest extends SlackServerTestBase {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    /** After the base class has started the server. */
    @BeforeEach
    void recordOneFailedDelivery() {
        OutboxStore outbox = new OutboxStore(f.db);
        Instant now = Instant.now();
        outbox.enqueue(new OutboxStore.NewMessage(TODAY, "C0GENERAL", "digest", null, "{}", now), now);
        outbox.recordUnsendable(new OutboxStore.NewMessage(TODAY, "C0OLDTEAM", "reminder", "Ops team", "{}", now), now, "channel_not_found");
    }

    @Test
    void an_admin_sees_what_failed_and_what_to_do_and_others_are_refused() throws Exception {
        String status = f.slack.ack(ADMIN, "/tasks", "digest").get("text").getAsString();
        assertTrue(status.contains("Wednesday 2026-03-04 (Europe/Berlin): 0 sent, 1 waiting, 1 failed."), status);
        assertTrue(status.contains("reminder to C0OLDTEAM (Ops team): channel_not_found — check the channel id"), status);

        String refused = f.slack.ack(PRIYA, "/tasks", "digest").get("text").getAsString();
        assertTrue(refused.startsWith("Only an admin"), refused);
        assertFalse(refused.contains("C0OLDTEAM"), refused);
    }

    @Test
    void an_admins_app_home_warns_of_failed_deliveries_and_an_owners_does_not() throws Exception {
        for (String user : new String[] {ADMIN, PRIYA}) {
            f.slack.openHome(user, "Ev0" + user);
        }
        f.api.await("views.publish", 2);
        String admin = f.api.calls("views.publish").stream().filter(c -> ADMIN.equals(c.params().get("user_id"))).findFirst().orElseThrow()
                .param("view").toString();
        String owner = f.api.calls("views.publish").stream().filter(c -> PRIYA.equals(c.params().get("user_id"))).findFirst().orElseThrow()
                .param("view").toString();
        assertTrue(admin.contains("1 digest message could not be delivered today. /tasks digest shows which"), admin);
        assertFalse(owner.contains("could not be delivered"), owner);
    }
}

package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack gives an app 3 seconds to acknowledge. A command whose answer takes longer (here: a new user, looked up
 * with a slow users.info) is acknowledged in time with "working on it", and the answer follows via response_url.
 */
class AckBudgetE2ETest {

    static final String NEWCOMER = "U0NEWBIE";

    @TempDir
    Path dir;
    SlackServerFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SlackServerFixture(dir, Map.of(), Map.of(), api -> {
            api.add(new FakeSlackApi.Member(NEWCOMER, "Maren Holt", "maren.h", null));
            api.unlisted.add(NEWCOMER);
            api.usersInfoDelayMillis = 2600;
        });
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void a_slow_answer_is_acknowledged_within_three_seconds_and_follows_via_response_url() throws Exception {
        long start = System.nanoTime();
        JsonObject ack = f.slack.ack(NEWCOMER, "/tasks", "");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 3000, "acknowledged after " + millis + " ms");
        assertTrue(ack.get("text").getAsString().contains("Working on it"), ack.toString());
        JsonObject later = JsonParser.parseString(f.api.await("response_url", 1).get(0).body()).getAsJsonObject();
        assertEquals("ephemeral", later.get("response_type").getAsString());
        assertTrue(later.get("text").getAsString().startsWith("Open tasks of Maren Holt"), later.toString());
        assertTrue(later.getAsJsonArray("blocks").size() > 1);
    }
}

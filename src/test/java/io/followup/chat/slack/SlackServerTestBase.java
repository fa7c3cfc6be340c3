package io.followup.chat.slack;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For end-to-end tests on the fixture vault as it is: a fresh server per test, closed after it. */
abstract class SlackServerTestBase {

    @TempDir
    Path dir;
    SlackServerFixture f;

    @BeforeEach
    void startServer() throws Exception {
        f = new SlackServerFixture(dir);
    }

    @AfterEach
    void stopServer() throws Exception {
        f.close();
    }
}

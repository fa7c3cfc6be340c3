package io.followup.chat.slack;

import io.followup.app.Config;
import io.followup.app.Serving;
import io.followup.model.Task;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code serve} as the product runs it, for end-to-end tests: the fixture vault (plus any extra notes) with
 * write-back and the vault watcher on, the real Jetty + Bolt server on a free port, the Slack Web API faked
 * locally. FOLLOWUP_TODAY is 2026-03-04; U0ADA is the admin. Pass {@code env} to change the configuration.
 */
final class ServeFixture implements AutoCloseable {

    final Path vault;
    final FakeSlackApi api;
    final Serving serving;
    final SignedSlack slack;
    final StringWriter output = new StringWriter();

    ServeFixture(Path dir, Map<String, String> env, Map<String, String> extraNotes) throws Exception {
        vault = dir.resolve("vault");
        SlackServerFixture.copyVault(vault);
        for (Map.Entry<String, String> note : extraNotes.entrySet()) {
            Files.writeString(Files.createDirectories(vault).resolve(note.getKey()), note.getValue());
        }
        api = new FakeSlackApi();
        api.add(new FakeSlackApi.Member(SlackServerFixture.TOMAS, "Tomas Ortega", "tomas", "tomas@example.test"));
        api.add(new FakeSlackApi.Member(SlackServerFixture.PRIYA, "P. Raman", "priya", "priya@example.test"));
        api.add(new FakeSlackApi.Member(SlackServerFixture.MAREN, "Maren Holt", "maren", null));
        api.add(new FakeSlackApi.Member(SlackServerFixture.ADMIN, "Ada Kowalski", "ada", null));
        Path people = Files.writeString(dir.resolve("people.yaml"), String.join("\n",
                "me: Tomás Ortega", "people:", "  - name: Priya Raman", "    email: priya@example.test", ""));
        Map<String, String> all = new HashMap<>(Map.of(
                "FOLLOWUP_PEOPLE", people.toString(),
                "FOLLOWUP_VAULT", vault.toString(),
                "FOLLOWUP_DB", dir.resolve("followup.db").toString(),
                "FOLLOWUP_TODAY", "2026-03-04",
                "FOLLOWUP_TZ", "Europe/Berlin",
                "FOLLOWUP_ADMINS", SlackServerFixture.ADMIN,
                "SLACK_BOT_TOKEN", "xoxb-test-token-0123456789",
                "SLACK_SIGNING_SECRET", SignedSlack.SECRET,
                "SLACK_API_URL", api.apiUrl(),
                "PORT", "0"));
        all.put("FOLLOWUP_DIGEST_DAYS", "sat"); // 2026-03-04 is a Wednesday: no digest run in the way of these tests
        all.putAll(env);
        all.values().removeIf(v -> v == null || v.isEmpty());
        serving = Serving.start(Config.fromEnv(all), new PrintWriter(output, true));
        slack = new SignedSlack(serving.port(), api);
    }

    ServeFixture(Path dir) throws Exception {
        this(dir, Map.of(), Map.of());
    }

    Path note(String relPath) {
        return vault.resolve(relPath);
    }

    Task task(String descriptionStart) {
        return serving.chat.tasks.all().stream().filter(t -> t.description().startsWith(descriptionStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no task starting with " + descriptionStart));
    }

    /** Liveness, not timing: polls up to 10 s until the probe holds. */
    static boolean eventually(Supplier<Boolean> probe) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (probe.get()) {
                return true;
            }
            Thread.sleep(100);
        }
        return probe.get();
    }

    @Override
    public void close() throws Exception {
        serving.close();
        api.close();
    }
}

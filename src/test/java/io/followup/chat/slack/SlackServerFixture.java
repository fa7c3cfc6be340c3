package io.followup.chat.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.followup.app.ChatWiring;
import io.followup.app.Clocks;
import io.followup.app.Config;
import io.followup.ingest.Ingester;
import io.followup.people.People;
import io.followup.model.Task;
import io.followup.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole thing, for end-to-end tests: the fixture vault ingested by the real Ingester into a real
 * SQLite file, the real Jetty + Bolt server on a free port, and the Slack Web API faked locally.
 * FOLLOWUP_TODAY is 2026-03-04 (a Wednesday); U0ADA is the admin.
 */
final class SlackServerFixture implements AutoCloseable {

    static final String TOMAS = "U0TOMAS";
    static final String PRIYA = "U0PRIYA";
    static final String LIOR = "U0LIOR";
    static final String MAREN = "U0MAREN";
    static final String ADMIN = "U0ADA";
    static final String STRANGER = "U0SAM";

    final FakeSlackApi api;
    final Database db;
    final ChatWiring chat;
    final SlackServer server;
    final SignedSlack slack;
    final int port;

    SlackServerFixture(Path dir) throws Exception {
        this(dir, Map.of());
    }

    /** With more notes (path relative to the vault -> text) written next to the fixture vault's before the ingest. */
    SlackServerFixture(Path dir, Map<String, String> extraNotes) throws Exception {
        this(dir, extraNotes, Map.of(), api -> { });
    }

    /**
     * {@code env} replaces or adds variables (a blank value unsets one); {@code setUp} prepares the fake Web API
     * before the server starts (e.g. the Socket Mode URL it hands out).
     */
    SlackServerFixture(Path dir, Map<String, String> extraNotes, Map<String, String> env,
                       java.util.function.Consumer<FakeSlackApi> setUp) throws Exception {
        Path vault = dir.resolve("vault");
        copyVault(vault);
        for (Map.Entry<String, String> note : extraNotes.entrySet()) {
            Path file = vault.resolve(note.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, note.getValue());
        }
        api = new FakeSlackApi();
        api.add(new FakeSlackApi.Member(TOMAS, "Tomas Ortega", "tomas", "tomas@example.test"));
        api.add(new FakeSlackApi.Member(PRIYA, "P. Raman", "priya", "priya@example.test"));
        api.add(new FakeSlackApi.Member(LIOR, "Lior", "lior genzel", null));
        api.add(new FakeSlackApi.Member(MAREN, "Maren Holt", "maren", null));
        api.add(new FakeSlackApi.Member(ADMIN, "Ada Kowalski", "ada", null));
        api.add(new FakeSlackApi.Member(STRANGER, "Sam Stranger", "sam", null));
        Path people = Files.writeString(dir.resolve("people.yaml"), String.join("\n",
                "me: Tomás Ortega", "people:", "  - name: Priya Raman", "    email: priya@example.test", ""));
        setUp.accept(api);
        Map<String, String> variables = new java.util.HashMap<>(Map.of(
                "FOLLOWUP_PEOPLE", people.toString(),
                "FOLLOWUP_VAULT", vault.toString(),
                "FOLLOWUP_DB", dir.resolve("followup.db").toString(),
                "FOLLOWUP_TODAY", "2026-03-04",
                "FOLLOWUP_TZ", "Europe/Berlin",
                "FOLLOWUP_ADMINS", ADMIN,
                "SLACK_BOT_TOKEN", "xoxb-test-token-0123456789",
                "SLACK_SIGNING_SECRET", SignedSlack.SECRET,
                "SLACK_API_URL", api.apiUrl(),
                "PORT", "0"));
        variables.putAll(env);
        Config config = Config.fromEnv(variables);
        Clock clock = Clocks.from(config);
        db = Database.open(config.db());
        new Ingester(vault, db, People.load(config.peopleFile()), clock).ingest();
        chat = ChatWiring.create(config, db, clock, null);
        server = chat.slackServer(() -> true);
        port = server.start();
        slack = new SignedSlack(port, api);
    }

    /** The id of the task whose description starts with the words. */
    String id(String descriptionStart) {
        return task(descriptionStart).id();
    }

    Task task(String descriptionStart) {
        return chat.tasks.all().stream().filter(t -> t.description().startsWith(descriptionStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no task starting with " + descriptionStart + " in "
                        + chat.tasks.all().stream().map(Task::description).toList()));
    }

    /** The action element (button or menu) with the action id in the task's actions block of the blocks. */
    static JsonObject element(JsonArray blocks, String taskId, String actionId) {
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.get("type").getAsString().equals("actions") && block.get("block_id").getAsString().startsWith("t|" + taskId + "|")) {
                for (JsonElement e : block.getAsJsonArray("elements")) {
                    JsonObject el = e.getAsJsonObject();
                    if (el.get("action_id").getAsString().equals(actionId)) {
                        JsonObject action = el.deepCopy();
                        action.addProperty("block_id", block.get("block_id").getAsString());
                        return action;
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " for task " + taskId + " in " + blocks);
    }

    static void copyVault(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(SlackServerFixture.class.getResource("/vault-chat").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(f -> {
                try {
                    Path to = target.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        api.close();
        db.close();
    }
}

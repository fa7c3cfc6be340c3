package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Slack app manifests grant what the code uses: every Web API method called from chat/slack has its bot scopes
 * in both manifests, and both declare the commands, App Home tabs, event, interactivity and their transport.
 */
class ManifestTest {

    /** Web API method -> the bot scopes it needs (Slack's method docs); views.publish and auth.test need none. */
    static final Map<String, List<String>> SCOPES = Map.of(
            "chat.postMessage", List.of("chat:write", "chat:write.public"),
            "conversations.open", List.of("im:write"),
            // the outbox looks for a post whose answer timed out (in the digest channel, a team channel or a DM)
            "conversations.history", List.of("channels:history", "groups:history", "im:history"),
            "conversations.replies", List.of("channels:history", "groups:history", "im:history"),
            "users.info", List.of("users:read"),
            "users.list", List.of("users:read"),
            "users.lookupByEmail", List.of("users:read.email"),
            "views.publish", List.of());

    private static final Pattern CALL = Pattern.compile("\\bclient\\.([a-z]+)([A-Z][A-Za-z]*)\\(");

    static Set<String> calledMethods() throws IOException {
        Set<String> methods = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/followup/chat/slack"))) {
            for (Path f : files.toList()) {
                Matcher m = CALL.matcher(Files.readString(f));
                while (m.find()) {
                    methods.add(m.group(1) + "." + Character.toLowerCase(m.group(2).charAt(0)) + m.group(2).substring(1));
                }
            }
        }
        return methods;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest(String name) throws IOException {
        return new Yaml().load(Files.readString(Path.of("bot-manifest/slack", name)));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> map, String... path) {
        Object o = map;
        for (String p : path) {
            o = ((Map<String, Object>) o).get(p);
        }
        return (T) o;
    }

    @Test
    void both_manifests_grant_the_scopes_of_every_web_api_method_the_code_calls() throws IOException {
        Set<String> called = calledMethods();
        assertTrue(called.contains("chat.postMessage") && called.contains("views.publish"), called.toString());
        for (String name : List.of("manifest.yml", "manifest-socket-mode.yml")) {
            List<String> granted = at(manifest(name), "oauth_config", "scopes", "bot");
            for (String method : called) {
                assertTrue(SCOPES.containsKey(method), method + " is called: add its scopes to this test and to the manifests");
                for (String scope : SCOPES.get(method)) {
                    assertTrue(granted.contains(scope), name + " lacks " + scope + " for " + method);
                }
            }
            assertTrue(granted.contains("commands"), name);
        }
    }

    @Test
    void both_manifests_declare_the_commands_app_home_events_and_their_transport() throws IOException {
        for (String name : List.of("manifest.yml", "manifest-socket-mode.yml")) {
            Map<String, Object> m = manifest(name);
            boolean socket = name.contains("socket");
            List<Map<String, Object>> commands = at(m, "features", "slash_commands");
            assertEquals(List.of("/tasks", "/meetings"), commands.stream().map(c -> c.get("command")).toList(), name);
            for (Map<String, Object> c : commands) {
                assertEquals(true, c.get("should_escape"), name + ": mentions must arrive as <@U…> ids");
                assertEquals(!socket, c.containsKey("url"), name);
            }
            assertEquals(true, at(m, "features", "app_home", "home_tab_enabled"), name);
            assertEquals(true, at(m, "features", "app_home", "messages_tab_enabled"), name + ": reminders arrive as DMs");
            assertEquals(List.of("app_home_opened"), at(m, "settings", "event_subscriptions", "bot_events"), name);
            assertEquals(true, at(m, "settings", "interactivity", "is_enabled"), name);
            assertEquals(socket, at(m, "settings", "socket_mode_enabled"), name);
            if (!socket) {
                assertTrue(((String) at(m, "settings", "interactivity", "request_url")).endsWith("/slack/events"), name);
                assertTrue(((String) at(m, "settings", "event_subscriptions", "request_url")).endsWith("/slack/events"), name);
            }
        }
    }
}

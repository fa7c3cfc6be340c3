package io.followup.chat.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Slack's side of a Socket Mode connection over a real WebSocket (Jetty): greets the app with "hello", sends it
 * envelopes (slash commands, interactions, events) as Slack does, and collects the app's acknowledgements.
 */
public final class FakeSocketMode implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final BlockingQueue<JsonObject> fromApp = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile Session session;

    FakeSocketMode() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> container.addMapping("/link", (req, resp, cb) -> new Link())));
        server.start();
    }

    /** What apps.connections.open hands the app. */
    String url() {
        return "ws://127.0.0.1:" + connector.getLocalPort() + "/link";
    }

    void awaitConnected() throws InterruptedException {
        if (!connected.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the app did not open a Socket Mode connection");
        }
    }

    /** Sends an envelope and returns the app's acknowledgement of it (its payload holds the answer, if any). */
    JsonObject send(String type, String envelopeId, JsonObject payload) throws InterruptedException {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", envelopeId);
        envelope.addProperty("type", type);
        envelope.add("payload", payload);
        envelope.addProperty("accepts_response_payload", true);
        envelope.addProperty("retry_attempt", 0);
        envelope.addProperty("retry_reason", "");
        session.sendText(envelope.toString(), Callback.NOOP);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject m = fromApp.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.has("envelope_id") && envelopeId.equals(m.get("envelope_id").getAsString())) {
                return m;
            }
        }
        throw new AssertionError("no acknowledgement of envelope " + envelopeId);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The app's end of the connection. */
    public final class Link extends Session.Listener.AbstractAutoDemanding {
        @Override
        public void onWebSocketOpen(Session s) {
            super.onWebSocketOpen(s);
            session = s;
            s.sendText("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\",\"build_number\":1,"
                    + "\"approximate_connection_time\":3600},\"connection_info\":{\"app_id\":\"A0FOLLOWUP\"}}", Callback.NOOP);
            connected.countDown();
        }

        @Override
        public void onWebSocketText(String message) {
            fromApp.add(JsonParser.parseString(message).getAsJsonObject());
        }
    }
}

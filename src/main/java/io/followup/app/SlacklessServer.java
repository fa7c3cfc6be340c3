package io.followup.app;

import io.followup.web.HealthServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code serve} without Slack credentials: GET /healthz as usual, and POST /slack/events answering 503 with
 * the variables to set, so a half-configured Slack app gets a clear answer instead of a connection error.
 */
final class SlacklessServer implements HttpFront {

    static final String NOT_CONFIGURED = "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).";

    private final int port;
    private final BooleanSupplier ready;
    private Server jetty;

    SlacklessServer(int port, BooleanSupplier ready) {
        this.port = port;
        this.ready = ready;
    }

    @Override
    public int start() throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new HealthServlet(ready)), "/healthz");
        context.addServlet(new ServletHolder(new NotConfigured()), "/slack/events");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(context);
        jetty.start();
        return connector.getLocalPort();
    }

    @Override
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public String describe(int actualPort) {
        return "Followup serving on port " + actualPort + " without Slack (GET /healthz; POST /slack/events answers 503). "
                + NOT_CONFIGURED;
    }

    @Override
    public void close() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    /** Every request to /slack/events: 503 and what to set. */
    static final class NotConfigured extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(503);
            resp.setContentType("application/json; charset=utf-8");
            resp.getWriter().write("{\"ok\":false,\"error\":\"slack_not_configured\",\"message\":\"" + NOT_CONFIGURED + "\"}");
        }
    }
}

package io.followup.chat.slack;

import io.followup.web.HealthServlet;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.followup.chat.CommandService;
import io.followup.store.LinkStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Followup in Slack: a Bolt app (/tasks, /meetings, task buttons, App Home) served by embedded Jetty at
 * POST /slack/events with GET /healthz, or over Socket Mode when an app-level token is set (Jetty then
 * serves only /healthz).
 */
public final class SlackServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);

    /** The Slack slice of the configuration. */
    public record Settings(String signingSecret, String appToken, int port) {
    }

    private final Settings settings;
    private final App app;
    private final Work work;
    private final HomePublisher home;
    private final SlackDirectory directory;
    private final BooleanSupplier ready;
    private final Clock realClock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "followup-directory");
        t.setDaemon(true);
        return t;
    });
    private Server jetty;
    private SocketModeApp socketMode;

    public SlackServer(Settings settings, SlackConnection connection, CommandService service, SlackDirectory directory, LinkStore links,
                       BooleanSupplier ready, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.ready = ready;
        this.realClock = Clock.systemUTC();
        this.work = new Work(links, clock);
        AppConfig config = new AppConfig();
        config.setSlack(connection.slack());
        config.setSingleTeamBotToken(connection.botToken());
        config.setSigningSecret(settings.signingSecret() == null ? "socket-mode-only" : settings.signingSecret());
        // SlackEventsServlet checks every HTTP request's signature before Bolt sees it (the only way in over HTTP), and
        // Socket Mode is authenticated by its app token: Bolt checking it again cost 3% of serve's sampled CPU in the
        // Slack benchmark (it hex-formats the HMAC with String.format, byte by byte).
        config.setRequestVerificationEnabled(false);
        this.app = new App(config);
        BlockKitRenderer renderer = new BlockKitRenderer();
        HomePublisher home = new HomePublisher(service, directory, renderer, connection.methods(), work.background());
        this.home = home;
        ResponseUrl responses = new ResponseUrl(connection.slack(), work.posts());
        CommandHandler commands = new CommandHandler(service, renderer, home, work, responses);
        ActionHandler actions = new ActionHandler(service, renderer, home, work, responses);
        app.command("/tasks", commands::tasks);
        app.command("/meetings", commands::meetings);
        app.blockAction(Pattern.compile("^" + Pattern.quote(ActionIds.PREFIX) + ".*"), actions::handle);
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            String key = "evt:" + payload.getEventId();
            if ("home".equals(e.getTab()) && work.claim(key)) {
                work.background().execute(() -> home.publish(e.getUser(), 0, null));
            }
            return ctx.ack();
        });
    }

    /** A Slack client; {@code apiUrl} (SLACK_API_URL) points the Web API elsewhere, e.g. a local fake. */
    public static com.slack.api.Slack slack(String apiUrl) {
        return SlackConnection.client(apiUrl);
    }

    /** Starts serving; returns the HTTP port (useful with port 0). */
    public int start() throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (settings.signingSecret() != null) {
            context.addServlet(new ServletHolder(new SlackEventsServlet(app, settings.signingSecret(), realClock)), "/slack/events");
        }
        context.addServlet(new ServletHolder(new HealthServlet(ready)), "/healthz");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        jetty.setHandler(context);
        jetty.start();
        if (settings.appToken() != null) {
            socketMode = new SocketModeApp(settings.appToken(), app);
            socketMode.startAsync();
            LOG.info("Slack Socket Mode connected");
        } else {
            app.start();
        }
        refresher.execute(this::refreshDirectoryWhenReady);
        refresher.scheduleWithFixedDelay(work::forgetOldKeys, 1, 1, TimeUnit.HOURS);
        int port = connector.getLocalPort();
        LOG.info("Followup serving Slack on port {} (POST /slack/events, GET /healthz)", port);
        return port;
    }

    /**
     * The first directory read waits for the first ingest: it writes links, and a write committed while the
     * ingest's transaction is between its first read and its first write fails that ingest (SQLITE_BUSY_SNAPSHOT),
     * which stopped serve at start. Then every six hours.
     */
    private void refreshDirectoryWhenReady() {
        if (!ready.getAsBoolean()) {
            refresher.schedule(this::refreshDirectoryWhenReady, 200, TimeUnit.MILLISECONDS);
            return;
        }
        refreshDirectory();
        long every = Duration.ofHours(6).toSeconds();
        refresher.scheduleWithFixedDelay(this::refreshDirectory, every, every, TimeUnit.SECONDS);
    }

    /** Refreshes the cached workspace directory now (also done every six hours). */
    public void refreshDirectory() {
        try {
            int linked = directory.refresh();
            LOG.info("Slack directory refreshed; {} new links", linked);
        } catch (RuntimeException e) {
            LOG.warn("Slack directory refresh failed: {}", e.toString());
        }
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        refresher.shutdownNow();
        refresher.awaitTermination(5, TimeUnit.SECONDS);
        if (socketMode != null) {
            socketMode.close();
        }
        if (jetty != null) {
            jetty.stop();
        }
        home.close();
        work.close();
        app.stop();
    }
}

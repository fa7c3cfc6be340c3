package io.followup.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /slack/events: Bolt's request parser and response writer behind three guards. Oversized bodies get 413, a
 * bad or stale signature 401 (checked in constant time before anything is parsed), and a signed but malformed
 * payload 400, each with one clear sentence. Bolt then verifies again and dispatches (a button press's payload read
 * by {@link BlockActionRequests}, everything else by Bolt's own parser).
 */
final class SlackEventsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
    static final int MAX_BODY = 256 * 1024;
    /** How much of an oversized body is read and dropped so the client can read the 413. */
    private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient RequestSignature signature;

    SlackEventsServlet(App app, String signingSecret, Clock realClock) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = new RequestSignature(signingSecret, realClock);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            // Read (a bounded amount of) the rest first: answering while the client is still sending makes
            // the connection reset and the client never sees the 413.
            drain(req, body.length);
            plain(resp, 413, "Request too large: Followup accepts Slack requests up to " + MAX_BODY / 1024 + " KB.");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!signature.valid(req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), text)) {
            plain(resp, 401, "Invalid or stale request signature.");
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = parse(req, text);
        } catch (RuntimeException e) {
            LOG.info("malformed Slack request: {}", e.toString());
            plain(resp, 400, "Malformed Slack request: the body is not a slash command, interaction payload or event Followup can read.");
            return;
        }
        if (slackRequest == null) {
            plain(resp, 400, "Malformed Slack request: unknown request type.");
            return;
        }
        try {
            write(resp, app.run(slackRequest));
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            plain(resp, 500, "Followup could not handle this request; it has been logged. Please try again.");
        }
    }

    /** The request as Bolt's servlet adapter reads it; a button press's payload read by one shared Gson. */
    private Request<?> parse(HttpServletRequest req, String text) {
        SlackRequestParser.HttpRequest http = SlackRequestParser.HttpRequest.builder()
                .requestUri(req.getRequestURI())
                .queryString(QueryStringParser.toMap(req.getQueryString()))
                .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                .requestBody(text)
                .remoteAddress(req.getRemoteAddr())
                .build();
        return BlockActionRequests.parse(http, app.config()).orElseGet(() -> parser.parse(http));
    }

    /**
     * What Bolt's ServletAdapterOps.writeResponse writes, the body encoded at once with its length given: through the
     * servlet's Writer, Jetty encoded a card's JSON a character at a time (4% of serve's sampled CPU in the Slack bench).
     */
    private static void write(HttpServletResponse resp, Response r) throws IOException {
        resp.setStatus(r.getStatusCode());
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((name, values) -> values.forEach(value -> resp.addHeader(name, value)));
        }
        resp.setHeader("Content-Type", r.getContentType());
        if (r.getBody() != null) {
            byte[] bytes = r.getBody().getBytes(StandardCharsets.UTF_8);
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }

    private static void plain(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write(message);
    }

    private static void drain(HttpServletRequest req, long alreadyRead) {
        long rest = req.getContentLengthLong() < 0 ? DRAIN_LIMIT : req.getContentLengthLong() - alreadyRead;
        try {
            long left = Math.min(Math.max(0, rest), DRAIN_LIMIT);
            for (long n; left > 0 && (n = req.getInputStream().skip(left)) > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }
}

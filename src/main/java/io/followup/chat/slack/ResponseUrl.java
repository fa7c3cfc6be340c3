package io.followup.chat.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import java.io.IOException;
import java.util.concurrent.Executor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages to response_urls (the redrawn card after a click, a late answer to a command) with the SDK's own
 * HTTP client, from threads of their own ({@link Work#posts()}): the thread that did a click's work goes on to the
 * next click while Slack answers the post. In a profile of the Slack benchmark the click threads spent 84 s waiting
 * for the (local, fake) response_url's answers, as long as all their other waits together; Slack itself answers from
 * across the internet.
 *
 * <p>Posts are not ordered, as they were not when each click's thread posted its own: each redraw shows the store as it
 * was when drawn. (Sending one message's posts one after another kept the order, but held a card clicked by many at one
 * post per round trip: 87 commands/s counting redrawn cards in the benchmark, against 360.)
 *
 * <p>The JSON is {@link MessageJson}'s: what the SDK's snake_case Gson writes, without its cost (the SDK's senders build
 * a new Gson for each post, and its adapters turn each block into a JsonElement tree before writing it). It is written
 * by the caller, so a message that cannot be written fails there, where the user can still be told.
 */
final class ResponseUrl {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrl.class);

    private final Slack slack;
    private final Executor posts;

    ResponseUrl(Slack slack, Executor posts) {
        this.slack = slack;
        this.posts = posts;
    }

    /** Queues {@code message} for {@code url}. */
    void send(String url, ActionResponse message) {
        queue(url, MessageJson.of(message));
    }

    /** Queues a command's late answer. */
    void send(String url, SlashCommandResponse message) {
        queue(url, MessageJson.of(message));
    }

    private void queue(String url, String json) {
        posts.execute(() -> post(url, json));
    }

    /** Never throws: a post that fails is logged. */
    private void post(String url, String json) {
        try (Response r = slack.getHttpClient().postJsonBody(url, json)) {
            if (!r.isSuccessful()) {
                LOG.warn("response_url answered HTTP {}", r.code());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not post to response_url: {}", e.toString());
        }
    }
}

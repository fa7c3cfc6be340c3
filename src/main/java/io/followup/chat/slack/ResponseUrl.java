package io.followup.chat.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import java.io.IOException;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a message to a response_url (the redrawn card after a click, a late answer to a command) with the SDK's own
 * HTTP client. The JSON is {@link MessageJson}'s: what the SDK's snake_case Gson writes, without its cost (the SDK's
 * senders build a new Gson for each post, and its adapters turn each block into a JsonElement tree before writing it).
 */
final class ResponseUrl {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrl.class);

    private final Slack slack;

    ResponseUrl(Slack slack) {
        this.slack = slack;
    }

    void send(String url, ActionResponse message) throws IOException {
        post(url, MessageJson.of(message));
    }

    void send(String url, SlashCommandResponse message) throws IOException {
        post(url, MessageJson.of(message));
    }

    private void post(String url, String json) throws IOException {
        try (Response r = slack.getHttpClient().postJsonBody(url, json)) {
            if (!r.isSuccessful()) {
                LOG.warn("response_url answered HTTP {}", r.code());
            }
        }
    }
}

package io.followup.chat.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a message to a response_url (the redrawn card after a click, a late answer to a command) with the SDK's own
 * HTTP client, serialized by one snake_case Gson as the SDK does. The SDK's senders build a new Gson, with every
 * type adapter, for each post: about half a millisecond of CPU per click at 500 clicks a second.
 */
final class ResponseUrl {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrl.class);

    private final Slack slack;
    private final Gson gson;

    ResponseUrl(Slack slack) {
        this.slack = slack;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    void send(String url, ActionResponse message) throws IOException {
        post(url, gson.toJson(message));
    }

    void send(String url, SlashCommandResponse message) throws IOException {
        post(url, gson.toJson(message));
    }

    private void post(String url, String json) throws IOException {
        try (Response r = slack.getHttpClient().postJsonBody(url, json)) {
            if (!r.isSuccessful()) {
                LOG.warn("response_url answered HTTP {}", r.code());
            }
        }
    }
}

package io.followup.chat.slack;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import java.io.IOException;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a message to a response_url (the redrawn card after a click, a late answer to a command) with the SDK's own
 * HTTP client. The JSON is what the SDK's snake_case Gson writes (ResponseUrlJsonTest compares them on every kind of
 * message), by a Gson with no type adapters of its own: the SDK's senders build a new Gson for each post, and its
 * adapters turn each block into a JsonElement tree before writing it.
 */
final class ResponseUrl {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrl.class);

    private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    private final Slack slack;

    ResponseUrl(Slack slack) {
        this.slack = slack;
    }

    void send(String url, ActionResponse message) throws IOException {
        post(url, json(message));
    }

    void send(String url, SlashCommandResponse message) throws IOException {
        post(url, json(message));
    }

    static String json(Object message) {
        return GSON.toJson(message);
    }

    private void post(String url, String json) throws IOException {
        try (Response r = slack.getHttpClient().postJsonBody(url, json)) {
            if (!r.isSuccessful()) {
                LOG.warn("response_url answered HTTP {}", r.code());
            }
        }
    }
}

package io.followup.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;

/** The Slack Web API client and bot token, shared by the server and the directory; {@code apiUrl} may point at a local fake. */
public final class SlackConnection {

    private final Slack slack;
    private final String botToken;

    private SlackConnection(Slack slack, String botToken) {
        this.slack = slack;
        this.botToken = botToken;
    }

    /** {@code apiUrl} is SLACK_API_URL (null for Slack's own). */
    public static SlackConnection open(String apiUrl, String botToken) {
        return new SlackConnection(client(apiUrl), botToken);
    }

    static Slack client(String apiUrl) {
        SlackConfig config = new SlackConfig();
        if (apiUrl != null) {
            config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        }
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    Slack slack() {
        return slack;
    }

    MethodsClient methods() {
        return slack.methods(botToken);
    }

    String botToken() {
        return botToken;
    }
}

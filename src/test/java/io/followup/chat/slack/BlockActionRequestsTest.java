package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A button press read with the shared Gson is the request Bolt's own parser makes of it, field for field. */
class BlockActionRequestsTest {

    private static final AppConfig CONFIG = config();

    private static AppConfig config() {
        AppConfig c = new AppConfig();
        c.setSingleTeamBotToken("xoxb-0000000000-test-token-for-followup");
        c.setSigningSecret("test-secret");
        return c;
    }

    private static final String EPHEMERAL_CARD = """
            {"type":"block_actions","user":{"id":"U0ANA","username":"ana","name":"ana","team_id":"T0HF"},
             "api_app_id":"A0FOLLOWUP","token":"legacy","trigger_id":"123.456.abc","team":{"id":"T0HF","domain":"harbor-finch"},
             "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"C0GEN","is_ephemeral":true},
             "channel":{"id":"C0GEN","name":"general"},"response_url":"https://hooks.slack.com/actions/T0HF/1/abc",
             "actions":[{"type":"button","action_id":"task.done","block_id":"t|ab12|0|","value":"ab12",
               "text":{"type":"plain_text","text":"Done","emoji":true},"action_ts":"1700000000.000200"}],
             "state":{"values":{}}}""";

    private static final String APP_HOME_SNOOZE = """
            {"type":"block_actions","user":{"id":"U0BO","username":"bo","team_id":"T0HF"},"api_app_id":"A0FOLLOWUP",
             "enterprise":{"id":"E0GRID","name":"Grid"},"is_enterprise_install":false,
             "container":{"type":"view","view_id":"V0HOME"},"trigger_id":"789.012.def",
             "team":{"id":"T0HF","domain":"harbor-finch","enterprise_id":"E0GRID"},
             "view":{"id":"V0HOME","type":"home","blocks":[{"type":"section","block_id":"s1",
               "text":{"type":"mrkdwn","text":"*Send the deck*"}}],"hash":"h1"},
             "actions":[{"type":"static_select","action_id":"task.snooze","block_id":"t|cd34|10|home",
               "selected_option":{"text":{"type":"plain_text","text":"Tomorrow"},"value":"+1d"},"action_ts":"1700000001.000300"}]}""";

    private static final String NO_TEAM = """
            {"type":"block_actions","user":{"id":"U0ANA","team_id":"T0USER"},"actions":[{"type":"users_select",
             "action_id":"task.reassign","block_id":"t|ab12|0|","selected_user":"U0BO","action_ts":"1.2"}],
             "response_url":"https://hooks.slack.com/actions/x"}""";

    private static SlackRequestParser.HttpRequest http(String body, String forwardedFor) {
        Map<String, List<String>> headers = new java.util.HashMap<>(Map.of(
                "Content-Type", List.of("application/x-www-form-urlencoded"),
                "X-Slack-Request-Timestamp", List.of("1700000000"),
                "X-Slack-Signature", List.of("v0=00")));
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", List.of(forwardedFor));
        }
        return SlackRequestParser.HttpRequest.builder().requestUri("/slack/events").queryString(Map.of("k", List.of("v")))
                .headers(new RequestHeaders(headers)).requestBody(body).remoteAddress("127.0.0.1").build();
    }

    private static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void each_press_reads_as_bolt_reads_it() {
        String teamInGrid = EPHEMERAL_CARD.replace("\"domain\":\"harbor-finch\"}", "\"domain\":\"harbor-finch\",\"enterprise_id\":\"E0TEAM\"}");
        assertTrue(teamInGrid.contains("E0TEAM"));
        for (String json : List.of(EPHEMERAL_CARD, APP_HOME_SNOOZE, NO_TEAM, teamInGrid)) {
            for (String forwarded : new String[] {null, "203.0.113.7"}) {
                SlackRequestParser.HttpRequest http = http(form(json), forwarded);
                BlockActionRequest bolt = (BlockActionRequest) new SlackRequestParser(CONFIG).parse(http);
                Request<?> ours = BlockActionRequests.parse(http, CONFIG).orElseThrow();

                BlockActionRequest mine = assertInstanceOf(BlockActionRequest.class, ours);
                assertEquals(bolt.getPayload(), mine.getPayload(), json);
                assertEquals(context(bolt.getContext()), context(mine.getContext()), json);
                assertEquals(bolt.getContext().toString(), mine.getContext().toString());
                assertEquals(bolt.getClientIpAddress(), mine.getClientIpAddress());
                assertEquals(bolt.getQueryString(), mine.getQueryString());
                assertEquals(bolt.getRequestBodyAsString(), mine.getRequestBodyAsString());
                assertEquals(bolt.getResponseUrl(), mine.getResponseUrl());
                assertEquals(bolt.getRequestType(), mine.getRequestType());
                assertEquals(bolt.isSocketMode(), mine.isSocketMode());
                assertEquals(bolt.getHeaders().getNames(), mine.getHeaders().getNames());
            }
        }
        assertTrue(context(((BlockActionRequest) BlockActionRequests.parse(http(form(APP_HOME_SNOOZE), null), CONFIG)
                .orElseThrow()).getContext()).contains("E0GRID"), "the test reads the fields it compares");
    }

    @Test
    void anything_else_is_left_to_bolt() {
        String viewSubmission = "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ANA\"},\"view\":{\"id\":\"V1\"}}";
        String noUser = "{\"type\":\"block_actions\",\"actions\":[]}";
        for (String body : List.of(form(viewSubmission), form(noUser), "payload=%7Bnot%20json", "token=x&command=%2Ftasks&text=help",
                "{\"type\":\"event_callback\"}", "")) {
            assertEquals(Optional.empty(), BlockActionRequests.parse(http(body, null), CONFIG), body);
        }
        SlackRequestParser.HttpRequest socket = SlackRequestParser.HttpRequest.builder().requestBody(EPHEMERAL_CARD)
                .headers(new RequestHeaders(Map.of())).socketMode(true).build();
        assertEquals(Optional.empty(), BlockActionRequests.parse(socket, CONFIG), "Socket Mode stays with Bolt");
    }

    private static String context(ActionContext c) {
        return String.join("|", String.valueOf(c.getResponseUrl()), String.valueOf(c.getTriggerId()), String.valueOf(c.getTeamId()),
                String.valueOf(c.getEnterpriseId()), String.valueOf(c.getRequestUserId()), String.valueOf(c.getBotToken()),
                String.valueOf(c.getFunctionBotAccessToken()), String.valueOf(c.getFunctionExecutionId()), String.valueOf(c.getBotUserId()));
    }
}

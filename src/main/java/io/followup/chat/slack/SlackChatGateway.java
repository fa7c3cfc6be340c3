package io.followup.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import io.followup.chat.ChatGateway;
import io.followup.chat.ChatMessage;
import io.followup.chat.PostResult;
import io.followup.chat.SentLookup;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChatGateway} over Slack's Web API (chat.postMessage). A user id is posted to through its DM channel
 * (conversations.open, cached; the user id itself if the app may not open DMs). Every post carries message
 * metadata with the outbox key, so {@link #findSent} can look for it with conversations.history.
 */
public final class SlackChatGateway implements ChatGateway {

    static final String METADATA_EVENT = "followup_outbox";
    private static final Logger log = LoggerFactory.getLogger(SlackChatGateway.class);

    /** Errors that retrying will not fix. */
    static final Set<String> PERMANENT = Set.of("user_not_found", "users_not_found", "channel_not_found", "not_in_channel",
            "account_inactive", "is_archived", "invalid_auth", "not_authed", "token_revoked", "token_expired",
            "missing_scope", "no_permission", "restricted_action", "cannot_dm_bot", "user_disabled", "team_access_not_granted",
            "ekm_access_denied", "msg_too_long", "invalid_blocks", "invalid_blocks_format", "no_text", "too_many_attachments",
            "invalid_arguments", "invalid_metadata_format", "invalid_metadata_schema", "method_deprecated", "org_login_required");
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited", "rate_limited");
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final MethodsClient client;
    private final Map<String, String> dmChannels = new ConcurrentHashMap<>();

    public SlackChatGateway(MethodsClient client) {
        this.client = client;
    }

    @Override
    public PostResult post(String channelOrUser, ChatMessage message, String threadTs, String key) {
        String channel;
        try {
            channel = conversationFor(channelOrUser);
        } catch (Failure f) {
            return f.result;
        }
        try {
            ChatPostMessageResponse r = client.chatPostMessage(req -> req
                    .channel(channel)
                    .text(message.text())
                    .blocks(DigestBlocks.render(message))
                    .threadTs(threadTs)
                    .unfurlLinks(false)
                    .unfurlMedia(false)
                    .metadata(new Message.Metadata(METADATA_EVENT, Map.of("key", key))));
            if (r.isOk()) {
                return PostResult.ok(r.getTs(), r.getChannel() == null ? channel : r.getChannel());
            }
            return fromError(r.getError());
        } catch (SlackApiException e) {
            return fromHttp(e);
        } catch (IOException e) {
            return fromIo(e, true);
        }
    }

    @Override
    public List<ChatMessage> paginate(ChatMessage message) {
        return DigestBlocks.paginate(message);
    }

    @Override
    public SentLookup findSent(String channelOrUser, String threadTs, String key, Instant since) {
        String channel;
        try {
            channel = conversationFor(channelOrUser);
        } catch (Failure f) {
            return f.result.permanent() ? SentLookup.cannotTell(f.result.error()) : SentLookup.retry(f.result.error());
        }
        try {
            String oldest = slackTs(since.minusSeconds(60));
            String cursor = null;
            do {
                String c = cursor;
                List<Message> messages;
                String next;
                String error;
                if (threadTs == null) {
                    ConversationsHistoryResponse r = client.conversationsHistory(req -> req.channel(channel)
                            .oldest(oldest).limit(200).includeAllMetadata(true).cursor(c));
                    messages = r.getMessages();
                    error = r.isOk() ? null : r.getError();
                    next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                } else {
                    ConversationsRepliesResponse r = client.conversationsReplies(req -> req.channel(channel).ts(threadTs)
                            .oldest(oldest).limit(200).includeAllMetadata(true).cursor(c));
                    messages = r.getMessages();
                    error = r.isOk() ? null : r.getError();
                    next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                }
                if (error != null) {
                    return PERMANENT.contains(error) ? SentLookup.cannotTell(error) : SentLookup.retry(error);
                }
                for (Message m : messages == null ? List.<Message>of() : messages) {
                    if (m.getMetadata() != null && METADATA_EVENT.equals(m.getMetadata().getEventType())
                            && m.getMetadata().getEventPayload() != null && key.equals(m.getMetadata().getEventPayload().get("key"))) {
                        return SentLookup.found(m.getTs(), channel);
                    }
                }
                cursor = next;
            } while (cursor != null && !cursor.isEmpty());
            return SentLookup.notFound();
        } catch (SlackApiException e) {
            return SentLookup.retry(describe(e));
        } catch (IOException e) {
            return SentLookup.retry(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public String timeZoneOf(String userId) {
        try {
            UsersInfoResponse r = client.usersInfo(req -> req.user(userId));
            return r.isOk() && r.getUser() != null ? r.getUser().getTz() : null;
        } catch (IOException | SlackApiException e) {
            log.debug("users.info {} failed: {}", userId, e.toString());
            return null;
        }
    }

    /** A user id (U…, W…) becomes its DM channel; anything else is a channel id already. */
    private String conversationFor(String channelOrUser) throws Failure {
        if (!isUser(channelOrUser)) {
            return channelOrUser;
        }
        String cached = dmChannels.get(channelOrUser);
        if (cached != null) {
            return cached;
        }
        try {
            ConversationsOpenResponse r = client.conversationsOpen(req -> req.users(List.of(channelOrUser)).returnIm(false));
            if (r.isOk() && r.getChannel() != null) {
                dmChannels.put(channelOrUser, r.getChannel().getId());
                return r.getChannel().getId();
            }
            if ("missing_scope".equals(r.getError()) || "method_not_supported_for_channel_type".equals(r.getError())) {
                return channelOrUser; // chat.postMessage to a user id lands in the app's DM with them
            }
            throw new Failure(fromError(r.getError()));
        } catch (SlackApiException e) {
            throw new Failure(fromHttp(e));
        } catch (IOException e) {
            throw new Failure(fromIo(e, false));
        }
    }

    static boolean isUser(String id) {
        return id != null && (id.startsWith("U") || id.startsWith("W"));
    }

    static PostResult fromError(String error) {
        if ("ratelimited".equals(error) || "rate_limited".equals(error)) {
            return PostResult.rateLimited(DEFAULT_RETRY_AFTER);
        }
        if (error != null && TRANSIENT.contains(error)) {
            return PostResult.transientError(error);
        }
        return PostResult.permanentError(error == null ? "unknown_error" : error);
    }

    /** A non-200 answer: 429 with Retry-After, 5xx transient, other 4xx permanent. */
    static PostResult fromHttp(SlackApiException e) {
        int code = e.getResponse() == null ? 0 : e.getResponse().code();
        if (code == 429) {
            return PostResult.rateLimited(retryAfter(e.getResponse() == null ? null : e.getResponse().header("Retry-After")));
        }
        if (code >= 500 || code == 0 || code == 408) {
            return PostResult.transientError(describe(e));
        }
        return PostResult.permanentError(describe(e));
    }

    /** A timeout after the request went out may have posted; refused or unresolvable connections surely did not. */
    static PostResult fromIo(IOException e, boolean mayHavePosted) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (!mayHavePosted || e instanceof ConnectException || e instanceof UnknownHostException) {
            return PostResult.transientError(what);
        }
        return PostResult.uncertain(what);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long s = Long.parseLong(header.strip());
            return Duration.ofSeconds(Math.max(1, Math.min(s, 3600)));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static String describe(SlackApiException e) {
        String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : null;
        int code = e.getResponse() == null ? 0 : e.getResponse().code();
        return "HTTP " + code + (error == null ? "" : " " + error);
    }

    private static String slackTs(Instant i) {
        return i.getEpochSecond() + "." + String.format("%06d", i.getNano() / 1000);
    }

    /** Carries a result out of the conversation lookup. */
    private static final class Failure extends Exception {
        final transient PostResult result;

        Failure(PostResult result) {
            super(result.error(), null, false, false);
            this.result = result;
        }
    }
}

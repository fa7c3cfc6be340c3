package io.followup.chat;

import java.time.Instant;
import java.util.List;

/** Posts Followup's own messages to a channel or a user (a DM); the only thing schedule/ knows about chat. */
public interface ChatGateway {

    /**
     * Posts {@code message} to a channel id or a user id (as a direct message); {@code threadTs} non-null
     * makes it a reply in that thread. {@code key} tags the post so {@link #findSent} can find it later.
     * Never throws for platform errors: they come back as the result.
     */
    PostResult post(String channelOrUser, ChatMessage message, String threadTs, String key);

    /** Splits a message into the parts the platform accepts: the first is posted, the rest go in its thread. */
    default List<ChatMessage> paginate(ChatMessage message) {
        return List.of(message);
    }

    /**
     * Looks for a post tagged {@code key} made since {@code since}, in the conversation or (threadTs non-null)
     * among that thread's replies; the default cannot tell.
     */
    default SentLookup findSent(String channelOrUser, String threadTs, String key, Instant since) {
        return SentLookup.cannotTell("this chat cannot look up earlier posts");
    }

    /** The user's own time zone id (e.g. "America/New_York"), or null when unknown. */
    default String timeZoneOf(String userId) {
        return null;
    }
}

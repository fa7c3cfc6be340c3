package io.followup.schedule;

import io.followup.chat.ChatGateway;
import io.followup.chat.ChatMessage;
import io.followup.chat.PostResult;
import io.followup.chat.SentLookup;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory chat for schedule tests: records posts, answers with scripted results first. */
final class RecordingGateway implements ChatGateway {

    record Post(String to, ChatMessage message, String threadTs, String key) {
    }

    final List<Post> posts = new ArrayList<>();
    final Deque<PostResult> script = new ArrayDeque<>();
    final Map<String, String> zones = new ConcurrentHashMap<>();
    SentLookup lookup;
    int maxBlocksPerPart = Integer.MAX_VALUE;
    /** When true, an UNCERTAIN scripted result still counts as delivered (the post arrived, the answer did not). */
    boolean uncertainArrives;
    final List<Post> delivered = new ArrayList<>();
    private int ts;

    @Override
    public synchronized PostResult post(String to, ChatMessage message, String threadTs, String key) {
        Post p = new Post(to, message, threadTs, key);
        posts.add(p);
        PostResult scripted = script.poll();
        if (scripted != null) {
            if (scripted.outcome() == PostResult.Outcome.UNCERTAIN && uncertainArrives) {
                delivered.add(p);
            }
            return scripted;
        }
        delivered.add(p);
        return PostResult.ok("1000." + (++ts), to.startsWith("U") ? "D" + to : to);
    }

    @Override
    public List<ChatMessage> paginate(ChatMessage m) {
        if (m.blocks().size() <= maxBlocksPerPart) {
            return List.of(m);
        }
        List<ChatMessage> parts = new ArrayList<>();
        for (int i = 0; i < m.blocks().size(); i += maxBlocksPerPart) {
            parts.add(new ChatMessage(m.text(), m.blocks().subList(i, Math.min(m.blocks().size(), i + maxBlocksPerPart))));
        }
        return parts;
    }

    @Override
    public synchronized SentLookup findSent(String to, String threadTs, String key, Instant since) {
        if (lookup != null) {
            return lookup;
        }
        return delivered.stream().filter(p -> p.key().equals(key)).findFirst()
                .map(p -> SentLookup.found("999.1", to)).orElse(SentLookup.notFound());
    }

    @Override
    public String timeZoneOf(String userId) {
        return zones.get(userId);
    }

    synchronized List<Post> deliveredTo(String to) {
        return delivered.stream().filter(p -> p.to().equals(to)).toList();
    }
}

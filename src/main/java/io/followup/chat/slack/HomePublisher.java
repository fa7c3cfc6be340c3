package io.followup.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import io.followup.chat.CommandService;
import io.followup.chat.Directory;
import io.followup.chat.Reply;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a user's App Home tab (views.publish): their tasks grouped as in /tasks, with the same buttons. */
final class HomePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(HomePublisher.class);

    private final CommandService service;
    private final Directory directory;
    private final BlockKitRenderer renderer;
    private final MethodsClient client;

    HomePublisher(CommandService service, Directory directory, BlockKitRenderer renderer, MethodsClient client) {
        this.service = service;
        this.directory = directory;
        this.renderer = renderer;
        this.client = client;
    }

    void publish(String userId, int offset, String notice) {
        Reply home = service.home(userId, offset);
        publish(userId, notice == null ? home : home.prepend(notice));
    }

    void publish(String userId, Reply reply) {
        View view = View.builder().type("home").blocks(renderer.blocks(reply, BlockKitRenderer.HOME_BLOCKS)).build();
        try {
            ViewsPublishResponse r = client.viewsPublish(q -> q.userId(userId).view(view));
            if (!r.isOk()) {
                LOG.warn("views.publish for {} failed: {}", userId, r.getError());
            }
        } catch (Exception e) {
            LOG.warn("views.publish for {} failed: {}", userId, e.toString());
        }
    }

    /** Redraws the home of everyone whose tasks changed (and of whoever made the change). */
    void republish(Collection<String> people, String actorUserId, String skipUserId) {
        Set<String> users = new LinkedHashSet<>();
        if (actorUserId != null) {
            users.add(actorUserId);
        }
        for (String person : people) {
            directory.userOf(person).ifPresent(users::add);
        }
        if (skipUserId != null) {
            users.remove(skipUserId);
        }
        users.forEach(u -> publish(u, 0, null));
    }
}

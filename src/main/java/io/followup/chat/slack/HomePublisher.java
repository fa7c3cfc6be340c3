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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a user's App Home tab (views.publish): their tasks grouped as in /tasks, with the same buttons.
 * Redraws after changes are coalesced per user: a request made while one is already waiting joins it, and
 * the tab is rendered when the wait ends, so it shows the latest state however many changes came in between
 * (a burst of clicks costs one views.publish, not one each). Publishes to one user never overlap.
 */
final class HomePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HomePublisher.class);
    /** How long a redraw waits for more changes to the same user's tasks. */
    static final long COALESCE_MS = 300;

    private final CommandService service;
    private final Directory directory;
    private final BlockKitRenderer renderer;
    private final MethodsClient client;
    private final Executor executor;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "followup-home-timer");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Object> userLocks = new ConcurrentHashMap<>();

    HomePublisher(CommandService service, Directory directory, BlockKitRenderer renderer, MethodsClient client, Executor executor) {
        this.service = service;
        this.directory = directory;
        this.renderer = renderer;
        this.client = client;
        this.executor = executor;
    }

    /** Renders and publishes now (on the calling thread). */
    void publish(String userId, int offset, String notice) {
        synchronized (lockOf(userId)) {
            Reply home = service.home(userId, offset);
            send(userId, notice == null ? home : home.prepend(notice));
        }
    }

    /** Publishes this reply as the user's home now (on the calling thread). */
    void publish(String userId, Reply reply) {
        synchronized (lockOf(userId)) {
            send(userId, reply);
        }
    }

    private void send(String userId, Reply reply) {
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

    /** Redraws (soon, coalesced) the home of everyone whose tasks changed, and of whoever made the change. */
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
        users.forEach(this::republishSoon);
    }

    /** Asks for a redraw of one user's home; joins the one already waiting, if any. */
    void republishSoon(String userId) {
        if (!waiting.add(userId)) {
            return;
        }
        try {
            timer.schedule(() -> executor.execute(() -> {
                waiting.remove(userId);
                try {
                    publish(userId, 0, null);
                } catch (RuntimeException e) {
                    LOG.warn("App Home of {} not redrawn: {}", userId, e.toString());
                }
            }), COALESCE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            waiting.remove(userId); // shutting down
        }
    }

    private Object lockOf(String userId) {
        return userLocks.computeIfAbsent(userId == null ? "" : userId, k -> new Object());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

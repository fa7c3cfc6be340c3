package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posts to response_urls go out side by side, each on its own, and a failed one is only logged. */
class ResponseUrlTest {

    HttpServer server;
    ExecutorService posts = Executors.newFixedThreadPool(4);
    /** Paths in the order their POSTs arrived. */
    final List<String> arrived = new CopyOnWriteArrayList<>();
    /** Holds the answer to /respond/slow until counted down. */
    final CountDownLatch slowAnswers = new CountDownLatch(1);
    ResponseUrl responses;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/respond/", ex -> {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            arrived.add(path);
            if (path.endsWith("/slow")) {
                await(slowAnswers);
            }
            int status = path.endsWith("/broken") ? 500 : 200;
            ex.sendResponseHeaders(status, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        responses = new ResponseUrl(Slack.getInstance(), posts);
    }

    @AfterEach
    void stop() throws InterruptedException {
        slowAnswers.countDown();
        posts.shutdown();
        posts.awaitTermination(5, TimeUnit.SECONDS);
        server.stop(0);
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
    }

    private static ActionResponse card(String text) {
        return ActionResponse.builder().replaceOriginal(true).text(text).build();
    }

    @Test
    void a_post_slack_is_slow_to_answer_holds_up_no_other() throws Exception {
        responses.send(url("slow"), card("first redraw"));
        awaitArrived(1);
        responses.send(url("second"), card("second redraw"));
        responses.send(url("third"), card("another message"));
        awaitArrived(3);
        assertEquals(List.of("/respond/slow"), arrived.subList(0, 1));
        assertEquals(java.util.Set.of("/respond/second", "/respond/third"), java.util.Set.copyOf(arrived.subList(1, 3)));
        assertEquals(1, slowAnswers.getCount(), "the first post was still waiting for its answer");
    }

    @Test
    void a_failed_post_is_logged_and_the_next_still_goes() throws Exception {
        responses.send(url("broken"), card("answered 500"));
        awaitArrived(1);
        responses.send("http://127.0.0.1:1/respond/refused", card("connection refused"));
        responses.send(url("after"), card("still sent"));
        awaitArrived(2);
        assertEquals(List.of("/respond/broken", "/respond/after"), arrived);
    }

    private void awaitArrived(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (arrived.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(arrived.size() >= n, "arrived: " + arrived);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

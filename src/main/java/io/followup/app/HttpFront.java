package io.followup.app;

/** What {@code serve} runs in front: the Slack server, or the plain one when Slack is not configured. */
interface HttpFront extends AutoCloseable {

    /** Starts serving; returns the HTTP port (useful with port 0). */
    int start() throws Exception;

    void join() throws InterruptedException;

    /** One line for the operator: where and how it serves. */
    String describe(int port);
}

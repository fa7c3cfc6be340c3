package io.followup.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** GET /healthz: 200 once the first ingest finished, 503 before — shared by the Slack and the Slack-less server. */
public final class HealthServlet extends HttpServlet {
    private final transient BooleanSupplier ready;

    public HealthServlet(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean ok = ready.getAsBoolean();
        resp.setStatus(ok ? 200 : 503);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write(ok ? "ok" : "starting: the first ingest has not finished");
    }
}

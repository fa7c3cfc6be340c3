package io.followup.chat.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.followup.chat.CommandService;
import io.followup.chat.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /tasks and /meetings: parse the payload, run the command, render the answer. The answer goes in the
 * ack when ready within two seconds, else the ack says "working on it" and the answer follows via
 * response_url. Answers are ephemeral: only the caller sees them.
 */
final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final long ACK_BUDGET_MS = 2000;
    private static final String ALREADY = "Already handled this command.";

    private final CommandService service;
    private final BlockKitRenderer renderer;
    private final HomePublisher home;
    private final Work work;
    private final ResponseUrl responses;

    CommandHandler(CommandService service, BlockKitRenderer renderer, HomePublisher home, Work work, ResponseUrl responses) {
        this.service = service;
        this.renderer = renderer;
        this.home = home;
        this.work = work;
        this.responses = responses;
    }

    Response tasks(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        String origin = "slack:" + p.getCommand() + " in " + p.getChannelId();
        java.util.Optional<Reply> now = service.immediate(p.getText());
        if (now.isPresent()) {
            // help (or text that does not parse): nothing to look up or change, so no queue and no request key
            return ack(now.get());
        }
        return answer(req, ctx, service.changes(p.getText()), () -> service.tasks(p.getUserId(), p.getText(), origin));
    }

    Response meetings(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        return answer(req, ctx, false, () -> service.meetings(p.getUserId(), p.getText()));
    }

    /** {@code changes}: the command may change something, so the store, too, must not have seen its key before. */
    private Response answer(SlashCommandRequest req, SlashCommandContext ctx, boolean changes, java.util.function.Supplier<Reply> command) {
        SlashCommandPayload p = req.getPayload();
        String key = "cmd:" + (p.getTriggerId() != null ? p.getTriggerId() : p.getUserId() + ":" + req.getHeaders().getFirstValue("X-Slack-Request-Timestamp"));
        if (!work.claim(key)) {
            return ack(ALREADY, null);
        }
        CompletableFuture<Reply> future = CompletableFuture.supplyAsync(
                () -> changes && !work.claimDurably(key) ? Reply.notice(ALREADY) : command.get(), work.commands());
        try {
            Reply reply = future.get(ACK_BUDGET_MS, TimeUnit.MILLISECONDS);
            afterChange(reply, p.getUserId());
            return ack(reply);
        } catch (TimeoutException slow) {
            future.whenCompleteAsync((reply, error) -> respondLater(ctx, reply, error, p.getUserId()), work.background());
            return ack(":hourglass_flowing_sand: Working on it…", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ack(Work.problem(e), null);
        } catch (Exception e) {
            LOG.error("/{} failed", p.getCommand(), e);
            return ack(Work.problem(e), null);
        }
    }

    private Response ack(Reply reply) {
        return ack(renderer.fallback(reply), renderer.blocks(reply, BlockKitRenderer.MESSAGE_BLOCKS));
    }

    /** An ephemeral answer in the ack; its JSON is MessageJson's, the same as Bolt's {@code ctx.ack(...)} writes, for less. */
    private static Response ack(String text, List<LayoutBlock> blocks) {
        SlashCommandResponse message = SlashCommandResponse.builder().responseType("ephemeral").text(text).blocks(blocks).build();
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).body(MessageJson.of(message)).build();
    }

    private void respondLater(SlashCommandContext ctx, Reply reply, Throwable error, String userId) {
        try {
            if (error != null) {
                LOG.error("slash command failed", error);
                responses.send(ctx.getResponseUrl(), SlashCommandResponse.builder().responseType("ephemeral").text(Work.problem(error)).build());
                return;
            }
            afterChange(reply, userId);
            responses.send(ctx.getResponseUrl(), SlashCommandResponse.builder().responseType("ephemeral").text(renderer.fallback(reply))
                    .blocks(renderer.blocks(reply, BlockKitRenderer.MESSAGE_BLOCKS)).build());
        } catch (Exception e) {
            LOG.warn("could not respond via response_url: {}", e.toString());
        }
    }

    private void afterChange(Reply reply, String userId) {
        if (!reply.changedOwners().isEmpty()) {
            work.background().execute(() -> home.republish(reply.changedOwners(), userId, null));
        }
    }
}

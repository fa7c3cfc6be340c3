package io.followup.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.followup.chat.CommandService;
import io.followup.chat.Reply;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons and menus on task cards (Done, Snooze, Reassign, Accept, Decline, Undo, Claim, Show more). Acks at
 * once; the work runs after the ack and the message is redrawn in place via response_url (or the App
 * Home republished). A refusal is a separate ephemeral message and leaves the card as it was; so is every
 * answer to a button on a digest or reminder, which is never replaced.
 */
final class ActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ActionHandler.class);

    private final CommandService service;
    private final BlockKitRenderer renderer;
    private final HomePublisher home;
    private final Work work;
    private final ResponseUrl responses;

    ActionHandler(CommandService service, BlockKitRenderer renderer, HomePublisher home, Work work, ResponseUrl responses) {
        this.service = service;
        this.renderer = renderer;
        this.home = home;
        this.work = work;
        this.responses = responses;
    }

    Response handle(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
            return ctx.ack();
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String user = p.getUser().getId();
        String key = "act:" + user + ":" + a.getActionTs() + ":" + a.getActionId() + ":" + a.getBlockId();
        if (!work.claim(key)) {
            return ctx.ack();
        }
        work.background().execute(() -> {
            if (claimedBefore(key, a)) {
                return;
            }
            run(p, a, user, ctx);
        });
        return ctx.ack();
    }

    /** Seen by the store already (delivered again after a restart): applied then, not again now. */
    private boolean claimedBefore(String key, BlockActionPayload.Action a) {
        try {
            return !work.claimDurably(key);
        } catch (RuntimeException e) {
            LOG.warn("could not record button {} as handled ({}); handling it", a.getActionId(), e.toString());
            return false;
        }
    }

    private void run(BlockActionPayload p, BlockActionPayload.Action a, String user, ActionContext ctx) {
        boolean inHome = p.getContainer() != null && "view".equals(p.getContainer().getType());
        try {
            if (ActionIds.MORE.equals(a.getActionId())) {
                Reply.View view = ActionIds.view(a.getValue()).orElse(new Reply.View("", 0));
                if (inHome || view.home()) {
                    home.publish(user, view.offset(), null);
                } else {
                    replace(ctx, service.tasks(user, view.command(), view.offset(), origin(p, false)));
                }
                return;
            }
            Optional<Reply.Action> action = ActionIds.action(a.getActionId());
            Optional<ActionIds.TaskBlock> block = ActionIds.taskBlock(a.getBlockId());
            if (action.isEmpty() || block.isEmpty()) {
                notice(ctx, inHome, user, "That button is from an older Followup message; run /tasks again.");
                return;
            }
            String argument = switch (action.get()) {
                case SNOOZE -> a.getSelectedOption() == null ? null : a.getSelectedOption().getValue();
                case REASSIGN -> a.getSelectedUser();
                default -> null;
            };
            if (!inHome && DigestBlocks.DIGEST_VIEW.equals(block.get().view().command())) {
                answerPresser(ctx, user, service.pressOnly(user, action.get(), block.get().taskId(), argument, origin(p, false)));
                return;
            }
            // the page the button was on is drawn again (the block remembers it; in the App Home too)
            Reply.View view = inHome ? new Reply.View(Reply.View.HOME, block.get().view().offset()) : block.get().view();
            Reply reply = service.press(user, action.get(), block.get().taskId(), argument, view, origin(p, inHome));
            if (reply.notice()) {
                notice(ctx, inHome, user, reply.title());
                return;
            }
            if (inHome) {
                home.publish(user, reply);
                home.republish(reply.changedOwners(), null, user);
            } else {
                replace(ctx, reply);
                home.republish(reply.changedOwners(), user, null);
            }
        } catch (Exception e) {
            LOG.error("button {} failed", a.getActionId(), e);
            notice(ctx, inHome, user, Work.problem(e));
        }
    }

    /** A digest or reminder belongs to everyone in the channel: the presser alone sees what happened. */
    private void answerPresser(ActionContext ctx, String user, Reply reply) {
        if (ctx.getResponseUrl() == null) {
            home.publish(user, 0, reply.title());
            return;
        }
        responses.send(ctx.getResponseUrl(), ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                .text(renderer.fallback(reply)).blocks(renderer.blocks(reply, BlockKitRenderer.MESSAGE_BLOCKS)).build());
        home.republish(reply.changedOwners(), user, null);
    }

    private void replace(ActionContext ctx, Reply reply) {
        responses.send(ctx.getResponseUrl(), ActionResponse.builder().replaceOriginal(true).text(renderer.fallback(reply))
                .blocks(renderer.blocks(reply, BlockKitRenderer.MESSAGE_BLOCKS)).build());
    }

    private void notice(ActionContext ctx, boolean inHome, String user, String text) {
        try {
            if (inHome || ctx.getResponseUrl() == null) {
                home.publish(user, 0, text);
            } else {
                responses.send(ctx.getResponseUrl(), ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(text).build());
            }
        } catch (Exception e) {
            LOG.warn("could not tell {}: {}", user, e.toString());
        }
    }

    private static String origin(BlockActionPayload p, boolean inHome) {
        if (inHome) {
            return "slack:app-home";
        }
        String channel = p.getChannel() == null ? (p.getContainer() == null ? "?" : p.getContainer().getChannelId()) : p.getChannel().getId();
        String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        return "slack:message " + channel + (ts == null ? "" : "/" + ts);
    }
}

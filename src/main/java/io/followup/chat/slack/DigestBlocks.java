package io.followup.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.followup.chat.ChatMessage;
import io.followup.chat.ChatMessage.Action;
import io.followup.chat.ChatMessage.Block;
import io.followup.chat.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for Followup's own messages (digest, reminders): a task is a section plus a row of controls with
 * the action ids of /tasks cards (followup.done, followup.snooze; followup.claim for unassigned tasks) and the
 * task id in the block id. Long messages are split so that every part stays within Slack's 50 blocks and
 * 3000 characters; the sender posts the first part and the rest as thread replies.
 */
public final class DigestBlocks {

    /**
     * The view carried in a digest or reminder button's block id. The action handler should answer a press
     * there with an ephemeral notice rather than replace the message (a channel digest belongs to everyone).
     */
    public static final String DIGEST_VIEW = "~digest";
    /** Claiming an unassigned task (the presser becomes its owner). */
    public static final String ACTION_CLAIM = ActionIds.PREFIX + "claim";

    static final int MAX_BLOCKS = 50;
    static final int MAX_CHARS = 3000;
    private static final int MAX_HEADER = 150;

    private DigestBlocks() {
    }

    public static List<LayoutBlock> render(ChatMessage message) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Block b : message.blocks()) {
            switch (b.kind()) {
                case HEADER -> out.add(header(h -> h.text(plainText(clip(b.text(), MAX_HEADER), true))));
                case TEXT -> out.add(section(s -> s.text(markdownText(clip(escape(b.text()), MAX_CHARS)))));
                case SECTION_TITLE -> out.add(section(s -> s.text(markdownText(clip("*" + escape(b.text()) + "*", MAX_CHARS)))));
                case GROUP_TITLE -> out.add(context(c -> c.elements(List.of(markdownText(clip("*" + escape(b.text()) + "*", MAX_CHARS))))));
                case NOTE -> out.add(context(c -> c.elements(List.of(markdownText(clip(escape(b.text()), MAX_CHARS))))));
                case DIVIDER -> out.add(divider());
                case ITEM -> {
                    out.add(section(s -> s.text(markdownText(itemText(b)))));
                    if (!b.actions().isEmpty() && b.taskId() != null) {
                        List<BlockElement> elements = new ArrayList<>();
                        for (Action a : b.actions()) {
                            elements.add(element(a, b.taskId()));
                        }
                        String blockId = ActionIds.taskBlock(b.taskId(), new Reply.View(DIGEST_VIEW, 0));
                        out.add(actions(x -> x.blockId(blockId).elements(elements)));
                    }
                }
                default -> throw new IllegalStateException("unknown block kind " + b.kind());
            }
        }
        return out;
    }

    /** Splits into parts of at most 50 rendered blocks and 3000 characters, never ending a part on a title. */
    public static List<ChatMessage> paginate(ChatMessage message) {
        List<List<Block>> parts = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        int blocks = 0;
        int chars = 0;
        for (Block b : message.blocks()) {
            int cost = blockCost(b);
            int size = charCost(b);
            if (!current.isEmpty() && (blocks + cost > MAX_BLOCKS || chars + size > MAX_CHARS)) {
                List<Block> carry = new ArrayList<>();
                while (current.size() > 1 && isTitle(current.get(current.size() - 1))) {
                    carry.add(0, current.remove(current.size() - 1));
                }
                parts.add(current);
                current = carry;
                blocks = carry.stream().mapToInt(DigestBlocks::blockCost).sum();
                chars = carry.stream().mapToInt(DigestBlocks::charCost).sum();
            }
            current.add(b);
            blocks += cost;
            chars += size;
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(current);
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String text = i == 0 ? message.text() : message.text() + " (continued " + (i + 1) + "/" + parts.size() + ")";
            messages.add(new ChatMessage(text, parts.get(i)));
        }
        return messages;
    }

    /** The same action ids and snooze choices as the task cards of /tasks, so one handler serves both. */
    private static BlockElement element(Action a, String taskId) {
        return switch (a) {
            case DONE -> button(x -> x.actionId(ActionIds.actionId(Reply.Action.DONE)).value(taskId).text(plainText("Done")).style("primary"));
            case SNOOZE -> staticSelect(x -> x.actionId(ActionIds.actionId(Reply.Action.SNOOZE)).placeholder(plainText("Snooze…"))
                    .options(Reply.SnoozeChoice.ALL.stream().map(c -> option(plainText(c.label()), c.input())).toList()));
            case CLAIM -> button(x -> x.actionId(ACTION_CLAIM).value(taskId).text(plainText("Claim")).style("primary"));
        };
    }

    static String itemText(Block b) {
        String head = "• " + escape(b.text()) + (b.taskId() == null ? "" : "  `" + escape(b.taskId()) + "`");
        String detail = b.detail() == null || b.detail().isBlank() ? "" : "\n_" + escape(b.detail()) + "_";
        return clip(head, MAX_CHARS - Math.min(detail.length(), 500)) + clip(detail, 500);
    }

    private static boolean isTitle(Block b) {
        return switch (b.kind()) {
            case HEADER, SECTION_TITLE, GROUP_TITLE -> true;
            default -> false;
        };
    }

    private static int blockCost(Block b) {
        return b.kind() == ChatMessage.Kind.ITEM && !b.actions().isEmpty() && b.taskId() != null ? 2 : 1;
    }

    private static int charCost(Block b) {
        return switch (b.kind()) {
            case ITEM -> itemText(b).length();
            case DIVIDER -> 0;
            default -> Math.min(MAX_CHARS, escape(b.text()).length() + 2);
        };
    }

    /** Slack mrkdwn needs only these three escaped; user text must not turn into mentions or links. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

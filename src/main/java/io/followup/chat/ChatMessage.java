package io.followup.chat;

import java.util.List;

/**
 * A message Followup posts on its own, in platform-neutral parts: each chat adapter renders the blocks its
 * way (Slack: Block Kit). {@code text} is the plain fallback shown in notifications.
 */
public record ChatMessage(String text, List<Block> blocks) {

    public ChatMessage {
        blocks = List.copyOf(blocks);
    }

    /** What a block is; adapters choose the look. */
    public enum Kind {
        HEADER, TEXT, SECTION_TITLE, GROUP_TITLE, ITEM, NOTE, DIVIDER
    }

    /** A button on a task item; the adapter maps it to its own action id, with the task id as value. */
    public enum Action {
        DONE, SNOOZE, CLAIM
    }

    /** One block: for ITEM, {@code text} is the task, {@code detail} when and where from, {@code taskId} what buttons act on. */
    public record Block(Kind kind, String text, String detail, String taskId, List<Action> actions) {

        public Block {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public static Block of(Kind kind, String text) {
            return new Block(kind, text, null, null, List.of());
        }

        public static Block item(String text, String detail, String taskId, List<Action> actions) {
            return new Block(Kind.ITEM, text, detail, taskId, actions);
        }
    }
}

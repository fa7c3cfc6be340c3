package io.followup.chat.slack;

import io.followup.chat.Reply;
import java.util.Locale;
import java.util.Optional;

/**
 * How buttons carry what they act on: action ids name the action, a task's actions block id carries
 * the task id and the view (command + offset) to redraw, the "Show more" button's value the next view.
 */
final class ActionIds {

    static final String PREFIX = "followup.";
    static final String MORE = PREFIX + "more";
    private static final String HOME = "~home";
    private static final int MAX_COMMAND = 200;

    /** A decoded task block id. */
    record TaskBlock(String taskId, Reply.View view) {
    }

    private ActionIds() {
    }

    static String actionId(Reply.Action action) {
        return PREFIX + action.name().toLowerCase(Locale.ROOT);
    }

    static Optional<Reply.Action> action(String actionId) {
        if (actionId == null || !actionId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Reply.Action.valueOf(actionId.substring(PREFIX.length()).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String taskBlock(String taskId, Reply.View view) {
        return "t|" + taskId + "|" + view(view);
    }

    static Optional<TaskBlock> taskBlock(String blockId) {
        if (blockId == null || !blockId.startsWith("t|")) {
            return Optional.empty();
        }
        String[] p = blockId.split("\\|", 3);
        if (p.length < 3) {
            return Optional.empty();
        }
        return view(p[2]).map(v -> new TaskBlock(p[1], v));
    }

    /** "offset|command" (the command shortened so block ids stay under Slack's 255 characters). */
    static String view(Reply.View view) {
        Reply.View v = view == null ? new Reply.View("", 0) : view;
        String command = v.home() ? HOME : v.command();
        if (command.length() > MAX_COMMAND) {
            command = command.substring(0, MAX_COMMAND);
        }
        return v.offset() + "|" + command;
    }

    static Optional<Reply.View> view(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        int bar = encoded.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        try {
            int offset = Math.max(0, Integer.parseInt(encoded.substring(0, bar)));
            String command = encoded.substring(bar + 1);
            return Optional.of(new Reply.View(HOME.equals(command) ? Reply.View.HOME : command, offset));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

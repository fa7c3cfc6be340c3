package io.followup.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.followup.chat.Reply;
import io.followup.chat.TextRenderer;
import io.followup.model.Meeting;
import io.followup.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Reply} as Block Kit within Slack's limits: at most 50 blocks in a message (100 in
 * App Home), 3,000 characters per text, 2,000 per button value. Text from notes is escaped.
 */
public final class BlockKitRenderer {

    public static final int MESSAGE_BLOCKS = 50;
    public static final int HOME_BLOCKS = 100;
    static final int TEXT_LIMIT = 3000;
    static final int FALLBACK_LIMIT = 3000;
    /** Action items a /meetings answer lists before it points to /tasks meeting (which pages). */
    static final int MEETING_ITEMS = 40;

    private final TextRenderer text = new TextRenderer();

    public List<LayoutBlock> blocks(Reply reply, int maxBlocks) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Heading h) {
                out.add(section(s -> s.text(markdownText(bold(h.text())))));
            } else if (part instanceof Reply.Text t) {
                out.add(section(s -> s.text(markdownText(limit(mentions(escape(t.text())))))));
            } else if (part instanceof Reply.TaskItem t) {
                out.add(section(s -> s.text(markdownText(limit(taskText(t))))));
                if (t.task().writebackPending()) {
                    out.add(context(c -> c.elements(List.of(markdownText(":warning: Changed in chat, not yet in the note — "
                            + "Followup writes it when the note can be written.")))));
                }
                out.add(actions(a -> a.blockId(ActionIds.taskBlock(t.task().id(), reply.view())).elements(buttons(t))));
            } else if (part instanceof Reply.MeetingItem m) {
                out.addAll(meeting(m));
            } else if (part instanceof Reply.More m) {
                String value = ActionIds.view(new Reply.View(reply.view() == null ? "" : reply.view().command(), m.nextOffset()));
                out.add(actions(a -> a.blockId("more").elements(List.of(button(b -> b.actionId(ActionIds.MORE)
                        .text(plainText("Show more (" + m.remaining() + ")")).value(value))))));
            }
        }
        return fit(out, maxBlocks);
    }

    /** The plain-text fallback Slack shows in notifications and to screen readers. */
    public String fallback(Reply reply) {
        String s = text.render(reply);
        return s.length() > FALLBACK_LIMIT ? s.substring(0, FALLBACK_LIMIT - 1) + "…" : s;
    }

    private static List<BlockElement> buttons(Reply.TaskItem t) {
        List<BlockElement> elements = new ArrayList<>();
        for (Reply.Action action : t.actions()) {
            String id = ActionIds.actionId(action);
            switch (action) {
                case DONE -> elements.add(button(b -> b.actionId(id).text(plainText("Done")).style("primary").value(t.task().id())));
                case ACCEPT -> elements.add(button(b -> b.actionId(id).text(plainText("Accept")).style("primary").value(t.task().id())));
                case DECLINE -> elements.add(button(b -> b.actionId(id).text(plainText("Decline")).style("danger").value(t.task().id())));
                case UNDO -> elements.add(button(b -> b.actionId(id).text(plainText("Undo")).value(t.task().id())));
                case CLAIM -> elements.add(button(b -> b.actionId(id).text(plainText("Claim")).value(t.task().id())));
                case SNOOZE -> elements.add(staticSelect(s -> s.actionId(id).placeholder(plainText("Snooze…"))
                        .options(Reply.SnoozeChoice.ALL.stream().map(c -> option(plainText(c.label()), c.input())).toList())));
                case REASSIGN -> elements.add(usersSelect(u -> u.actionId(id).placeholder(plainText("Reassign…"))));
            }
        }
        return elements;
    }

    private static String taskText(Reply.TaskItem item) {
        Task t = item.task();
        String mark = switch (t.status()) {
            case DONE -> ":white_check_mark: ~" + escape(shorten(t.description(), 600)) + "~";
            case CANCELLED -> ":heavy_multiplication_x: ~" + escape(shorten(t.description(), 600)) + "~";
            case PROPOSED -> ":grey_question: *" + escape(shorten(t.description(), 600)) + "*";
            default -> "*" + escape(shorten(t.description(), 600)) + "*";
        };
        StringBuilder s = new StringBuilder(mark).append('\n');
        s.append(":bust_in_silhouette: ").append(t.owner() == null ? "_no owner_" : escape(t.owner()));
        s.append("  ·  :calendar: ").append(item.dueLabel().contains("overdue") ? "*" + item.dueLabel() + "*" : item.dueLabel());
        if (t.priority() != null) {
            s.append("  ·  ").append(t.priority().emoji()).append(' ').append(t.priority().jsonName());
        }
        if (t.meeting() != null) {
            s.append("\n:spiral_note_pad: ").append(escape(shorten(t.meeting().title(), 200)));
            if (t.meeting().date() != null) {
                s.append(" (").append(t.meeting().date()).append(')');
            }
        }
        s.append("  ·  `").append(t.id()).append('`');
        return s.toString();
    }

    private static List<LayoutBlock> meeting(Reply.MeetingItem item) {
        Meeting m = item.meeting();
        List<LayoutBlock> out = new ArrayList<>();
        String head = "*" + escape(shorten(m.title(), 300)) + "*" + (m.date() == null ? "" : "  ·  " + m.date()) + "  ·  `" + m.id() + "`";
        if (!item.full()) {
            long open = item.tasks().stream().filter(Task::isOpen).count();
            String line = head + "\n" + TextRenderer.count(m.participants().size(), "attendee") + " · "
                    + TextRenderer.count(item.tasks().size(), "action item") + ", " + open + " open";
            out.add(section(s -> s.text(markdownText(limit(line)))));
            return out;
        }
        out.add(section(s -> s.text(markdownText(limit(head)))));
        if (!m.participants().isEmpty()) {
            List<ContextBlockElement> who = List.of(markdownText(limit("Attendees: " + escape(String.join(", ", m.participants())))));
            out.add(context(c -> c.elements(who)));
        }
        for (Map.Entry<String, String> e : TextRenderer.sections(m)) {
            out.add(section(s -> s.text(markdownText(limit("*" + TextRenderer.title(e.getKey()) + "*\n" + escape(e.getValue().strip()))))));
        }
        out.addAll(actionItems(m, item.tasks()));
        out.add(divider());
        return out;
    }

    /**
     * A meeting's action items with their state, as many sections as their text needs (each within 3,000
     * characters); past {@value #MEETING_ITEMS} items a last line says how many more and where to page through them.
     */
    private static List<LayoutBlock> actionItems(Meeting m, List<Task> tasks) {
        List<LayoutBlock> out = new ArrayList<>();
        StringBuilder text = new StringBuilder("*Action items*");
        int shown = Math.min(tasks.size(), MEETING_ITEMS);
        for (int i = 0; i < shown; i++) {
            Task t = tasks.get(i);
            String line = stateMark(t) + " " + escape(shorten(t.description(), 200)) + (t.owner() == null ? "" : " — " + escape(t.owner()))
                    + " `" + t.id() + "`";
            if (text.length() + 1 + line.length() > TEXT_LIMIT) {
                String done = text.toString();
                out.add(section(s -> s.text(markdownText(done))));
                text = new StringBuilder("*Action items (continued)*");
            }
            text.append('\n').append(line);
        }
        if (tasks.size() > shown) {
            text.append('\n').append("…and ").append(tasks.size() - shown).append(" more: /tasks meeting ").append(m.id()).append(" pages through all of them.");
        }
        if (!tasks.isEmpty()) {
            String last = text.toString();
            out.add(section(s -> s.text(markdownText(last))));
        }
        return out;
    }

    /** Done, cancelled, in progress, proposed and open look different at a glance. */
    private static String stateMark(Task t) {
        return switch (t.status()) {
            case DONE -> ":white_check_mark:";
            case CANCELLED -> ":heavy_multiplication_x:";
            case IN_PROGRESS -> ":arrow_forward:";
            case PROPOSED -> ":grey_question:";
            case OPEN -> ":white_square:";
        };
    }

    /** Bold text within a section's limit (the closing star kept even when the text is cut). */
    private static String bold(String text) {
        return "*" + limit(escape(text), TEXT_LIMIT - 2) + "*";
    }

    /** Keeps within the block limit; a cut list ends with a note instead of silently losing items. */
    private static List<LayoutBlock> fit(List<LayoutBlock> blocks, int max) {
        if (blocks.size() <= max) {
            return blocks;
        }
        List<LayoutBlock> cut = new ArrayList<>(blocks.subList(0, max - 1));
        cut.add(section(s -> s.text(markdownText("_…more than fits in one message; narrow the command or page with Show more._"))));
        return cut;
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Lets through our own user mentions (written as {@code <@U123>}) after escaping. */
    private static String mentions(String escaped) {
        return escaped.replaceAll("&lt;@([A-Z0-9]+)&gt;", "<@$1>");
    }

    private static String limit(String s) {
        return limit(s, TEXT_LIMIT);
    }

    /** Cut to {@code max} characters with an ellipsis, never inside an escape such as {@code &amp;}. */
    private static String limit(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        int amp = s.lastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 5 && s.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        return s.substring(0, cut) + "…";
    }

    private static String shorten(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}

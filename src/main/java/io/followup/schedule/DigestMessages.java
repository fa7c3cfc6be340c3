package io.followup.schedule;

import io.followup.chat.ChatMessage;
import io.followup.chat.ChatMessage.Action;
import io.followup.chat.ChatMessage.Block;
import io.followup.chat.ChatMessage.Kind;
import io.followup.digest.Digest;
import io.followup.digest.Digest.Group;
import io.followup.digest.Digest.Item;
import io.followup.digest.Digest.Section;
import io.followup.digest.Digest.SectionKind;
import io.followup.digest.DigestText;
import io.followup.digest.Reminder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Pure: the digest and a reminder as platform-neutral chat messages, with the buttons each task gets. */
public final class DigestMessages {

    private DigestMessages() {
    }

    public static ChatMessage channel(Digest digest) {
        List<Block> blocks = new ArrayList<>();
        String headline = DigestText.headline(digest);
        blocks.add(Block.of(Kind.HEADER, headline));
        if (digest.isEmpty()) {
            blocks.add(Block.of(Kind.NOTE, "Nothing is overdue or due in the next " + DigestText.plural(digest.lookaheadDays(), "day")
                    + ", and nothing is waiting for an owner."));
        }
        for (Section section : digest.sections()) {
            blocks.add(Block.of(Kind.SECTION_TITLE, DigestText.sectionTitle(section.kind(), digest.lookaheadDays()) + " (" + section.count() + ")"));
            for (Group group : section.groups()) {
                blocks.add(Block.of(Kind.GROUP_TITLE, DigestText.groupTitle(group)));
                for (Item item : group.items()) {
                    blocks.add(item(item, actionsFor(section.kind())));
                }
            }
        }
        return new ChatMessage(headline, blocks);
    }

    public static ChatMessage reminder(Reminder reminder, LocalDate today) {
        List<Block> blocks = new ArrayList<>();
        String headline = DigestText.reminderHeadline(reminder, today);
        blocks.add(Block.of(Kind.TEXT, headline));
        list(blocks, "Overdue", reminder.overdue());
        list(blocks, "Due today", reminder.dueToday());
        list(blocks, "Due tomorrow", reminder.dueTomorrow());
        if (!reminder.isTeam()) {
            blocks.add(Block.of(Kind.NOTE, "Turn these off with /tasks reminders off, or move them with /tasks reminders at 08:30."));
        }
        return new ChatMessage(headline, blocks);
    }

    private static void list(List<Block> blocks, String title, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        blocks.add(Block.of(Kind.SECTION_TITLE, title));
        for (Item item : items) {
            blocks.add(item(item, List.of(Action.DONE, Action.SNOOZE)));
        }
    }

    private static List<Action> actionsFor(SectionKind kind) {
        return switch (kind) {
            case UNASSIGNED -> List.of(Action.CLAIM);
            case PROPOSED -> List.of();
            default -> List.of(Action.DONE, Action.SNOOZE);
        };
    }

    private static Block item(Item item, List<Action> actions) {
        return Block.item(item.task().description(), DigestText.detail(item), item.task().id(), actions);
    }
}

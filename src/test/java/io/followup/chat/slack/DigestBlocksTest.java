package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.followup.chat.ChatMessage;
import io.followup.chat.ChatMessage.Action;
import io.followup.chat.ChatMessage.Block;
import io.followup.chat.ChatMessage.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestBlocksTest {

    static ChatMessage digest(int items, int descriptionLength) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.of(Kind.HEADER, "Followup digest"));
        for (int i = 0; i < items; i++) {
            if (i % 10 == 0) {
                blocks.add(Block.of(Kind.GROUP_TITLE, "Owner " + i));
            }
            blocks.add(Block.item("x".repeat(descriptionLength), "1 day late", "id" + i, List.of(Action.DONE, Action.SNOOZE)));
        }
        return new ChatMessage("Followup digest", blocks);
    }

    static int chars(List<LayoutBlock> blocks) {
        return blocks.stream().filter(b -> b instanceof SectionBlock).mapToInt(b -> ((SectionBlock) b).getText().getText().length()).sum();
    }

    @Test
    void every_part_stays_within_50_blocks_and_3000_characters_and_nothing_is_lost() {
        for (int len : new int[] {10, 200, 2900, 5000}) {
            List<ChatMessage> parts = DigestBlocks.paginate(digest(60, len));
            int items = 0;
            for (ChatMessage part : parts) {
                List<LayoutBlock> rendered = DigestBlocks.render(part);
                assertTrue(rendered.size() <= 50, "blocks " + rendered.size());
                assertTrue(chars(rendered) <= 3000 || part.blocks().stream().filter(b -> b.kind() == Kind.ITEM).count() == 1,
                        "chars " + chars(rendered) + " at length " + len);
                rendered.stream().filter(b -> b instanceof SectionBlock)
                        .forEach(b -> assertTrue(((SectionBlock) b).getText().getText().length() <= 3000));
                items += (int) part.blocks().stream().filter(b -> b.kind() == Kind.ITEM).count();
            }
            assertEquals(60, items);
        }
    }

    @Test
    void a_part_never_ends_on_a_title() {
        for (ChatMessage part : DigestBlocks.paginate(digest(120, 100))) {
            Kind last = part.blocks().get(part.blocks().size() - 1).kind();
            assertEquals(Kind.ITEM, last);
        }
    }

    @Test
    void buttons_use_the_task_card_action_ids_and_carry_the_task_id() {
        ChatMessage m = new ChatMessage("t", List.of(
                Block.item("Send <contract> & sign", "due today", "k3f9x2ab", List.of(Action.DONE, Action.SNOOZE)),
                Block.item("Free task", null, "free0001", List.of(Action.CLAIM))));
        List<LayoutBlock> blocks = DigestBlocks.render(m);
        String json = new Gson().toJson(blocks);

        assertEquals(4, blocks.size());
        assertTrue(((SectionBlock) blocks.get(0)).getText().getText().startsWith("• Send &lt;contract&gt; &amp; sign  `k3f9x2ab`"));
        ActionsBlock actions = (ActionsBlock) blocks.get(1);
        assertEquals("t|k3f9x2ab|0|" + DigestBlocks.DIGEST_VIEW, actions.getBlockId());
        assertTrue(json.contains("\"actionId\":\"followup.done\"") && json.contains("\"actionId\":\"followup.snooze\"")
                && json.contains("\"actionId\":\"followup.claim\""), json);
    }
}

package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import io.followup.chat.Reply;
import io.followup.model.OwnerKind;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private static Task task(String id, String description) {
        return new Task(id, description, "Tomás <Ortega>", null, OwnerKind.PERSON, TaskStatus.OPEN, " ", LocalDate.parse("2026-03-01"),
                null, null, null, null, null, null, null, List.of(), null, null, List.of(new SourceRef("a.md", 1)), false);
    }

    @Test
    void note_text_is_escaped_and_long_text_cut_to_slack_limits() {
        Reply reply = new Reply("t", List.of(new Reply.TaskItem(task("aaaabbbb", "<!channel> & " + "x".repeat(5000)), "3 days overdue",
                List.of(Reply.Action.DONE)), new Reply.Text("y".repeat(5000))), new Reply.View("search x", 0), false, Set.of());
        String first = ((com.slack.api.model.block.SectionBlock) renderer.blocks(reply, 50).get(0)).getText().getText();
        assertFalse(first.contains("<!channel>"));
        assertTrue(first.contains("&lt;!channel&gt; &amp;"), first);
        assertTrue(first.contains("Tomás &lt;Ortega&gt;"), first);
        for (LayoutBlock b : renderer.blocks(reply, BlockKitRenderer.MESSAGE_BLOCKS)) {
            if (b instanceof com.slack.api.model.block.SectionBlock s) {
                assertTrue(s.getText().getText().length() <= 3000);
            }
        }
    }

    @Test
    void never_more_blocks_than_slack_allows() {
        List<Reply.Part> parts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            parts.add(new Reply.TaskItem(task(String.format("t%07d", i), "task " + i), "due today", List.of(Reply.Action.DONE)));
        }
        Reply reply = new Reply("t", parts, new Reply.View("", 0), false, Set.of());
        assertEquals(50, renderer.blocks(reply, BlockKitRenderer.MESSAGE_BLOCKS).size());
        assertEquals(100, renderer.blocks(reply, BlockKitRenderer.HOME_BLOCKS).size());
    }

    @Test
    void block_ids_carry_task_and_view_and_stay_short() {
        String longCommand = "search " + "z".repeat(1000);
        String blockId = ActionIds.taskBlock("aaaabbbb", new Reply.View(longCommand, 20));
        assertTrue(blockId.length() <= 255);
        Optional<ActionIds.TaskBlock> back = ActionIds.taskBlock(blockId);
        assertEquals("aaaabbbb", back.orElseThrow().taskId());
        assertEquals(20, back.get().view().offset());
        assertTrue(ActionIds.taskBlock(ActionIds.taskBlock("aaaabbbb", new Reply.View(Reply.View.HOME, 0))).orElseThrow().view().home());
        assertEquals(Optional.of(Reply.Action.SNOOZE), ActionIds.action("followup.snooze"));
        assertTrue(ActionIds.action("followup.nope").isEmpty());
        assertTrue(ActionIds.taskBlock("garbage").isEmpty());
    }
}

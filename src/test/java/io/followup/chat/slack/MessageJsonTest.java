package io.followup.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.JsonOps;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.ImageElement;
import com.slack.api.util.json.GsonFactory;
import io.followup.chat.Reply;
import io.followup.model.Meeting;
import io.followup.model.MeetingRef;
import io.followup.model.OwnerKind;
import io.followup.model.Priority;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Followup answers with (an ack's body, a response_url post) is, character for character, what the SDK's own Gson
 * (and Bolt's, for an ack) would write for the same message, and so is a message with parts MessageJson leaves to Gson.
 */
class MessageJsonTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private static Task task(String id, String description, TaskStatus status, OwnerKind kind, Priority priority) {
        return new Task(id, description, kind == null ? null : "Tomás <Ortega> & \"Co\"", null, kind, status, status.symbol(),
                LocalDate.parse("2026-03-01"), null, null, null, status == TaskStatus.DONE ? LocalDate.parse("2026-03-03") : null,
                null, priority, null, List.of("#launch"), null,
                new MeetingRef("m1", "Harbor sync", LocalDate.parse("2026-03-02")), List.of(new SourceRef("Meetings/a.md", 4)), status == TaskStatus.DONE);
    }

    private List<Reply> replies() {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading("Overdue (7,726) — <b>&amp;</b>"));
        parts.add(new Reply.Text("Marked done: *Send* the `deck` <https://example.com|link> ‘quotes’ ✅ 🎉 \u2028 end"));
        parts.add(new Reply.Text("Control \u0001\u001f\t\r\n, a \\ backslash, \"quotes\", = and ' and a lone \ud83d surrogate"));
        parts.add(new Reply.TaskItem(task("t0000001", "Send the deck", TaskStatus.OPEN, OwnerKind.PERSON, Priority.HIGH), "3 days overdue",
                List.of(Reply.Action.DONE, Reply.Action.SNOOZE, Reply.Action.REASSIGN)));
        parts.add(new Reply.TaskItem(task("t0000002", "Try a second carrier", TaskStatus.PROPOSED, OwnerKind.PERSON, null), "due today",
                List.of(Reply.Action.ACCEPT, Reply.Action.DECLINE)));
        parts.add(new Reply.TaskItem(task("t0000003", "Rotate the keys", TaskStatus.OPEN, null, Priority.LOWEST), "",
                List.of(Reply.Action.CLAIM)));
        parts.add(new Reply.TaskItem(task("t0000004", "Book the room", TaskStatus.DONE, OwnerKind.TEAM, null), "done",
                List.of(Reply.Action.UNDO)));
        parts.add(new Reply.More(10, 7716));
        Meeting meeting = new Meeting("m1", "Harbor sync <2026>", LocalDate.parse("2026-03-02"), List.of("Ana Lima", "Bo Chen"),
                List.of(new SourceRef("Meetings/a.md", 1)), List.of("t0000001"), Map.of("summary", "We met & agreed.", "decisions", "Ship it."));
        List<Reply.Part> meetingParts = List.of(new Reply.MeetingItem(meeting,
                List.of(task("t0000001", "Send the deck", TaskStatus.OPEN, OwnerKind.PERSON, null)), true));
        return List.of(new Reply("Open tasks of Tomás", parts, new Reply.View("", 0), false, Set.of()),
                new Reply("Harbor sync", meetingParts, new Reply.View("meeting harbor", 0), false, Set.of()),
                Reply.notice("Only the owner (Tomás Ortega) or an admin can change this task; ask them, or /tasks help."));
    }

    @Test
    void every_kind_of_message_is_written_as_the_sdk_writes_it() {
        com.google.gson.Gson sdk = GsonFactory.createSnakeCase(new SlackConfig());
        int checked = 0;
        for (Reply r : replies()) {
            ActionResponse card = ActionResponse.builder().replaceOriginal(true).text(renderer.fallback(r))
                    .blocks(renderer.blocks(r, BlockKitRenderer.MESSAGE_BLOCKS)).build();
            ActionResponse notice = ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(renderer.fallback(r)).build();
            for (ActionResponse message : List.of(card, notice)) {
                assertEquals(sdk.toJson(message), MessageJson.of(message));
                checked++;
            }
            SlashCommandResponse answer = SlashCommandResponse.builder().responseType("ephemeral").text(renderer.fallback(r))
                    .blocks(renderer.blocks(r, BlockKitRenderer.MESSAGE_BLOCKS)).build();
            assertEquals(sdk.toJson(answer), MessageJson.of(answer));
            // an ack's body: what Bolt's ctx.ack(response) writes
            assertEquals(JsonOps.toJsonString(answer), MessageJson.of(answer));
            checked++;
        }
        assertEquals(9, checked);
        assertTrue(MessageJson.of(ActionResponse.builder().replaceOriginal(true).build()).contains("\"replace_original\":true"));
        assertTrue(MessageJson.of(SlashCommandResponse.builder().text("<b>").build()).contains("\\u003cb\\u003e"), "HTML characters escaped as Gson does");
    }

    /** Blocks, elements and fields the renderer does not use today: left to Gson, and nothing is lost. */
    @Test
    void a_message_with_parts_it_does_not_know_is_written_whole_by_gson() {
        com.google.gson.Gson sdk = GsonFactory.createSnakeCase(new SlackConfig());
        List<List<LayoutBlock>> unknown = List.of(
                List.of(HeaderBlock.builder().text(plainText("Header")).build()),
                List.of(section(s -> s.text(markdownText("a")).accessory(button(b -> b.actionId("x").text(plainText("Go")))))),
                List.of(section(s -> s.fields(List.of(markdownText("one"), markdownText("two"))))),
                List.of(actions(a -> a.elements(List.of(button(b -> b.actionId("x").text(plainText("Delete"))
                        .confirm(ConfirmationDialogObject.builder().title(plainText("Sure?")).build())))))),
                List.of(actions(a -> a.elements(List.of(datePicker(d -> d.actionId("when")))))),
                List.of(context(c -> c.elements(List.of(ImageElement.builder().imageUrl("https://example.com/a.png").altText("a").build())))));
        for (List<LayoutBlock> blocks : unknown) {
            ActionResponse card = ActionResponse.builder().replaceOriginal(true).text("t").blocks(blocks).build();
            SlashCommandResponse answer = SlashCommandResponse.builder().responseType("ephemeral").text("t").blocks(blocks).build();
            assertEquals(sdk.toJson(card), MessageJson.of(card));
            assertEquals(sdk.toJson(answer), MessageJson.of(answer));
        }
        ActionResponse withAttachment = ActionResponse.builder().text("t")
                .attachments(List.of(com.slack.api.model.Attachment.builder().text("old style").build())).build();
        assertEquals(sdk.toJson(withAttachment), MessageJson.of(withAttachment));
        assertTrue(MessageJson.of(withAttachment).contains("old style"));
        assertTrue(MessageJson.of(ActionResponse.builder().blocks(unknown.get(3)).build()).contains("Sure?"));
    }
}

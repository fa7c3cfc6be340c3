package io.followup.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
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

/** What ResponseUrl posts is, character for character, what the SDK's own Gson would write for the same message. */
class ResponseUrlJsonTest {

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
            SlashCommandResponse late = SlashCommandResponse.builder().responseType("ephemeral").text(renderer.fallback(r))
                    .blocks(renderer.blocks(r, BlockKitRenderer.MESSAGE_BLOCKS)).build();
            for (Object message : List.of(card, notice, late)) {
                assertEquals(sdk.toJson(message), ResponseUrl.json(message));
                checked++;
            }
        }
        assertEquals(9, checked);
        assertTrue(ResponseUrl.json(ActionResponse.builder().replaceOriginal(true).build()).contains("\"replace_original\":true"));
    }
}

package io.followup.store;

import io.followup.model.Task;
import java.util.Map;
import java.util.Set;

/**
 * What the store held for the notes an ingest re-merges: ids by source line (so a task keeps its id),
 * each of those tasks' status and due date (to tell apart lines of the same text, such as a completed
 * recurring task and its next instance), tasks with a chat change not yet written to the note, meeting
 * ids by note path, every task and meeting id those notes held (new ids avoid them, so a later
 * group's task does not lose its id), and which of those notes are gone (deleted, or moved elsewhere).
 */
public record PreviousState(
        Map<SourceIdentity, String> taskIdBySource,
        Map<String, Seen> taskById,
        Map<String, Task> pendingWriteback,
        Map<String, String> meetingIdByPath,
        Set<String> replacedTaskIds,
        Set<String> replacedMeetingIds,
        Set<String> gonePaths) {

    /** A task's status (its JSON name) and due date (ISO, or null) as the store held them. */
    public record Seen(String status, String due) {
    }

    public PreviousState {
        taskIdBySource = Map.copyOf(taskIdBySource);
        taskById = Map.copyOf(taskById);
        pendingWriteback = Map.copyOf(pendingWriteback);
        meetingIdByPath = Map.copyOf(meetingIdByPath);
        replacedTaskIds = Set.copyOf(replacedTaskIds);
        replacedMeetingIds = Set.copyOf(replacedMeetingIds);
        gonePaths = Set.copyOf(gonePaths);
    }
}

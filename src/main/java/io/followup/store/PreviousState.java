package io.followup.store;

import io.followup.model.Task;
import java.util.Map;
import java.util.Set;

/**
 * What the store held for the notes an ingest re-merges: ids by source line (so a task keeps its id),
 * tasks with a chat change not yet written to the note, meeting ids by note path, and every task and
 * meeting id those notes held (new ids avoid them, so a later group's task does not lose its id).
 */
public record PreviousState(
        Map<SourceIdentity, String> taskIdBySource,
        Map<String, Task> pendingWriteback,
        Map<String, String> meetingIdByPath,
        Set<String> replacedTaskIds,
        Set<String> replacedMeetingIds) {

    public PreviousState {
        taskIdBySource = Map.copyOf(taskIdBySource);
        pendingWriteback = Map.copyOf(pendingWriteback);
        meetingIdByPath = Map.copyOf(meetingIdByPath);
        replacedTaskIds = Set.copyOf(replacedTaskIds);
        replacedMeetingIds = Set.copyOf(replacedMeetingIds);
    }
}

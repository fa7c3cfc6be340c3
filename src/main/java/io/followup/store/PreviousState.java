package io.followup.store;

import io.followup.model.Task;
import java.util.Map;
import java.util.Set;

/**
 * What the store held for the notes an ingest re-merges: ids by source line (so a task keeps its id),
 * tasks with a chat change not yet written to the note, meeting ids by note path, and the ids held
 * by everything else (so new ids do not collide).
 */
public record PreviousState(
        Map<SourceIdentity, String> taskIdBySource,
        Map<String, Task> pendingWriteback,
        Map<String, String> meetingIdByPath,
        Set<String> otherTaskIds,
        Set<String> otherMeetingIds) {

    public PreviousState {
        taskIdBySource = Map.copyOf(taskIdBySource);
        pendingWriteback = Map.copyOf(pendingWriteback);
        meetingIdByPath = Map.copyOf(meetingIdByPath);
        otherTaskIds = Set.copyOf(otherTaskIds);
        otherMeetingIds = Set.copyOf(otherMeetingIds);
    }
}

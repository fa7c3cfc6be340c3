package io.followup.ingest;

import io.followup.store.PreviousState;
import io.followup.store.SourceIdentity;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives merged tasks and meetings their ids. First every group that contains a source line (or note)
 * that already had an id keeps it; then the rest get their hash id, lengthened on a collision.
 */
final class IdAssigner {

    private final PreviousState previous;
    private final Set<String> takenTasks;
    private final Set<String> takenMeetings;

    IdAssigner(PreviousState previous) {
        this.previous = previous;
        this.takenTasks = new HashSet<>(previous.otherTaskIds());
        this.takenMeetings = new HashSet<>(previous.otherMeetingIds());
    }

    /** Ids for the tasks, in the order given (callers pass a deterministic order). */
    Map<MergedTask, String> tasks(List<MergedTask> tasks) {
        Map<MergedTask, String> ids = new IdentityHashMap<>();
        for (MergedTask t : tasks) {
            for (TaskSource s : t.sources()) {
                String old = previous.taskIdBySource().get(identity(s));
                if (old != null && takenTasks.add(old)) {
                    ids.put(t, old);
                    break;
                }
            }
        }
        for (MergedTask t : tasks) {
            if (!ids.containsKey(t)) {
                TaskSource first = t.sources().get(0);
                String id = TaskIds.unique(first.path(), first.normText(), first.occurrence(), takenTasks);
                takenTasks.add(id);
                ids.put(t, id);
            }
        }
        return ids;
    }

    Map<MergedMeeting, String> meetings(List<MergedMeeting> meetings) {
        Map<MergedMeeting, String> ids = new IdentityHashMap<>();
        for (MergedMeeting m : meetings) {
            for (String path : m.paths()) {
                String old = previous.meetingIdByPath().get(path);
                if (old != null && takenMeetings.add(old)) {
                    ids.put(m, old);
                    break;
                }
            }
        }
        for (MergedMeeting m : meetings) {
            if (!ids.containsKey(m)) {
                String id = TaskIds.uniqueMeeting(m.paths().get(0), takenMeetings);
                takenMeetings.add(id);
                ids.put(m, id);
            }
        }
        return ids;
    }

    static SourceIdentity identity(TaskSource s) {
        return new SourceIdentity(s.path(), s.normText(), s.occurrence());
    }
}

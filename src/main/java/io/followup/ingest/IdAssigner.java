package io.followup.ingest;

import io.followup.store.PreviousState;
import io.followup.store.SourceIdentity;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Gives merged tasks and meetings their ids, group by group over one ingest. In each group every task
 * (meeting) that contains a source line (note) that already had an id keeps it; then the rest get their
 * hash id, lengthened on a collision with an id in the store, one given out in this ingest, or one the
 * re-merged notes held before (so a group merged later still finds its old ids free).
 */
final class IdAssigner {

    private final PreviousState previous;
    private final Predicate<String> taskInStore;
    private final Predicate<String> meetingInStore;
    private final Set<String> claimedTasks = new HashSet<>();
    private final Set<String> claimedMeetings = new HashSet<>();

    /**
     * @param taskInStore whether a task id is held by a task the ingest does not replace (or already wrote)
     */
    IdAssigner(PreviousState previous, Predicate<String> taskInStore, Predicate<String> meetingInStore) {
        this.previous = previous;
        this.taskInStore = taskInStore;
        this.meetingInStore = meetingInStore;
    }

    /** Ids for the tasks, in the order given (callers pass a deterministic order). */
    Map<MergedTask, String> tasks(List<MergedTask> tasks) {
        Map<MergedTask, String> ids = new IdentityHashMap<>();
        for (MergedTask t : tasks) {
            for (SourceIdentity s : t.identities()) {
                String old = previous.taskIdBySource().get(s);
                if (old != null && claimedTasks.add(old)) {
                    ids.put(t, old);
                    break;
                }
            }
        }
        Predicate<String> taken = id -> claimedTasks.contains(id) || previous.replacedTaskIds().contains(id) || taskInStore.test(id);
        for (MergedTask t : tasks) {
            if (!ids.containsKey(t)) {
                String id = TaskIds.unique(t.idHash(), taken);
                claimedTasks.add(id);
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
                if (old != null && claimedMeetings.add(old)) {
                    ids.put(m, old);
                    break;
                }
            }
        }
        Predicate<String> taken = id -> claimedMeetings.contains(id) || previous.replacedMeetingIds().contains(id)
                || meetingInStore.test(id);
        for (MergedMeeting m : meetings) {
            if (!ids.containsKey(m)) {
                String id = TaskIds.uniqueMeeting(m.paths().get(0), taken);
                claimedMeetings.add(id);
                ids.put(m, id);
            }
        }
        return ids;
    }

    static SourceIdentity identity(TaskSource s) {
        return new SourceIdentity(s.path(), s.normText(), s.occurrence());
    }
}

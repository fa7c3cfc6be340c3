package io.followup.ingest;

import io.followup.store.PreviousState;
import io.followup.store.SourceIdentity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    /** (path, text, 0) of each text the re-merged notes held more than once. */
    private final Set<SourceIdentity> twiceBefore = new HashSet<>();
    /** Gone note -> ("", text, occurrence) -> id of its lines: a moved note's lines find their ids here. */
    private final Map<String, Map<SourceIdentity, String>> idsOfGoneNote = new HashMap<>();

    /**
     * @param taskInStore whether a task id is held by a task the ingest does not replace (or already wrote)
     */
    IdAssigner(PreviousState previous, Predicate<String> taskInStore, Predicate<String> meetingInStore) {
        this.previous = previous;
        for (Map.Entry<SourceIdentity, String> e : previous.taskIdBySource().entrySet()) {
            SourceIdentity s = e.getKey();
            if (s.occurrence() > 0) {
                twiceBefore.add(new SourceIdentity(s.path(), s.normText(), 0));
            }
            if (previous.gonePaths().contains(s.path())) {
                idsOfGoneNote.computeIfAbsent(s.path(), k -> new HashMap<>())
                        .put(new SourceIdentity("", s.normText(), s.occurrence()), e.getValue());
            }
        }
        this.taskInStore = taskInStore;
        this.meetingInStore = meetingInStore;
    }

    /** Ids for the tasks, in the order given (callers pass a deterministic order). */
    Map<MergedTask, String> tasks(List<MergedTask> tasks) {
        Map<MergedTask, String> ids = new IdentityHashMap<>();
        Map<TaskSource, String> twins = twinIds(tasks);
        for (MergedTask t : tasks) {
            for (int i = 0; i < t.sources().size(); i++) {
                TaskSource s = t.sources().get(i);
                String old = twins.containsKey(s) ? twins.get(s) : previous.taskIdBySource().get(t.identities().get(i));
                if (old != null && claimedTasks.add(old)) {
                    ids.put(t, old);
                    break;
                }
            }
        }
        // a note moved or renamed (gone from its old path, here at a new one): its lines keep their tasks' ids,
        // so their history, pending chat changes and the ids already shown in Slack stay with them
        if (!idsOfGoneNote.isEmpty()) {
            Map<String, Map<SourceIdentity, String>> movedFrom = movedNotes(tasks);
            for (MergedTask t : tasks) {
                if (ids.containsKey(t)) {
                    continue;
                }
                for (TaskSource s : t.sources()) {
                    Map<SourceIdentity, String> gone = movedFrom.get(s.path());
                    String old = gone == null ? null : gone.get(new SourceIdentity("", s.normText(), s.occurrence()));
                    if (old != null && claimedTasks.add(old)) {
                        ids.put(t, old);
                        break;
                    }
                }
            }
        }
        Predicate<String> taken = id -> claimedTasks.contains(id) || previous.replacedTaskIds().contains(id) || taskInStore.test(id);
        for (MergedTask t : tasks) {
            if (!ids.containsKey(t)) {
                String id = eightCharacterId(t, taken);
                claimedTasks.add(id);
                ids.put(t, id);
            }
        }
        return ids;
    }

    /**
     * New note -> the lines of the gone note it is, when it is one: the gone note that holds most of its task lines,
     * at least half of them and more than any other gone note does. A line alone proves nothing ("- [ ] Send the
     * notes" is in many notes): a new note that merely shares it with a deleted one must not take over that task's
     * id, its history and a chat change waiting for it.
     */
    private Map<String, Map<SourceIdentity, String>> movedNotes(List<MergedTask> tasks) {
        Map<String, List<SourceIdentity>> newLines = new HashMap<>();
        for (MergedTask t : tasks) {
            for (TaskSource s : t.sources()) {
                if (!previous.taskIdBySource().containsKey(identity(s))) {
                    newLines.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(new SourceIdentity("", s.normText(), s.occurrence()));
                }
            }
        }
        Map<String, Map<SourceIdentity, String>> out = new HashMap<>();
        newLines.forEach((path, lines) -> {
            String best = null;
            int bestCount = 0;
            boolean tie = false;
            for (Map.Entry<String, Map<SourceIdentity, String>> gone : idsOfGoneNote.entrySet()) {
                int count = (int) lines.stream().filter(gone.getValue()::containsKey).count();
                if (count > bestCount) {
                    best = gone.getKey();
                    bestCount = count;
                    tie = false;
                } else if (count == bestCount && count > 0) {
                    tie = true;
                }
            }
            if (best != null && !tie && 2 * bestCount >= lines.size()) {
                out.put(path, idsOfGoneNote.get(best));
            }
        });
        return out;
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

    /**
     * The line's hash id; when that is taken (a twin line kept it, e.g. the completed task a recurring
     * task's next instance was written above), the id of a later occurrence of the same text, which
     * keeps ids 8 characters long; lengthened only when those are taken too.
     */
    private static String eightCharacterId(MergedTask t, Predicate<String> taken) {
        TaskSource s = t.sources().get(0);
        for (int k = 0; k < 8; k++) {
            // the first line's own hash was worked out on a merge thread (MergedTask.idHash)
            String id = k == 0 ? TaskIds.of(t.idHash()) : TaskIds.of(s.path(), s.normText(), s.occurrence() + k);
            if (!taken.test(id)) {
                return id;
            }
        }
        return TaskIds.unique(t.idHash(), taken);
    }

    /**
     * Old ids for lines that share their note and text with another line, now or before: matched by due
     * date and status first, then by order. Completing a recurring task puts its next instance above it
     * (the Tasks plugin's way, and ours): the first occurrence of the text is then the new open line, and
     * the completed task must keep its id, history and undo rather than hand them to its successor.
     */
    private Map<TaskSource, String> twinIds(List<MergedTask> tasks) {
        // (path, text, 0) of every text written twice in a note, now or before; usually none
        Set<SourceIdentity> twice = new HashSet<>(twiceBefore);
        for (MergedTask t : tasks) {
            for (TaskSource s : t.sources()) {
                if (s.occurrence() > 0) {
                    twice.add(new SourceIdentity(s.path(), s.normText(), 0));
                }
            }
        }
        Map<TaskSource, String> out = new IdentityHashMap<>();
        if (twice.isEmpty()) {
            return out;
        }
        Map<SourceIdentity, List<TaskSource>> byText = new HashMap<>();
        for (MergedTask t : tasks) {
            for (TaskSource s : t.sources()) {
                SourceIdentity text = new SourceIdentity(s.path(), s.normText(), 0);
                if (twice.contains(text)) {
                    byText.computeIfAbsent(text, k -> new ArrayList<>()).add(s);
                }
            }
        }
        for (Map.Entry<SourceIdentity, List<TaskSource>> group : byText.entrySet()) {
            List<TaskSource> lines = group.getValue();
            List<String> oldIds = new ArrayList<>();
            for (int k = 0; ; k++) {
                String id = previous.taskIdBySource().get(new SourceIdentity(group.getKey().path(), group.getKey().normText(), k));
                if (id == null) {
                    break;
                }
                oldIds.add(id);
            }
            lines.sort(Comparator.comparingInt(TaskSource::occurrence));
            lines.forEach(l -> out.put(l, null));
            List<String> unmatched = new ArrayList<>(oldIds);
            for (boolean withStatus : new boolean[] {true, false}) {
                for (java.util.Iterator<String> it = unmatched.iterator(); it.hasNext(); ) {
                    String id = it.next();
                    PreviousState.Seen was = previous.taskById().get(id);
                    TaskSource line = was == null ? null : lines.stream()
                            .filter(l -> out.get(l) == null && sameDue(was, l) && (!withStatus || sameStatus(was, l)))
                            .findFirst().orElse(null);
                    if (line != null) {
                        out.put(line, id);
                        it.remove();
                    }
                }
            }
            java.util.Iterator<String> rest = unmatched.iterator();
            for (TaskSource l : lines) {
                if (out.get(l) == null && rest.hasNext()) {
                    out.put(l, rest.next());
                }
            }
        }
        return out;
    }

    private static boolean sameDue(PreviousState.Seen was, TaskSource line) {
        LocalDate due = line.task().due();
        return java.util.Objects.equals(was.due(), due == null ? null : due.toString());
    }

    private static boolean sameStatus(PreviousState.Seen was, TaskSource line) {
        return line.task().status().jsonName().equals(was.status());
    }

    static SourceIdentity identity(TaskSource s) {
        return new SourceIdentity(s.path(), s.normText(), s.occurrence());
    }
}

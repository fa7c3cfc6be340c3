package io.followup.ingest;

import io.followup.model.Meeting;
import io.followup.model.MeetingRef;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.store.IngestBatch;
import io.followup.store.PreviousState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns a merge result into the rows to write: ids assigned, chat changes not yet written back kept. */
final class BatchBuilder {

    private BatchBuilder() {
    }

    record Rows(List<IngestBatch.TaskWrite> tasks, List<IngestBatch.MeetingWrite> meetings) {
    }

    /**
     * A merge result sorted, with each task's fields and id hash and each meeting's title, participants and
     * notes worked out: everything but the ids, which are handed out in order on the writing thread.
     */
    record Prepared(List<MergedMeeting> meetings, List<String> titles, List<List<String>> participants, List<List<SourceRef>> notes,
                    List<MergedTask> all, List<MergedTask> standalone) {
    }

    /** Called on a merge thread. */
    static Prepared prepare(MeetingMerger.Result merged) {
        List<MergedMeeting> meetings = new ArrayList<>(merged.meetings());
        meetings.sort(Comparator.comparing((MergedMeeting m) -> m.paths().get(0)));
        List<MergedTask> all = new ArrayList<>();
        meetings.forEach(m -> all.addAll(m.tasks()));
        all.addAll(merged.standalone());
        all.sort(Comparator.comparing((MergedTask t) -> t.sources().get(0).path()).thenComparingInt(t -> t.sources().get(0).line()));
        all.forEach(MergedTask::prepare);
        List<String> titles = new ArrayList<>();
        List<List<String>> participants = new ArrayList<>();
        List<List<SourceRef>> notes = new ArrayList<>();
        for (MergedMeeting m : meetings) {
            titles.add(m.title());
            participants.add(m.participants());
            notes.add(m.paths().stream().map(p -> new SourceRef(p, 0)).toList());
        }
        return new Prepared(meetings, titles, participants, notes, all, merged.standalone());
    }

    /** Meetings are written without sections: the store reads them from the meeting's notes. */
    static Rows rows(Prepared p, PreviousState previous, IdAssigner ids) {
        Map<MergedMeeting, String> meetingIds = ids.meetings(p.meetings());
        Map<MergedTask, String> taskIds = ids.tasks(p.all());

        List<IngestBatch.TaskWrite> taskRows = new ArrayList<>();
        List<IngestBatch.MeetingWrite> meetingRows = new ArrayList<>();
        for (int k = 0; k < p.meetings().size(); k++) {
            MergedMeeting m = p.meetings().get(k);
            String id = meetingIds.get(m);
            MeetingRef ref = new MeetingRef(id, p.titles().get(k), m.date());
            List<String> taskIdsOfMeeting = new ArrayList<>();
            for (MergedTask t : m.tasks()) {
                String taskId = taskIds.get(t);
                taskIdsOfMeeting.add(taskId);
                taskRows.add(write(t, taskId, ref, previous));
            }
            Meeting meeting = new Meeting(id, p.titles().get(k), m.date(), p.participants().get(k), p.notes().get(k), taskIdsOfMeeting, Map.of());
            meetingRows.add(new IngestBatch.MeetingWrite(meeting));
        }
        for (MergedTask t : p.standalone()) {
            taskRows.add(write(t, taskIds.get(t), null, previous));
        }
        return new Rows(taskRows, meetingRows);
    }

    private static IngestBatch.TaskWrite write(MergedTask merged, String id, MeetingRef meeting, PreviousState previous) {
        Task task = merged.toTask(id, meeting);
        Task pending = previous.pendingWriteback().get(id);
        if (pending != null) {
            task = keepChatChange(task, pending);
        }
        return new IngestBatch.TaskWrite(task, merged.identities());
    }

    /** A change made in chat that has not reached the note yet wins over what the note says. */
    private static Task keepChatChange(Task fromNotes, Task db) {
        return new Task(fromNotes.id(), fromNotes.description(), db.owner(), db.ownerRaw(), db.ownerKind(), db.status(),
                db.statusSymbol(), db.due(), fromNotes.scheduled(), fromNotes.start(), fromNotes.created(), db.done(), db.cancelled(),
                fromNotes.priority(), fromNotes.recurrence(), fromNotes.tags(), fromNotes.blockId(), fromNotes.meeting(),
                fromNotes.sources(), true);
    }
}

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

    /** Meetings are written without sections: the store reads them from the meeting's notes. */
    static Rows rows(MeetingMerger.Result merged, PreviousState previous, IdAssigner ids) {
        List<MergedMeeting> meetings = new ArrayList<>(merged.meetings());
        meetings.sort(Comparator.comparing((MergedMeeting m) -> m.paths().get(0)));
        Map<MergedMeeting, String> meetingIds = ids.meetings(meetings);

        List<MergedTask> all = new ArrayList<>();
        meetings.forEach(m -> all.addAll(m.tasks()));
        all.addAll(merged.standalone());
        all.sort(Comparator.comparing((MergedTask t) -> t.sources().get(0).path()).thenComparingInt(t -> t.sources().get(0).line()));
        Map<MergedTask, String> taskIds = ids.tasks(all);

        List<IngestBatch.TaskWrite> taskRows = new ArrayList<>();
        List<IngestBatch.MeetingWrite> meetingRows = new ArrayList<>();
        for (MergedMeeting m : meetings) {
            String id = meetingIds.get(m);
            MeetingRef ref = new MeetingRef(id, m.title(), m.date());
            List<String> taskIdsOfMeeting = new ArrayList<>();
            for (MergedTask t : m.tasks()) {
                String taskId = taskIds.get(t);
                taskIdsOfMeeting.add(taskId);
                taskRows.add(write(t, taskId, ref, previous));
            }
            Meeting meeting = new Meeting(id, m.title(), m.date(), m.participants(),
                    m.paths().stream().map(p -> new SourceRef(p, 0)).toList(), taskIdsOfMeeting, Map.of());
            meetingRows.add(new IngestBatch.MeetingWrite(meeting));
        }
        for (MergedTask t : merged.standalone()) {
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
        return new IngestBatch.TaskWrite(task, merged.sources().stream().map(IdAssigner::identity).toList());
    }

    /** A change made in chat that has not reached the note yet wins over what the note says. */
    private static Task keepChatChange(Task fromNotes, Task db) {
        return new Task(fromNotes.id(), fromNotes.description(), db.owner(), db.ownerRaw(), db.ownerKind(), db.status(),
                db.statusSymbol(), db.due(), fromNotes.scheduled(), fromNotes.start(), fromNotes.created(), db.done(), db.cancelled(),
                fromNotes.priority(), fromNotes.recurrence(), fromNotes.tags(), fromNotes.blockId(), fromNotes.meeting(),
                fromNotes.sources(), true);
    }
}

package io.followup.store;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.vault.ParsedNote;
import java.util.List;
import java.util.Set;

/**
 * Everything one ingest changes, written in one transaction: notes parsed again, notes whose file
 * only got a new timestamp, notes deleted, and the tasks and meetings that replace every task and
 * meeting sourced from {@code replacedPaths}.
 */
public record IngestBatch(
        List<NoteWrite> notes,
        List<NoteFingerprint> touched,
        List<String> deleted,
        Set<String> replacedPaths,
        List<TaskWrite> tasks,
        List<MeetingWrite> meetings) {

    public IngestBatch {
        notes = List.copyOf(notes);
        touched = List.copyOf(touched);
        deleted = List.copyOf(deleted);
        replacedPaths = Set.copyOf(replacedPaths);
        tasks = List.copyOf(tasks);
        meetings = List.copyOf(meetings);
    }

    /** A parsed note and the fingerprint of the bytes it came from. */
    public record NoteWrite(ParsedNote note, long size, long mtimeMs, String hash) {
    }

    /** A merged task; {@code identities} line up with {@code task.sources()}. */
    public record TaskWrite(Task task, List<SourceIdentity> identities) {
        public TaskWrite {
            identities = List.copyOf(identities);
            if (identities.size() != task.sources().size()) {
                throw new IllegalArgumentException("one identity per source line");
            }
        }
    }

    /** A meeting and the text full-text search finds it by. */
    public record MeetingWrite(Meeting meeting, String searchBody) {
    }
}

package io.followup.store;

import io.followup.model.Meeting;
import io.followup.model.Task;
import io.followup.vault.ParsedNote;
import java.util.List;

/** The rows an ingest writes: parsed notes, merged tasks and meetings. */
public final class IngestBatch {

    private IngestBatch() {
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

    /**
     * A meeting. Its sections are not written ({@code meeting.sections()} is ignored): they are its
     * notes' sections, merged when the meeting is read.
     */
    public record MeetingWrite(Meeting meeting) {
    }
}

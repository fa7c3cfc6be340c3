package io.followup.vault.writeback;

import io.followup.model.SourceRef;
import io.followup.store.WritebackStore;
import io.followup.store.WritebackStore.Pending;
import io.followup.store.WritebackStore.State;
import io.followup.tasks.WriteResult;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Retries chat changes that have not reached their note, after each ingest. A change the note itself
 * made meanwhile to the same field wins (the pending one is dropped and the history says so); a change
 * that still cannot be written is put back on the task row, because the ingest re-derived the row from
 * the note.
 */
public final class PendingWrites {

    private final WritebackStore store;
    private final WriteBack writeBack;
    private final Clock clock;

    public PendingWrites(WritebackStore store, WriteBack writeBack, Clock clock) {
        this.store = store;
        this.writeBack = writeBack;
        this.clock = clock;
    }

    /** Tries every pending change once; returns how many reached their notes. */
    public int retry() {
        int written = 0;
        for (Pending p : store.pending()) {
            Optional<State> current = store.state(p.taskId());
            if (current.isEmpty()) {
                store.clearPending(p.taskId());
                continue;
            }
            if (noteChangedItself(p, current.get())) {
                store.clearPending(p.taskId());
                store.recordNoteEdit(p.taskId(), clock.instant(), "note-edit",
                        "the note was changed while a chat change waited to be written; the note wins");
                continue;
            }
            List<SourceRef> sources = store.sources(p.taskId());
            String description = store.description(p.taskId()).orElse("");
            WriteResult r = writeBack.write(p.taskId(), description, sources, p.base(), p.target());
            // the note may not say it yet (ingest re-derived the row from it), or will only after the next ingest
            store.reassert(p.taskId(), p.target());
            if (r.outcome() == WriteResult.Outcome.WRITTEN) {
                store.clearPending(p.taskId());
                written++;
            } else {
                store.countAttempt(p.taskId(), r.message());
            }
        }
        return written;
    }

    /** A field the chat change set now holds a third value: someone edited the note. */
    static boolean noteChangedItself(Pending p, State now) {
        return conflict(p, now, State::status) || conflict(p, now, State::due) || conflict(p, now, State::scheduled)
                || conflict(p, now, State::start) || conflict(p, now, State::owner);
    }

    private static boolean conflict(Pending p, State now, Function<State, Object> field) {
        Object base = field.apply(p.base());
        Object target = field.apply(p.target());
        Object current = field.apply(now);
        return !Objects.equals(base, target) && !Objects.equals(current, base) && !Objects.equals(current, target);
    }
}

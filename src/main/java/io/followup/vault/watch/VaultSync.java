package io.followup.vault.watch;

import io.followup.store.WritebackStore;
import io.followup.store.WritebackStore.State;
import io.followup.vault.writeback.PendingWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One sync cycle after the vault changed: ingest, record what the notes changed on their own (someone
 * ticked a box in Obsidian) as 'vault' history, then retry chat changes still waiting for their note.
 * Our own write-backs make the note say what the store already says, so they leave no history here.
 */
public final class VaultSync {

    /** Runs the ingest: the changed paths relative to the vault, or null for a full rescan. */
    @FunctionalInterface
    public interface IngestRun {
        void ingest(Collection<String> changedRelPaths);
    }

    /**
     * About how many notes one ingest of a sync merges again: a sync of many changed notes ingests them a date or a few
     * at a time, each in a transaction of its own under the write-back's lock, so a click waits for one batch, not all.
     * Each ingest holds the database's writer and that lock while it runs, and reads every note of each date it touches
     * (~30 a date in the benchmark's vault) to find the meetings that changed. One sync of the 22 notes that a burst of
     * clicks on recurring tasks had changed, in one transaction, once stopped every click's write-back for 2-10 s (it
     * merged ~6,500 tasks then: whole dates were merged again before only changed meetings were).
     */
    static final int NOTES_PER_INGEST = 32;

    private final IngestRun ingest;
    private final Supplier<Collection<String>> pendingChanges;
    private final Function<Collection<String>, Collection<String>> changedOf;
    private final WritebackStore store;
    private final PendingWrites pending;
    private final Lock lock;
    private final Clock clock;
    private final int notesPerIngest;

    /**
     * {@code pendingChanges} says which notes a full ingest would read now (new, changed or deleted, relative to the
     * vault): a full sync then compares only the tasks those notes touch. {@code changedOf} says which of some notes
     * differ from what the store read (the watcher reports our own write-backs too, which the store already took).
     * {@code lock} is the write-back's, so an ingest never reads a note between our read and our rename.
     */
    public VaultSync(IngestRun ingest, Supplier<Collection<String>> pendingChanges,
                     Function<Collection<String>, Collection<String>> changedOf, WritebackStore store, PendingWrites pending,
                     Lock lock, Clock clock) {
        this(ingest, pendingChanges, changedOf, store, pending, lock, clock, NOTES_PER_INGEST);
    }

    /** {@code notesPerIngest}: see {@link #NOTES_PER_INGEST}. */
    VaultSync(IngestRun ingest, Supplier<Collection<String>> pendingChanges, Function<Collection<String>, Collection<String>> changedOf,
              WritebackStore store, PendingWrites pending, Lock lock, Clock clock, int notesPerIngest) {
        this.ingest = ingest;
        this.pendingChanges = pendingChanges;
        this.changedOf = changedOf;
        this.store = store;
        this.pending = pending;
        this.lock = lock;
        this.clock = clock;
        this.notesPerIngest = notesPerIngest;
    }

    /**
     * Ingests {@code changedRelPaths} (null: everything; a rescan that finds no note changed ingests nothing) and
     * follows up; returns the note edits recorded.
     */
    public int sync(Collection<String> changedRelPaths) {
        // Most events are the write-back's own writes, which the store has already taken, and most rescans find nothing:
        // that is found out here without the lock, which would stop every click's write-back meanwhile.
        Collection<String> planned = changedRelPaths == null ? pendingChanges.get() : changedOf.apply(changedRelPaths);
        if (planned.isEmpty() && !store.anyPending()) {
            return 0;
        }
        int edits = 0;
        for (List<String> batch : store.batchesByDate(planned, notesPerIngest)) {
            edits += underLock(() -> ingestAndCompare(batch));
        }
        underLock(pending::retry);
        return edits;
    }

    /**
     * A full sync that ingests everything in one go, even when no note changed (serve's first one, whose report it
     * prints); only the tasks of the notes that changed are compared, not every task of the vault (two copies of all
     * of them cost a large vault's serve a hundred MB).
     */
    public int syncAll() {
        int edits = underLock(() -> ingestAndCompare(null, store.statesAround(pendingChanges.get())));
        underLock(pending::retry);
        return edits;
    }

    private <T> T underLock(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One batch of notes (of one or a few dates), under the lock: what of it still differs from the store now (a rescan
     * ingests just the notes it planned: one saved after the planning is left for the next sync, which compares its tasks
     * too), ingested, and compared.
     */
    private int ingestAndCompare(Collection<String> changedRelPaths) {
        Collection<String> changed = changedOf.apply(changedRelPaths);
        if (changed.isEmpty()) {
            return 0; // e.g. notes our write-back rewrote and the store already took
        }
        // only the tasks of the changed notes (and of their dates' other notes) can change in a partial ingest
        return ingestAndCompare(changed, store.statesAround(changed));
    }

    /** Ingests, then records as 'vault' history how the tasks in {@code before} changed; returns how many did. */
    private int ingestAndCompare(Collection<String> changedRelPaths, Map<String, State> before) {
        ingest.ingest(changedRelPaths);
        if (before.isEmpty()) {
            return 0;
        }
        Map<String, State> after = store.states(before.keySet());
        Set<String> recurring = store.recurring(after.keySet());
        int edits = 0;
        for (Map.Entry<String, State> e : after.entrySet()) {
            State was = before.get(e.getKey());
            if (was != null && !nextInstanceTookOver(was, e.getValue(), recurring.contains(e.getKey()))) {
                String detail = describe(was, e.getValue());
                if (!detail.isEmpty()) {
                    store.recordNoteEdit(e.getKey(), clock.instant(), "note-edit", detail);
                    edits++;
                }
            }
        }
        return edits;
    }

    /**
     * Completing a recurring task puts its next instance above it (as the Tasks plugin does). The ingest
     * keeps the id on the completed line when it can tell the twins apart by due date; when it cannot (the
     * note's dates were edited too) the id goes to the first line, the next, open occurrence. That is the
     * recurrence going on, not someone reopening the task in the note.
     */
    static boolean nextInstanceTookOver(State was, State now, boolean recurring) {
        return recurring && was.status().isClosed() && !now.status().isClosed() && was.due() != null
                && now.due() != null && now.due().isAfter(was.due());
    }

    /** "complete; due 2025-10-31 -> 2025-11-05" — empty when nothing a user acts on changed. */
    static String describe(State was, State now) {
        List<String> parts = new ArrayList<>();
        if (was.status() != now.status()) {
            parts.add(switch (now.status()) {
                case DONE -> "complete";
                case CANCELLED -> "cancel";
                case IN_PROGRESS -> "start";
                case PROPOSED -> "propose";
                case OPEN -> was.status().isClosed() ? "reopen" : "accept";
            } + " (" + was.status().jsonName() + " -> " + now.status().jsonName() + ")");
        }
        field(parts, "due", was.due(), now.due());
        field(parts, "scheduled", was.scheduled(), now.scheduled());
        field(parts, "start", was.start(), now.start());
        field(parts, "owner", was.owner(), now.owner());
        return String.join("; ", parts);
    }

    private static void field(List<String> parts, String name, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            parts.add(name + " " + (was == null ? "none" : was) + " -> " + (now == null ? "none" : now));
        }
    }
}

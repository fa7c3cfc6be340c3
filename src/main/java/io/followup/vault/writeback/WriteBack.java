package io.followup.vault.writeback;

import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.store.NoteStore;
import io.followup.store.WritebackStore;
import io.followup.store.WritebackStore.NoteLine;
import io.followup.store.WritebackStore.State;
import io.followup.tasks.TaskWriter;
import io.followup.tasks.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a change made in chat into every Markdown line the task comes from, so the note says what
 * Followup says. A line is edited only where we can be sure it is the task's (see {@link LineLocator});
 * otherwise, or when the note is read-only, missing, or write-back is off, the change stays in the
 * store, the task is flagged pending, and {@link PendingWrites} tries again after the next ingest.
 */
public final class WriteBack implements TaskWriter {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBack.class);
    static final String OFF = "Saved in Followup only: writing back to the notes is off (FOLLOWUP_WRITEBACK=off).";

    /** Locks per note file (by hash of its path), so changes to different notes are written, and fsynced, at once. */
    private static final int STRIPES = 64;

    private final Path vault;
    private final boolean enabled;
    private final WritebackStore store;
    private final Clock clock;
    private final AtomicFiles files;
    private final OwnWrites ownWrites;
    /** Shared by write-backs, exclusive for the sync cycle: an ingest never reads a note between our read and our rename. */
    private final ReentrantReadWriteLock syncLock = new ReentrantReadWriteLock(true);
    private final ReentrantLock[] fileLocks = new ReentrantLock[STRIPES];

    public WriteBack(Path vault, boolean enabled, WritebackStore store, Clock clock) {
        this(vault, enabled, store, clock, new AtomicFiles(), OwnWrites.NONE);
    }

    /** {@code ownWrites} takes each note written into the store, so the watcher need not ingest our own writes. */
    public WriteBack(Path vault, boolean enabled, WritebackStore store, Clock clock, OwnWrites ownWrites) {
        this(vault, enabled, store, clock, new AtomicFiles(), ownWrites);
    }

    WriteBack(Path vault, boolean enabled, WritebackStore store, Clock clock, AtomicFiles files) {
        this(vault, enabled, store, clock, files, OwnWrites.NONE);
    }

    WriteBack(Path vault, boolean enabled, WritebackStore store, Clock clock, AtomicFiles files, OwnWrites ownWrites) {
        this.vault = vault.toAbsolutePath().normalize();
        this.enabled = enabled;
        this.store = store;
        this.clock = clock;
        this.files = files;
        this.ownWrites = ownWrites;
        for (int i = 0; i < STRIPES; i++) {
            fileLocks[i] = new ReentrantLock();
        }
    }

    /** The sync cycle holds this while it ingests: no note is being edited meanwhile, so an ingest never reads half a change. */
    public Lock lock() {
        return syncLock.writeLock();
    }

    @Override
    public WriteResult apply(Task before, Task after) {
        return write(before.id(), before.description(), before.sources(), State.of(before), State.of(after));
    }

    WriteResult write(String taskId, String description, List<SourceRef> sources, State base, State target) {
        Map<String, List<Integer>> byFile = sources.stream().collect(Collectors.groupingBy(
                SourceRef::path, TreeMap::new, Collectors.mapping(SourceRef::line, Collectors.toList())));
        List<ReentrantLock> held = lockFiles(byFile.keySet());
        try {
            if (!enabled) {
                store.markPending(taskId, base, target, "write-back is off", clock.instant());
                return WriteResult.disabled(OFF);
            }
            String problem = byFile.isEmpty() ? "the task has no source line" : null;
            List<Written> written = new ArrayList<>();
            Set<String> noNextInstance = new java.util.TreeSet<>();
            for (Map.Entry<String, List<Integer>> file : byFile.entrySet()) {
                Optional<String> p = writeFile(file.getKey(), file.getValue(), description, base, target, written, noNextInstance);
                if (p.isPresent()) {
                    problem = p.get();
                }
            }
            if (problem == null) {
                store.clearPending(taskId, written.stream().flatMap(w -> rewrite(w).stream()).toList());
                return WriteResult.written(noNextInstance.isEmpty() ? null : "No next instance was added: Followup cannot work out the"
                        + " next date of " + noNextInstance.stream().map(r -> "\u201c" + r + "\u201d").collect(Collectors.joining(", "))
                        + ". Add the next one to the note yourself.");
            }
            store.markPending(taskId, base, target, problem, clock.instant());
            return new WriteResult(WriteResult.Outcome.PENDING,
                    "Changed in chat, not yet in the note (" + problem + "); Followup will retry.", problem);
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
            syncLock.readLock().unlock();
        }
    }

    /** A note this write-back replaced: its bytes before and after, and whether lines changed in place only (none added). */
    private record Written(String relPath, byte[] before, byte[] after, long mtimeMs, boolean inPlace) {
    }

    /** What the store should take for a note this write-back replaced; empty leaves it to the watcher's ingest. */
    private Optional<NoteStore.Rewrite> rewrite(Written w) {
        if (!w.inPlace()) {
            return Optional.empty(); // a recurring task's next instance was added: the watcher's ingest merges it
        }
        try {
            return ownWrites.rewrite(w.relPath(), w.before(), w.after(), w.mtimeMs());
        } catch (RuntimeException e) {
            LOG.warn("The store could not take the new content of {} ({}); the vault watcher will read it again", w.relPath(), e.toString());
            return Optional.empty();
        }
    }

    /** Takes the sync lock (shared), then each file's lock in one global order, so two write-backs never wait for each other. */
    private List<ReentrantLock> lockFiles(java.util.Collection<String> relPaths) {
        syncLock.readLock().lock();
        java.util.SortedSet<Integer> stripes = new java.util.TreeSet<>();
        relPaths.forEach(p -> stripes.add(Math.floorMod(p.hashCode(), STRIPES)));
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        for (int s : stripes) {
            fileLocks[s].lock();
            held.add(fileLocks[s]);
        }
        return held;
    }

    /** Edits the task's lines in one file; empty when done, else why not. */
    private Optional<String> writeFile(String relPath, List<Integer> lines, String description, State base, State target,
                                       List<Written> written, Set<String> noNextInstance) {
        Path file = vault.resolve(relPath).normalize();
        if (!file.startsWith(vault)) {
            return Optional.of(relPath + " is outside the vault");
        }
        // a note saved in Obsidian between our read and our rename: read again and redo the edit
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (!Files.isRegularFile(file)) {
                    return Optional.of(relPath + " is missing");
                }
                if (AtomicFiles.isReadOnly(file)) {
                    return Optional.of(relPath + " is read-only");
                }
                byte[] bytes = Files.readAllBytes(file);
                NoteLines note = NoteLines.of(bytes);
                int linesBefore = note.size();
                if (!edit(note, relPath, lines, description, base, target, noNextInstance)) {
                    return Optional.of(relPath + " changed and the task line is not certain");
                }
                byte[] out = note.bytes();
                if (Arrays.equals(out, bytes)) {
                    return Optional.empty();
                }
                AtomicFiles.Replacement r = files.replaceFile(file, bytes, out);
                switch (r.result()) {
                    case WRITTEN:
                        written.add(new Written(relPath, bytes, out, r.mtimeMs(), note.size() == linesBefore));
                        return Optional.empty();
                    case READ_ONLY:
                        return Optional.of(relPath + " is read-only");
                    case MISSING:
                        return Optional.of(relPath + " is missing");
                    default:
                        break;
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Cannot write back to {}: {}", file, e.getMessage());
                return Optional.of("cannot write " + relPath + ": " + e.getMessage());
            }
        }
        return Optional.of(relPath + " keeps changing");
    }

    /**
     * Applies the change to each of the task's lines in this note, bottom up so inserted lines shift nothing; the
     * recurrence rules no next date could be worked out for go to {@code noNextInstance}.
     */
    private boolean edit(NoteLines note, String relPath, List<Integer> lines, String description, State base, State target,
                         Set<String> noNextInstance) {
        LocalDate today = LocalDate.now(clock);
        Set<Integer> used = new HashSet<>();
        for (int expected : lines.stream().sorted(Comparator.reverseOrder()).toList()) {
            NoteLine stored = store.noteLine(relPath, expected).orElse(null);
            int n = LineLocator.locate(note, expected, stored, description);
            if (n < 0 || !used.add(n)) {
                return false;
            }
            Optional<TaskLine> parsed = TaskLine.parse(RawText.of(note.content(n)));
            if (parsed.isEmpty()) {
                return false;
            }
            TaskLine line = parsed.get();
            note.replace(n, RawText.bytes(TaskLineEditor.apply(line, ChangePlan.forLine(base, target, line, today))));
            if (ChangePlan.makesNextInstance(base, target, line)) {
                LocalDate doneOn = target.done() == null ? today : target.done();
                Optional<String> next = Recurrence.nextInstance(line, doneOn);
                if (next.isPresent()) {
                    note.insertAbove(n, RawText.bytes(next.get()));
                } else {
                    line.recurrence().ifPresent(noNextInstance::add);
                }
            }
        }
        return true;
    }
}

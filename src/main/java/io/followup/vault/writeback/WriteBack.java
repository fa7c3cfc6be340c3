package io.followup.vault.writeback;

import io.followup.model.SourceRef;
import io.followup.model.Task;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
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

    private final Path vault;
    private final boolean enabled;
    private final WritebackStore store;
    private final Clock clock;
    private final AtomicFiles files;
    private final ReentrantLock lock = new ReentrantLock();

    public WriteBack(Path vault, boolean enabled, WritebackStore store, Clock clock) {
        this(vault, enabled, store, clock, new AtomicFiles());
    }

    WriteBack(Path vault, boolean enabled, WritebackStore store, Clock clock, AtomicFiles files) {
        this.vault = vault.toAbsolutePath().normalize();
        this.enabled = enabled;
        this.store = store;
        this.clock = clock;
        this.files = files;
    }

    /** Held while a note is edited; the sync cycle holds it too, so an ingest never reads half a change. */
    public ReentrantLock lock() {
        return lock;
    }

    @Override
    public WriteResult apply(Task before, Task after) {
        return write(before.id(), before.description(), before.sources(), State.of(before), State.of(after));
    }

    WriteResult write(String taskId, String description, List<SourceRef> sources, State base, State target) {
        lock.lock();
        try {
            if (!enabled) {
                store.markPending(taskId, base, target, "write-back is off", clock.instant());
                return WriteResult.disabled(OFF);
            }
            Map<String, List<Integer>> byFile = sources.stream().collect(Collectors.groupingBy(
                    SourceRef::path, TreeMap::new, Collectors.mapping(SourceRef::line, Collectors.toList())));
            String problem = byFile.isEmpty() ? "the task has no source line" : null;
            for (Map.Entry<String, List<Integer>> file : byFile.entrySet()) {
                Optional<String> p = writeFile(file.getKey(), file.getValue(), description, base, target);
                if (p.isPresent()) {
                    problem = p.get();
                }
            }
            if (problem == null) {
                store.clearPending(taskId);
                return new WriteResult(WriteResult.Outcome.WRITTEN, "");
            }
            store.markPending(taskId, base, target, problem, clock.instant());
            return new WriteResult(WriteResult.Outcome.PENDING,
                    "Changed in chat, not yet in the note (" + problem + "); Followup will retry.", problem);
        } finally {
            lock.unlock();
        }
    }

    /** Edits the task's lines in one file; empty when done, else why not. */
    private Optional<String> writeFile(String relPath, List<Integer> lines, String description, State base, State target) {
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
                if (!edit(note, relPath, lines, description, base, target)) {
                    return Optional.of(relPath + " changed and the task line is not certain");
                }
                byte[] out = note.bytes();
                if (Arrays.equals(out, bytes)) {
                    return Optional.empty();
                }
                switch (files.replace(file, bytes, out)) {
                    case WRITTEN:
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

    /** Applies the change to each of the task's lines in this note, bottom up so inserted lines shift nothing. */
    private boolean edit(NoteLines note, String relPath, List<Integer> lines, String description, State base, State target) {
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
                Recurrence.nextInstance(line, doneOn).ifPresent(next -> note.insertAbove(n, RawText.bytes(next)));
            }
        }
        return true;
    }
}

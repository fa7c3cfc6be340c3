package io.followup.ingest;

import io.followup.people.People;
import io.followup.people.PersonResolver;
import io.followup.people.Resolved;
import io.followup.store.Database;
import io.followup.store.IngestBatch;
import io.followup.store.IngestStore;
import io.followup.store.MeetingStore;
import io.followup.store.NoteFingerprint;
import io.followup.store.NoteStore;
import io.followup.store.PreviousState;
import io.followup.store.TaskStore;
import io.followup.vault.NoteParser;
import io.followup.vault.ParsedNote;
import io.followup.vault.VaultException;
import io.followup.vault.VaultScanner;
import io.followup.vault.Warning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the vault into the store, incrementally: unchanged files (same size and timestamp, or same
 * bytes) are not parsed again, and only the dates whose notes changed are merged again. Each ingest is
 * one transaction.
 */
public final class Ingester {

    private final Path vault;
    private final NoteStore notes;
    private final IngestStore store;
    private final TaskStore tasks;
    private final MeetingStore meetings;
    private final ChangedFiles reader;
    private final Function<Collection<String>, OwnerResolver> owners;
    private final Clock clock;

    /** The production ingester: the vault's NoteParser, owners resolved against the people file and the vault's participants. */
    public Ingester(Path vault, Database db, People people, Clock clock) {
        this(vault, db, new NoteParser()::parse, names -> personResolver(people, names), clock, new IngestStore(db));
    }

    /**
     * @param owners builds the owner resolver from every name the vault knows (all notes' participants)
     */
    public Ingester(Path vault, Database db, NoteReader reader, Function<Collection<String>, OwnerResolver> owners,
                    Clock clock, IngestStore store) {
        this.vault = vault;
        this.notes = new NoteStore(db);
        this.store = store;
        this.tasks = new TaskStore(db);
        this.meetings = new MeetingStore(db);
        this.reader = new ChangedFiles(reader);
        this.owners = owners;
        this.clock = clock;
    }

    private static OwnerResolver personResolver(People people, Collection<String> names) {
        PersonResolver resolver = new PersonResolver(people, names);
        return (raw, participants) -> {
            Resolved r = resolver.resolve(raw, participants);
            return r == null ? OwnerResolver.Owner.NONE : new OwnerResolver.Owner(r.name(), r.kind());
        };
    }

    /** Why the vault cannot be read, or empty when it can. */
    public static Optional<String> vaultProblem(Path vault) {
        if (vault == null) {
            return Optional.of("No vault configured: set FOLLOWUP_VAULT to your notes folder.");
        }
        if (!Files.exists(vault)) {
            return Optional.of("The vault folder " + vault + " does not exist: set FOLLOWUP_VAULT to your notes folder.");
        }
        if (!Files.isDirectory(vault)) {
            return Optional.of("The vault " + vault + " is not a folder: set FOLLOWUP_VAULT to your notes folder.");
        }
        if (!Files.isReadable(vault) || !Files.isExecutable(vault)) {
            return Optional.of("The vault folder " + vault + " cannot be read: check its permissions.");
        }
        return Optional.empty();
    }

    public IngestReport ingest() {
        return ingest(IngestProgress.NONE);
    }

    /** Reads the whole vault: new and changed files parsed, files no longer there removed. */
    public IngestReport ingest(IngestProgress progress) {
        return ingest(progress, false);
    }

    /**
     * Reads the whole vault; with {@code remergeAll} every note is merged again (not parsed again), so
     * owners are resolved afresh after the people file changed.
     */
    public synchronized IngestReport ingest(IngestProgress progress, boolean remergeAll) {
        long start = clock.millis();
        checkVault();
        List<Warning> scanWarnings = new ArrayList<>();
        List<VaultFiles.File> files;
        try {
            files = new VaultScanner().scan(vault, scanWarnings::add).stream()
                    .map(f -> new VaultFiles.File(f.relPath(), f.file(), f.size(), f.mtimeMs())).toList();
        } catch (VaultException e) {
            throw new IngestException("The vault " + vault + " cannot be read: " + e.getMessage());
        }
        Map<String, NoteFingerprint> known = notes.fingerprints();
        Set<String> present = new HashSet<>();
        files.forEach(f -> present.add(f.relPath()));
        List<String> deleted = known.keySet().stream().filter(p -> !present.contains(p)).sorted().toList();
        return run(files, deleted, known, scanWarnings, progress, start, remergeAll);
    }

    /** Reads only the given paths (relative to the vault): for a watcher that knows what changed. */
    public synchronized IngestReport ingestPaths(Collection<String> changedRelPaths) {
        long start = clock.millis();
        checkVault();
        Map<String, NoteFingerprint> known = notes.fingerprints();
        List<VaultFiles.File> files = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String rel : new LinkedHashSet<>(changedRelPaths)) {
            VaultFiles.File f = VaultFiles.one(vault, rel);
            if (f != null) {
                files.add(f);
            } else if (known.containsKey(rel)) {
                deleted.add(rel);
            }
        }
        return run(files, deleted, known, List.of(), IngestProgress.NONE, start, false);
    }

    private void checkVault() {
        vaultProblem(vault).ifPresent(problem -> {
            throw new IngestException(problem);
        });
    }

    private IngestReport run(List<VaultFiles.File> files, List<String> deleted, Map<String, NoteFingerprint> known,
                             List<Warning> scanWarnings, IngestProgress progress, long start, boolean remergeAll) {
        List<VaultFiles.File> toRead = files.stream().filter(f -> changed(f, known.get(f.relPath()))).toList();
        List<IngestBatch.NoteWrite> parsed = new ArrayList<>();
        List<NoteFingerprint> touched = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>(scanWarnings);
        for (ChangedFiles.Outcome o : reader.read(toRead, known, progress)) {
            if (o instanceof ChangedFiles.Parsed p) {
                parsed.add(p.write());
                warnings.addAll(p.write().note().warnings());
            } else if (o instanceof ChangedFiles.Touched t) {
                touched.add(t.fingerprint());
            } else if (o instanceof ChangedFiles.Failed f) {
                warnings.add(f.warning());
            }
        }
        if (!parsed.isEmpty() || !deleted.isEmpty() || remergeAll) {
            remerge(parsed, touched, deleted, known, remergeAll);
        } else if (!touched.isEmpty()) {
            store.commit(new IngestBatch(List.of(), touched, List.of(), Set.of(), List.of(), List.of()));
        }
        return new IngestReport(notes.count(), parsed.size(), files.size() - parsed.size(), deleted.size(), meetings.count(), tasks.count(),
                warnings, Duration.ofMillis(Math.max(0, clock.millis() - start)));
    }

    private static boolean changed(VaultFiles.File f, NoteFingerprint before) {
        return before == null || before.size() != f.size() || before.mtimeMs() != f.mtimeMs();
    }

    /** Merges again every date (and every undated note) that a parsed or deleted note belongs or belonged to. */
    private void remerge(List<IngestBatch.NoteWrite> parsed, List<NoteFingerprint> touched, List<String> deleted,
                         Map<String, NoteFingerprint> known, boolean all) {
        Set<LocalDate> dates = new HashSet<>();
        Set<String> undated = new HashSet<>();
        if (all) {
            known.values().forEach(f -> addUnit(f.path(), f.date(), dates, undated));
        }
        Map<String, ParsedNote> fresh = new HashMap<>();
        for (IngestBatch.NoteWrite w : parsed) {
            fresh.put(w.note().path(), w.note());
            addUnit(w.note().path(), w.note().date(), dates, undated);
            NoteFingerprint before = known.get(w.note().path());
            if (before != null) {
                addUnit(before.path(), before.date(), dates, undated);
            }
        }
        for (String path : deleted) {
            addUnit(path, known.get(path).date(), dates, undated);
        }
        Set<String> gone = new HashSet<>(deleted);
        List<ParsedNote> unit = new ArrayList<>();
        for (ParsedNote n : notes.load(dates, undated)) {
            if (!fresh.containsKey(n.path()) && !gone.contains(n.path())) {
                unit.add(n);
            }
        }
        unit.addAll(fresh.values());
        Set<String> replaced = new HashSet<>(deleted);
        unit.forEach(n -> replaced.add(n.path()));

        Set<String> names = new LinkedHashSet<>(notes.allParticipants());
        fresh.values().forEach(n -> names.addAll(n.participants()));
        MeetingMerger.Result merged = new MeetingMerger(owners.apply(names)).merge(unit);
        PreviousState previous = store.previous(replaced);
        BatchBuilder.Rows rows = BatchBuilder.rows(merged, previous);
        store.commit(new IngestBatch(parsed, touched, deleted, replaced, rows.tasks(), rows.meetings()));
    }

    private static void addUnit(String path, LocalDate date, Set<LocalDate> dates, Set<String> undated) {
        if (date != null) {
            dates.add(date);
        } else {
            undated.add(path);
        }
    }
}

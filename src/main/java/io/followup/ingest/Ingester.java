package io.followup.ingest;

import io.followup.people.People;
import io.followup.people.PersonResolver;
import io.followup.people.Resolved;
import io.followup.store.Database;
import io.followup.store.IdSet;
import io.followup.store.IngestStore;
import io.followup.store.IngestTiming;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the vault into the store, incrementally: unchanged files (same size and timestamp, or same
 * bytes) are not parsed again, and only the dates whose notes changed are merged again (in a long-lived ingester,
 * such as the vault watcher's, only those dates' meetings that changed: {@link #changedMeetings}). Each ingest is
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
    /** Each stored note's participants (the names owners resolve against), kept between ingests; null = read them. */
    private Map<String, List<String>> participants;
    /** The owner resolver over those participants' names; null = build it. */
    private OwnerResolver ownerResolver;

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
        List<Warning> scanWarnings = new ArrayList<>();
        Plan plan = planAll(scanWarnings::add);
        return run(plan.files(), plan.deleted(), plan.known(), scanWarnings, progress, start, remergeAll);
    }

    /** What an ingest works from: the files there now, the stored notes no longer there, and the stored fingerprints. */
    private record Plan(List<VaultFiles.File> files, List<String> deleted, Map<String, NoteFingerprint> known) {

        /** The notes this plan would read or remove: new, size or timestamp changed, or gone. */
        Set<String> pending() {
            Set<String> out = new LinkedHashSet<>();
            files.stream().filter(f -> changed(f, known.get(f.relPath()))).forEach(f -> out.add(f.relPath()));
            out.addAll(deleted);
            return out;
        }
    }

    /** The whole vault, scanned. */
    private Plan planAll(java.util.function.Consumer<Warning> scanWarnings) {
        checkVault();
        Timing timing = new Timing();
        List<VaultFiles.File> files;
        try {
            files = new VaultScanner().scan(vault, scanWarnings).stream()
                    .map(f -> new VaultFiles.File(f.relPath(), f.file(), f.size(), f.mtimeMs())).toList();
        } catch (VaultException e) {
            throw new IngestException("The vault " + vault + " cannot be read: " + e.getMessage());
        }
        timing.lap("scan");
        Map<String, NoteFingerprint> known = notes.fingerprints();
        timing.lap("fingerprints");
        Set<String> present = new HashSet<>();
        files.forEach(f -> present.add(f.relPath()));
        List<String> deleted = known.keySet().stream().filter(p -> !present.contains(p)).sorted().toList();
        return new Plan(files, deleted, known);
    }

    /** Only the given notes (relative to the vault). */
    private Plan planPaths(Collection<String> relPaths) {
        checkVault();
        Set<String> wanted = new LinkedHashSet<>(relPaths);
        Map<String, NoteFingerprint> known = notes.fingerprints(wanted);
        List<VaultFiles.File> files = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String rel : wanted) {
            VaultFiles.File f = VaultFiles.one(vault, rel);
            if (f != null) {
                files.add(f);
            } else if (known.containsKey(rel)) {
                deleted.add(rel);
            }
        }
        return new Plan(files, deleted, known);
    }

    /**
     * The notes a full {@link #ingest} would read or remove now, relative to the vault: new files, files whose size
     * or timestamp changed, and notes no longer there. Reads no note; the vault watcher's sync asks before a rescan.
     */
    public Set<String> pendingChanges() {
        return planAll(w -> { }).pending();
    }

    /**
     * Which of {@code relPaths} an {@link #ingestPaths} would read or remove now (new, size or timestamp changed, or
     * gone); the others are as the store last read them. Reads no note.
     */
    public Set<String> pendingChanges(Collection<String> relPaths) {
        return planPaths(relPaths).pending();
    }

    /** Reads only the given paths (relative to the vault): for a watcher that knows what changed. */
    public synchronized IngestReport ingestPaths(Collection<String> changedRelPaths) {
        long start = clock.millis();
        Plan plan = planPaths(changedRelPaths);
        return run(plan.files(), plan.deleted(), plan.known(), List.of(), IngestProgress.NONE, start, false);
    }

    private void checkVault() {
        vaultProblem(vault).ifPresent(problem -> {
            throw new IngestException(problem);
        });
    }

    private IngestReport run(List<VaultFiles.File> files, List<String> deleted, Map<String, NoteFingerprint> known,
                             List<Warning> scanWarnings, IngestProgress progress, long start, boolean remergeAll) {
        List<VaultFiles.File> toRead = files.stream().filter(f -> changed(f, known.get(f.relPath()))).toList();
        List<Warning> warnings = new ArrayList<>(scanWarnings);
        int parsed = 0;
        if (!toRead.isEmpty() || !deleted.isEmpty() || remergeAll) {
            try {
                parsed = store.inTransaction(s -> write(s, toRead, deleted, known, warnings, progress, remergeAll));
            } catch (RuntimeException | Error e) {
                participants = null;
                ownerResolver = null;
                throw e;
            }
        }
        Timing timing = new Timing();
        IngestReport report = new IngestReport(notes.count(), parsed, files.size() - parsed, deleted.size(), meetings.count(),
                tasks.count(), warnings, Duration.ofMillis(Math.max(0, clock.millis() - start)));
        timing.lap("counts");
        Timing.processSummary("done");
        return report;
    }

    private static boolean changed(VaultFiles.File f, NoteFingerprint before) {
        return before == null || before.size() != f.size() || before.mtimeMs() != f.mtimeMs();
    }

    /**
     * In one transaction: writes the notes read (streamed, as they are parsed), then merges again every
     * date (and every undated note) that a deleted note, or a parsed note whose merge input changed, belongs or
     * belonged to, one date at a time (or only its meetings that changed, see {@link #changedMeetings}). Returns how
     * many notes were parsed.
     */
    private int write(IngestStore.Session s, List<VaultFiles.File> toRead, List<String> deleted, Map<String, NoteFingerprint> known,
                      List<Warning> warnings, IngestProgress progress, boolean all) {
        Timing timing = new Timing();
        Set<LocalDate> dates = new HashSet<>();
        Set<String> undated = new HashSet<>();
        if (all) {
            notes.fingerprints().values().forEach(f -> addUnit(f.path(), f.date(), dates, undated));
        }
        // Notes as merging needs them (no sections): the fresh ones are kept, the others read back per date.
        Map<String, ParsedNote> fresh = new HashMap<>();
        int[] parsed = {0};
        reader.read(toRead, known, progress, o -> {
            if (o instanceof ChangedFiles.Parsed p) {
                ParsedNote n = p.row().write().note();
                NoteFingerprint before = known.get(n.path());
                // An edit merging does not see (prose, a transcript, a blank line) leaves the note's date as it is:
                // merging it again would give the same meetings and tasks, at the cost of every note of that date.
                boolean remerge = before == null || all || !s.sameMergeInput(p.row());
                s.writeNote(p.row(), before != null);
                warnings.addAll(n.warnings());
                parsed[0]++;
                if (!remerge) {
                    return;
                }
                fresh.put(n.path(), withoutSections(n));
                addUnit(n.path(), n.date(), dates, undated);
                if (before != null) {
                    addUnit(before.path(), before.date(), dates, undated);
                }
            } else if (o instanceof ChangedFiles.Touched t) {
                s.touch(t.fingerprint());
            } else if (o instanceof ChangedFiles.Failed f) {
                warnings.add(f.warning());
            }
        });
        for (String path : deleted) {
            s.deleteNote(path);
            addUnit(path, known.containsKey(path) ? known.get(path).date() : null, dates, undated);
        }
        s.checkpoint("notes");
        timing.lap("read+write notes");
        if (fresh.isEmpty() && deleted.isEmpty() && !all) {
            return parsed[0];
        }

        // The owner resolver knows every participant: built again only when a note's participants changed.
        boolean namesChanged = updateOwnerResolver(s, fresh.values(), deleted, all);
        OwnerResolver resolver = ownerResolver;
        timing.lap("participants");

        // The units to merge again: each date's notes as the store now holds them, and each undated note. When few
        // dates changed and every owner resolves as before, only a date's meetings that changed are merged again.
        Map<LocalDate, List<String>> byDate = s.pathsByDate(dates);
        boolean onlyChangedMeetings = !namesChanged && dates.size() <= FEW_DATES;
        Collection<Set<String>> storedMeetings = onlyChangedMeetings
                ? s.meetingsOf(Stream.concat(byDate.values().stream().flatMap(List::stream), deleted.stream()).toList())
                : List.of();
        List<Unit> units = new ArrayList<>();
        Set<String> replaced = new HashSet<>(deleted);
        dates.stream().sorted().forEach(d -> {
            List<String> paths = byDate.getOrDefault(d, List.of());
            if (paths.isEmpty()) {
                return;
            }
            if (!onlyChangedMeetings) {
                units.add(new Unit(paths, null));
                replaced.addAll(paths);
                return;
            }
            MeetingMerger.Grouping changed = changedMeetings(new MeetingMerger(resolver).group(group(s, paths, fresh)), fresh.keySet(),
                    storedMeetings);
            if (!changed.isEmpty()) {
                units.add(new Unit(changed.paths(), changed));
                replaced.addAll(changed.paths());
            }
        });
        Set<String> gone = new HashSet<>(deleted);
        Set<String> dated = new HashSet<>();
        byDate.values().forEach(dated::addAll);
        undated.stream().sorted().forEach(p -> {
            replaced.add(p);
            if (!gone.contains(p) && !dated.contains(p)) {
                units.add(new Unit(List.of(p), null));
            }
        });

        timing.lap("units");
        PreviousState previous = s.previous(replaced);
        timing.lap("previous");
        s.deleteDerived(replaced);
        timing.lap("delete");
        IdAssigner ids;
        if (units.size() > 32) {
            IdSet taskIds = s.taskIds();
            IdSet meetingIds = s.meetingIds();
            ids = new IdAssigner(previous, id -> taskIds.mightContain(id) && s.hasTask(id), id -> meetingIds.mightContain(id) && s.hasMeeting(id));
        } else {
            ids = new IdAssigner(previous, s::hasTask, s::hasMeeting);
        }
        timing.lap("owners+ids");
        long mergeNs = 0;
        long mergeOnlyNs = 0;
        java.util.concurrent.atomic.AtomicLong mergeCpu = new java.util.concurrent.atomic.AtomicLong();
        // Dates are merged (and their rows worked out but for ids) on two threads, a few ahead of the writer,
        // which hands out ids and writes them in order.
        ExecutorService pool = units.size() > 4 ? Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ingest-merge");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            ArrayDeque<Future<BatchBuilder.Prepared>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < units.size(); i++) {
                while (next < units.size() && inFlight.size() < 8) {
                    Unit unit = units.get(next++);
                    List<ParsedNote> group = unit.grouping() == null ? group(s, unit.paths(), fresh) : null;
                    Callable<BatchBuilder.Prepared> merge = () -> {
                        long c0 = Timing.ON ? IngestTiming.cpuNs() : 0;
                        MeetingMerger merger = new MeetingMerger(resolver);
                        BatchBuilder.Prepared r = BatchBuilder.prepare(group == null ? merger.merge(unit.grouping()) : merger.merge(group));
                        if (Timing.ON) {
                            mergeCpu.addAndGet(IngestTiming.cpuNs() - c0);
                        }
                        return r;
                    };
                    inFlight.add(pool == null ? CompletableFuture.completedFuture(merge.call()) : pool.submit(merge));
                }
                long t0 = System.nanoTime();
                BatchBuilder.Prepared merged = await(inFlight.poll());
                mergeOnlyNs += System.nanoTime() - t0;
                BatchBuilder.Rows rows = BatchBuilder.rows(merged, previous, ids);
                mergeNs += System.nanoTime() - t0;
                rows.meetings().forEach(s::insertMeeting);
                s.insertTasks(rows.tasks());
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IngestException("Ingest failed while merging: " + e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        timing.lap("merge+write units (merge+rows " + mergeNs / 1_000_000 + " ms, waiting for merge " + mergeOnlyNs / 1_000_000
                + " ms, merge cpu " + mergeCpu.get() / 1_000_000 + " ms)");
        s.checkpoint("meetings");
        s.checkpoint("tasks");
        return parsed[0];
    }

    /**
     * Per-phase times on stderr when the system property followup.ingest.timing is set (benchmarks): wall time,
     * and the CPU time of the thread that writes (the SQLite work is on it).
     */
    static final class Timing {
        static final boolean ON = IngestTiming.ON;
        private long last = System.nanoTime();
        private long lastCpu = ON ? IngestTiming.cpuNs() : 0;

        void lap(String phase) {
            long now = System.nanoTime();
            if (ON) {
                long cpu = IngestTiming.cpuNs();
                System.err.printf("ingest phase: %-40s %6d ms  (writer cpu %5d ms)%n", phase, (now - last) / 1_000_000,
                        (cpu - lastCpu) / 1_000_000);
                lastCpu = cpu;
            }
            last = now;
        }


        /** The whole process's CPU time (every thread, GC and JIT included) and the collectors' time, for the summary line. */
        static void processSummary(String what) {
            if (!ON) {
                return;
            }
            long gcMs = 0;
            long gcs = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMs += Math.max(0, gc.getCollectionTime());
                gcs += Math.max(0, gc.getCollectionCount());
            }
            long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            System.err.printf("ingest %s: process cpu so far %d ms, %d GCs %d ms%n", what, cpu, gcs, gcMs);
        }
    }

    /** At most this many changed dates are merged again meeting by meeting; more are merged whole (a large ingest). */
    static final int FEW_DATES = 32;

    /** Notes to merge again: by path (all read back, then grouped), or already grouped (only those meetings). */
    private record Unit(List<String> paths, MeetingMerger.Grouping grouping) {
    }

    /**
     * The part of a date's grouping to merge again: a meeting with a note that changed, or whose notes are not those of
     * a meeting in the store (a note joined, left, was deleted or moved to another date), and each changed note that
     * is not a meeting. The rest would merge into the meetings and tasks the store holds: same notes, same grouping,
     * same owners, so they are left as they are (a date has ~30 notes; a click on a recurring task changes one).
     */
    static MeetingMerger.Grouping changedMeetings(MeetingMerger.Grouping grouping, Set<String> changed, Collection<Set<String>> stored) {
        Set<Set<String>> storedSets = new HashSet<>(stored);
        return grouping.retain(meeting -> {
            Set<String> paths = new HashSet<>();
            meeting.forEach(n -> paths.add(n.path()));
            return paths.stream().anyMatch(changed::contains) || !storedSets.contains(paths);
        }, note -> changed.contains(note.path()));
    }

    /**
     * Keeps each stored note's participants and the owner resolver over all their names up to date; true when the
     * resolver was built again (a note's participants changed, or every note is merged again), so owners may resolve
     * differently.
     */
    private boolean updateOwnerResolver(IngestStore.Session s, Collection<ParsedNote> fresh, List<String> deleted, boolean all) {
        boolean namesChanged = participants == null || ownerResolver == null || all;
        if (participants == null) {
            participants = s.participantsByPath();
        } else {
            for (ParsedNote n : fresh) {
                namesChanged |= !n.participants().equals(participants.put(n.path(), n.participants()));
            }
            for (String p : deleted) {
                namesChanged |= participants.remove(p) != null;
            }
        }
        if (namesChanged) {
            Set<String> nameSet = new LinkedHashSet<>();
            new java.util.TreeMap<>(participants).values().forEach(nameSet::addAll);
            ownerResolver = owners.apply(new ArrayList<>(nameSet));
        }
        return namesChanged;
    }

    /** A unit's notes: the fresh ones from memory, the others read back (without sections). */
    private static List<ParsedNote> group(IngestStore.Session s, List<String> unit, Map<String, ParsedNote> fresh) {
        List<ParsedNote> group = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        for (String p : unit) {
            ParsedNote n = fresh.get(p);
            if (n != null) {
                group.add(n);
            } else {
                stored.add(p);
            }
        }
        if (!stored.isEmpty()) {
            group.addAll(s.loadWithoutSections(stored));
        }
        return group;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("Ingest interrupted while merging");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IngestException("Ingest failed while merging: " + c);
        }
    }

    private static ParsedNote withoutSections(ParsedNote n) {
        return new ParsedNote(n.path(), n.title(), n.date(), n.type(), n.meeting(), n.participants(), Map.of(), n.tasks(), List.of());
    }

    private static void addUnit(String path, LocalDate date, Set<LocalDate> dates, Set<String> undated) {
        if (date != null) {
            dates.add(date);
        } else {
            undated.add(path);
        }
    }
}

package io.followup.ingest;

import io.followup.model.MeetingRef;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One distinct task and the lines that state it. Its fields come from the most advanced line
 * (done or cancelled over in progress over open over proposed); fields that line leaves empty are
 * filled from the others. A done or cancelled date only comes from a line in that state.
 */
public final class MergedTask {

    private static final Comparator<TaskSource> MOST_ADVANCED_FIRST =
            Comparator.<TaskSource>comparingInt(s -> -s.task().status().rank())
                    .thenComparing(TaskSource::path)
                    .thenComparingInt(TaskSource::line);

    private final List<TaskSource> sources;
    private final List<TaskSource> byProgress;

    public MergedTask(List<TaskSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one source line");
        }
        List<TaskSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(TaskSource::path).thenComparingInt(TaskSource::line));
        this.sources = List.copyOf(sorted);
        List<TaskSource> progress = new ArrayList<>(sources);
        progress.sort(MOST_ADVANCED_FIRST);
        this.byProgress = List.copyOf(progress);
    }

    /** Source lines sorted by path, then line. */
    public List<TaskSource> sources() {
        return sources;
    }

    public TaskSource primary() {
        return byProgress.get(0);
    }

    public List<SourceRef> sourceRefs() {
        return sources.stream().map(s -> new SourceRef(s.path(), s.line())).toList();
    }

    /** The merged fields (id and meeting left empty), once {@link #prepare()} worked them out. */
    private Task fields;
    private byte[] idHash;

    /**
     * Works out the merged fields and the id hash ahead: the merge threads call this, so that the thread
     * writing to the store only puts ids on (a first ingest writes 112,000 tasks on that one thread).
     */
    void prepare() {
        fields = merge();
        idHash();
        identities();
    }

    private List<io.followup.store.SourceIdentity> identities;

    /** Each source line's identity (path, normalised text, occurrence), in {@link #sources()} order. */
    List<io.followup.store.SourceIdentity> identities() {
        if (identities == null) {
            identities = sources.stream().map(IdAssigner::identity).toList();
        }
        return identities;
    }

    /** The hash of the first source line an id is made from. */
    byte[] idHash() {
        if (idHash == null) {
            TaskSource first = sources.get(0);
            idHash = TaskIds.hash(first.path(), first.normText(), first.occurrence());
        }
        return idHash;
    }

    /** The merged task with the given id and meeting (null for a standalone task). */
    public Task toTask(String id, MeetingRef meeting) {
        Task f = fields != null ? fields : merge();
        return new Task(id, f.description(), f.owner(), f.ownerRaw(), f.ownerKind(), f.status(), f.statusSymbol(), f.due(),
                f.scheduled(), f.start(), f.created(), f.done(), f.cancelled(), f.priority(), f.recurrence(), f.tags(), f.blockId(),
                meeting, f.sources(), false);
    }

    /** The merged fields, without an id or meeting yet (given out later, by the writer). */
    private Task merge() {
        ParsedTask p = primary().task();
        TaskStatus status = p.status();
        OwnerResolver.Owner owner = owner();
        String ownerRaw = first(ParsedTask::ownerRaw);
        List<String> tags = first(t -> t.tags().isEmpty() ? null : t.tags());
        if (tags == null) {
            tags = List.of();
        }
        return new Task(null, p.description(), owner.name(), ownerRaw, owner.kind(), status, p.statusSymbol(),
                first(ParsedTask::due), first(ParsedTask::scheduled), first(ParsedTask::start), first(ParsedTask::created),
                closedDate(TaskStatus.DONE, status, ParsedTask::done), closedDate(TaskStatus.CANCELLED, status, ParsedTask::cancelled),
                first(ParsedTask::priority), first(ParsedTask::recurrence), tags, first(ParsedTask::blockId),
                null, sourceRefs(), false);
    }

    /**
     * The most advanced line's owner; when another line names the same person more fully ("Brian" and
     * "Brian Moore", the first name unresolved) the fuller name wins.
     */
    private OwnerResolver.Owner owner() {
        List<OwnerResolver.Owner> named = new ArrayList<>(byProgress.size());
        for (TaskSource s : byProgress) {
            if (s.owner() != null && s.owner().name() != null) {
                named.add(s.owner());
            }
        }
        if (named.isEmpty()) {
            return OwnerResolver.Owner.NONE;
        }
        OwnerResolver.Owner best = named.get(0);
        if (named.size() == 1) {
            return best; // nobody else to name them more fully
        }
        String prefix = TaskText.normalize(best.name()) + " ";
        for (OwnerResolver.Owner o : named) {
            if (TaskText.normalize(o.name()).startsWith(prefix) && o.kind() == best.kind()) {
                return o;
            }
        }
        return best;
    }

    // Loops, not streams: these run for every field of every task a first ingest writes (~1 M times).
    private <T> T first(Function<ParsedTask, T> field) {
        for (TaskSource s : byProgress) {
            T value = field.apply(s.task());
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private LocalDate closedDate(TaskStatus kind, TaskStatus status, Function<ParsedTask, LocalDate> field) {
        if (status != kind) {
            return null;
        }
        for (TaskSource s : byProgress) {
            LocalDate value = s.task().status() == kind ? field.apply(s.task()) : null;
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}

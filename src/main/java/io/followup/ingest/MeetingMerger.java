package io.followup.ingest;

import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Pure: groups notes into meetings and task lines into distinct tasks. Notes of one date are one
 * meeting when their titles match or when at least half of the smaller note's tasks pair up; inside
 * a meeting, lines are paired best-first, one to one, above {@link TaskSimilarity#THRESHOLD}.
 * Notes that are not meetings (project pages, undated notes) give standalone tasks.
 */
public final class MeetingMerger {

    /** What merging a set of notes gives. */
    public record Result(List<MergedMeeting> meetings, List<MergedTask> standalone) {
        public Result {
            meetings = List.copyOf(meetings);
            standalone = List.copyOf(standalone);
        }
    }

    private final OwnerResolver owners;
    /** Features of each source line, computed once per merge (pairs of notes compare the same lines many times). */
    private final Map<TaskSource, Line> featureCache = new java.util.IdentityHashMap<>();
    /** Token ids for this merge: lines compare as sorted int arrays. */
    private final Map<String, Integer> tokenIds = new HashMap<>();

    /**
     * A line's features as the scorer reads them: sorted distinct token ids, a 64-bit signature of them (bit
     * id mod 64) and how many of its tokens share a signature bit with another of its tokens.
     */
    private record Line(int[] tokens, long signature, int collisions, LocalDate due, String owner) {

        /**
         * The pair's score when it may reach {@link TaskSimilarity#THRESHOLD}, else 0: matching only looks at
         * scores at or above the threshold, so most pairs (different tasks) are ruled out from the signatures
         * alone. The words both share are at most the signature bits both have set, plus the tokens that
         * share a bit within one line; the score grows with the shared words, so if even that many cannot
         * reach the threshold the pair cannot.
         */
        double score(Line o) {
            long common = signature & o.signature;
            if (common == 0) {
                return 0;
            }
            int[] a = tokens;
            int[] b = o.tokens;
            int most = Math.min(Math.min(a.length, b.length), Long.bitCount(common) + Math.min(collisions, o.collisions));
            if (TaskSimilarity.score(a.length, b.length, most, due, o.due, owner, o.owner) < TaskSimilarity.THRESHOLD) {
                return 0;
            }
            int i = 0;
            int j = 0;
            int shared = 0;
            while (i < a.length && j < b.length) {
                if (a[i] == b[j]) {
                    shared++;
                    i++;
                    j++;
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return TaskSimilarity.score(a.length, b.length, shared, due, o.due, owner, o.owner);
        }
    }

    public MeetingMerger(OwnerResolver owners) {
        this.owners = owners;
    }

    /**
     * How notes fall into meetings: each meeting's notes (by date, then as grouped), and the notes whose tasks stand
     * alone (not meetings, or undated), in path order. Merging works on each meeting, and each such note, on its own.
     */
    public record Grouping(List<List<ParsedNote>> meetings, List<ParsedNote> standalone) {
        public Grouping {
            meetings = List.copyOf(meetings);
            standalone = List.copyOf(standalone);
        }

        /** Only the meetings (each by its notes) and the standalone notes the two tests accept. */
        public Grouping retain(Predicate<List<ParsedNote>> keepMeeting, Predicate<ParsedNote> keepStandalone) {
            return new Grouping(meetings.stream().filter(keepMeeting).toList(), standalone.stream().filter(keepStandalone).toList());
        }

        public boolean isEmpty() {
            return meetings.isEmpty() && standalone.isEmpty();
        }

        /** Every note's path, meetings' first. */
        public List<String> paths() {
            List<String> out = new ArrayList<>();
            meetings.forEach(m -> m.forEach(n -> out.add(n.path())));
            standalone.forEach(n -> out.add(n.path()));
            return out;
        }
    }

    public Result merge(List<ParsedNote> notes) {
        return merge(group(notes));
    }

    /** The meetings {@code notes} make, as {@link #merge(List)} would merge them. */
    public Grouping group(List<ParsedNote> notes) {
        List<ParsedNote> standalone = new ArrayList<>();
        Map<LocalDate, List<ParsedNote>> byDate = new TreeMap<>();
        notes.stream().sorted(Comparator.comparing(ParsedNote::path)).forEach(n -> {
            if (n.meeting() && n.date() != null) {
                byDate.computeIfAbsent(n.date(), d -> new ArrayList<>()).add(n);
            } else {
                standalone.add(n);
            }
        });
        List<List<ParsedNote>> meetings = new ArrayList<>();
        byDate.values().forEach(sameDate -> meetings.addAll(groupMeetings(sameDate)));
        return new Grouping(meetings, standalone);
    }

    /**
     * Merges each meeting of {@code grouping} and each standalone note's tasks. A meeting is merged from its own
     * notes alone, so merging part of a date's meetings gives those meetings as merging all of them would.
     */
    public Result merge(Grouping grouping) {
        List<MergedMeeting> meetings = new ArrayList<>();
        for (List<ParsedNote> group : grouping.meetings()) {
            meetings.add(new MergedMeeting(group, mergeTasks(group)));
        }
        List<MergedTask> standalone = new ArrayList<>();
        grouping.standalone().forEach(n -> standalone.addAll(standaloneTasks(n)));
        return new Result(meetings, standalone);
    }

    private List<MergedTask> standaloneTasks(ParsedNote note) {
        return sources(note, note.participants()).stream().map(s -> new MergedTask(List.of(s))).toList();
    }

    /**
     * Union-find over the notes of one date. Each note's title and line features are worked out once (a date has
     * a few dozen notes, so each is compared with every other), and a pair already in one group is not compared.
     */
    List<List<ParsedNote>> groupMeetings(List<ParsedNote> notes) {
        int n = notes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        String[] titles = new String[n];
        Line[][] lines = new Line[n][];
        for (int i = 0; i < n && n > 1; i++) {
            ParsedNote note = notes.get(i);
            titles[i] = comparableTitle(note.title());
            lines[i] = sources(note, note.participants()).stream().map(this::features).toArray(Line[]::new);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // Joining two notes already in one group changes nothing, so the pair need not be compared.
                if (find(parent, i) != find(parent, j) && sameMeeting(titles[i], titles[j], lines[i], lines[j])) {
                    parent[find(parent, j)] = find(parent, i);
                }
            }
        }
        Map<Integer, List<ParsedNote>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(notes.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Same title, or at least half of the smaller note's lines pair up one to one with the other's. */
    private static boolean sameMeeting(String titleA, String titleB, Line[] a, Line[] b) {
        if (!titleA.isEmpty() && titleA.equals(titleB)) {
            return true;
        }
        int smaller = Math.min(a.length, b.length);
        if (smaller == 0) {
            return false;
        }
        double[][] m = new double[a.length][b.length];
        boolean[] colHas = new boolean[b.length];
        int rows = 0;
        int cols = 0;
        int needed = (smaller + 1) / 2;
        for (int i = 0; i < a.length; i++) {
            if (rows + (a.length - i) < needed) {
                return false; // too few rows left to pair enough lines
            }
            boolean rowHas = false;
            for (int j = 0; j < b.length; j++) {
                double score = a[i].score(b[j]);
                m[i][j] = score;
                if (score >= TaskSimilarity.THRESHOLD) {
                    rowHas = true;
                    if (!colHas[j]) {
                        colHas[j] = true;
                        cols++;
                    }
                }
            }
            rows += rowHas ? 1 : 0;
        }
        // One to one, the pairing cannot pair more lines than the rows (or columns) with a pair above the threshold.
        if (Math.min(rows, cols) * 2 < smaller) {
            return false;
        }
        return Pairing.bestFirst(m, TaskSimilarity.THRESHOLD).size() * 2 >= smaller;
    }

    /** Title words without numbers, so "Sync 2025-10-28" matches "Sync". */
    static String comparableTitle(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : TaskText.normalize(title).split(" ")) {
            if (!w.isEmpty() && w.chars().noneMatch(Character::isDigit)) {
                sb.append(sb.length() == 0 ? "" : " ").append(w);
            }
        }
        return sb.toString();
    }

    /** Pairs each note's lines with the tasks found so far, note by note in path order. */
    private List<MergedTask> mergeTasks(List<ParsedNote> group) {
        List<String> participants = MergedMeeting.unionParticipants(group);
        List<List<TaskSource>> clusters = new ArrayList<>();
        for (ParsedNote note : group) {
            List<TaskSource> lines = sources(note, participants);
            List<int[]> pairs = Pairing.bestFirst(scores(clusters, lines), TaskSimilarity.THRESHOLD);
            boolean[] used = new boolean[lines.size()];
            List<List<TaskSource>> grown = new ArrayList<>(clusters.stream().map(c -> (List<TaskSource>) new ArrayList<>(c)).toList());
            for (int[] p : pairs) {
                grown.get(p[0]).add(lines.get(p[1]));
                used[p[1]] = true;
            }
            for (int k = 0; k < lines.size(); k++) {
                if (!used[k]) {
                    grown.add(new ArrayList<>(List.of(lines.get(k))));
                }
            }
            clusters = grown;
        }
        return clusters.stream().map(MergedTask::new).toList();
    }

    private double[][] scores(List<List<TaskSource>> clusters, List<TaskSource> lines) {
        double[][] m = new double[clusters.size()][lines.size()];
        if (clusters.isEmpty() || lines.isEmpty()) {
            return m; // nothing to compare (a meeting's first note): no features needed
        }
        Line[] lineFeatures = lines.stream().map(this::features).toArray(Line[]::new);
        for (int i = 0; i < clusters.size(); i++) {
            Line[] members = clusters.get(i).stream().map(this::features).toArray(Line[]::new);
            for (int j = 0; j < lines.size(); j++) {
                double best = 0;
                for (Line f : members) {
                    best = Math.max(best, f.score(lineFeatures[j]));
                }
                m[i][j] = best;
            }
        }
        return m;
    }

    /** Owner names as features compare them (normalised), by name: a merge sees the same few owners many times. */
    private final Map<String, String> ownerKeys = new HashMap<>();

    /**
     * The features {@link TaskSimilarity.Features#of} gives the line, as the scorer reads them: the tokens come from
     * the line's normalised text, which is what they are made from.
     */
    private Line features(TaskSource s) {
        Line line = featureCache.get(s);
        if (line == null) {
            java.util.Set<String> tokens = TaskText.tokensOfNormalized(s.normText());
            int[] ids = new int[tokens.size()];
            long signature = 0;
            int k = 0;
            for (String token : tokens) {
                int id = tokenIds.computeIfAbsent(token, t -> tokenIds.size());
                ids[k++] = id;
                signature |= 1L << (id & 63);
            }
            java.util.Arrays.sort(ids);
            String owner = s.owner() == null || s.owner().name() == null ? null
                    : ownerKeys.computeIfAbsent(s.owner().name(), TaskText::normalize);
            line = new Line(ids, signature, ids.length - Long.bitCount(signature), s.task().due(), owner);
            featureCache.put(s, line);
        }
        return line;
    }

    /** The lines last worked out for a note, and the participants their owners were resolved against. */
    private record NoteSources(List<String> participants, List<TaskSource> sources) {
    }

    private final Map<ParsedNote, NoteSources> sourcesCache = new java.util.IdentityHashMap<>();

    /**
     * The note's task lines with normalised text, occurrence index and resolved owner. Grouping and then merging
     * a meeting of one note both ask for the same lines (its own participants are the meeting's): worked out once.
     */
    private List<TaskSource> sources(ParsedNote note, List<String> participants) {
        NoteSources cached = sourcesCache.get(note);
        if (cached != null && cached.participants().equals(participants)) {
            return cached.sources();
        }
        List<TaskSource> out = resolveSources(note, participants);
        sourcesCache.put(note, new NoteSources(participants, out));
        return out;
    }

    private List<TaskSource> resolveSources(ParsedNote note, List<String> participants) {
        // A note names the same few owners on many lines: each is resolved once (against the same participants).
        Map<String, OwnerResolver.Owner> resolved = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<TaskSource> out = new ArrayList<>();
        note.tasks().stream().sorted(Comparator.comparingInt(ParsedTask::line)).forEach(t -> {
            String norm = TaskText.normalize(t.description());
            int occurrence = seen.merge(norm, 1, Integer::sum) - 1;
            OwnerResolver.Owner owner = t.ownerRaw() == null ? OwnerResolver.Owner.NONE
                    : resolved.computeIfAbsent(t.ownerRaw(),
                            raw -> Objects.requireNonNullElse(owners.resolve(raw, participants), OwnerResolver.Owner.NONE));
            out.add(new TaskSource(note.path(), t, norm, occurrence, owner));
        });
        return out;
    }
}

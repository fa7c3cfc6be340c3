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

    /** A line's features as the scorer reads them: sorted distinct token ids and a 64-bit signature of them. */
    private record Line(int[] tokens, long signature, LocalDate due, String owner) {
        double score(Line o) {
            if ((signature & o.signature) == 0) {
                return 0;
            }
            int[] a = tokens;
            int[] b = o.tokens;
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

    public Result merge(List<ParsedNote> notes) {
        List<MergedMeeting> meetings = new ArrayList<>();
        List<MergedTask> standalone = new ArrayList<>();
        Map<LocalDate, List<ParsedNote>> byDate = new TreeMap<>();
        notes.stream().sorted(Comparator.comparing(ParsedNote::path)).forEach(n -> {
            if (n.meeting() && n.date() != null) {
                byDate.computeIfAbsent(n.date(), d -> new ArrayList<>()).add(n);
            } else {
                standalone.addAll(standaloneTasks(n));
            }
        });
        for (List<ParsedNote> sameDate : byDate.values()) {
            for (List<ParsedNote> group : groupMeetings(sameDate)) {
                meetings.add(new MergedMeeting(group, mergeTasks(group)));
            }
        }
        return new Result(meetings, standalone);
    }

    private List<MergedTask> standaloneTasks(ParsedNote note) {
        return sources(note, note.participants()).stream().map(s -> new MergedTask(List.of(s))).toList();
    }

    /** Union-find over the notes of one date. */
    List<List<ParsedNote>> groupMeetings(List<ParsedNote> notes) {
        int n = notes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<List<TaskSource>> sources = notes.stream().map(note -> sources(note, note.participants())).toList();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameMeeting(notes.get(i), notes.get(j), sources.get(i), sources.get(j))) {
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

    private boolean sameMeeting(ParsedNote a, ParsedNote b, List<TaskSource> ta, List<TaskSource> tb) {
        String titleA = comparableTitle(a.title());
        if (!titleA.isEmpty() && titleA.equals(comparableTitle(b.title()))) {
            return true;
        }
        int smaller = Math.min(ta.size(), tb.size());
        if (smaller == 0) {
            return false;
        }
        List<List<TaskSource>> clusters = ta.stream().map(List::of).toList();
        int paired = Pairing.bestFirst(scores(clusters, tb), TaskSimilarity.THRESHOLD).size();
        return paired * 2 >= smaller;
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

    private Line features(TaskSource s) {
        Line line = featureCache.get(s);
        if (line == null) {
            TaskSimilarity.Features f = computeFeatures(s);
            int[] ids = new int[f.tokens().size()];
            long signature = 0;
            int k = 0;
            for (String token : f.tokens()) {
                int id = tokenIds.computeIfAbsent(token, t -> tokenIds.size());
                ids[k++] = id;
                signature |= 1L << (id & 63);
            }
            java.util.Arrays.sort(ids);
            line = new Line(ids, signature, f.due(), f.owner());
            featureCache.put(s, line);
        }
        return line;
    }

    private static TaskSimilarity.Features computeFeatures(TaskSource s) {
        return TaskSimilarity.Features.of(s.task().description(), s.task().due(), s.owner() == null ? null : s.owner().name());
    }

    /** The note's task lines with normalised text, occurrence index and resolved owner. */
    private List<TaskSource> sources(ParsedNote note, List<String> participants) {
        Map<String, Integer> seen = new HashMap<>();
        List<TaskSource> out = new ArrayList<>();
        note.tasks().stream().sorted(Comparator.comparingInt(ParsedTask::line)).forEach(t -> {
            String norm = TaskText.normalize(t.description());
            int occurrence = seen.merge(norm, 1, Integer::sum) - 1;
            OwnerResolver.Owner owner = t.ownerRaw() == null ? OwnerResolver.Owner.NONE
                    : Objects.requireNonNullElse(owners.resolve(t.ownerRaw(), participants), OwnerResolver.Owner.NONE);
            out.add(new TaskSource(note.path(), t, norm, occurrence, owner));
        });
        return out;
    }
}

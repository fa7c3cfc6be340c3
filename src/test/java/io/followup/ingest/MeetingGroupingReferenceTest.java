package io.followup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.model.OwnerKind;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merger groups a date's notes with shortcuts (a pair already in one group is not compared, lines that
 * cannot reach the threshold are not scored); here its groups are checked against the rule as written, pair
 * by pair with {@link TaskSimilarity#score(TaskSimilarity.Features, TaskSimilarity.Features)}, on random
 * dates full of near-duplicate lines.
 */
class MeetingGroupingReferenceTest {

    private static final OwnerResolver OWNERS = (raw, participants) -> new OwnerResolver.Owner(raw, OwnerKind.PERSON);
    private static final String[] WORDS = {"send", "review", "draft", "pricing", "page", "contract", "venue", "offsite", "roadmap",
        "budget", "customer", "deck", "notes", "follow", "up", "with", "the", "legal", "team", "on", "release", "plan", "security"};
    private static final String[] OWNER_NAMES = {"Ana Lima", "Bo Chen", null};
    private static final String[] TITLES = {"Weekly sync", "Pricing 2025-10-28", "Pricing", "1:1 Ana", "", "Sync 3"};

    @Test
    void groups_are_those_of_the_pairwise_rule() {
        Random random = new Random(42);
        int byLines = 0;
        for (int round = 0; round < 60; round++) {
            // Every other date has untitled notes only, so that notes join by their lines alone.
            boolean untitled = round % 2 == 1;
            List<ParsedNote> notes = new ArrayList<>();
            int n = 2 + random.nextInt(25);
            List<ParsedTask> base = lines(random, 1 + random.nextInt(10));
            for (int k = 0; k < n; k++) {
                // Some notes restate the base lines (a meeting captured twice, reworded), the others are new meetings.
                List<ParsedTask> tasks = random.nextInt(3) == 0 ? reworded(random, base) : lines(random, random.nextInt(8));
                notes.add(TestNotes.meeting(String.format("m/%02d.md", k), untitled ? "" : TITLES[random.nextInt(TITLES.length)], "2025-10-28",
                        List.of("Ana Lima", "Bo Chen"), tasks.toArray(ParsedTask[]::new)));
            }
            List<List<String>> fast = paths(new MeetingMerger(OWNERS).groupMeetings(notes));
            assertEquals(paths(reference(notes)), fast, "round " + round);
            byLines += untitled ? notes.size() - fast.size() : 0;
        }
        assertTrue(byLines > 30, "notes join by their lines often enough to test something: " + byLines);
    }

    private static List<ParsedTask> lines(Random random, int count) {
        List<ParsedTask> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0, words = 1 + random.nextInt(7); w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            out.add(TestNotes.task(10 + i, random.nextBoolean() ? " " : "x", text.toString(), OWNER_NAMES[random.nextInt(3)],
                    random.nextBoolean() ? null : "2025-11-0" + (1 + random.nextInt(3))));
        }
        return out;
    }

    private static List<ParsedTask> reworded(Random random, List<ParsedTask> base) {
        List<ParsedTask> out = new ArrayList<>();
        for (ParsedTask t : base) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            String text = t.description() + (random.nextBoolean() ? "" : " " + WORDS[random.nextInt(WORDS.length)]);
            out.add(TestNotes.task(t.line() + out.size(), t.statusSymbol(), text, random.nextBoolean() ? t.ownerRaw() : null,
                    t.due() == null ? null : t.due().toString()));
        }
        return out;
    }

    /** Union-find over every pair, each compared by the rule: same title, or half the smaller note's lines paired. */
    private static List<List<ParsedNote>> reference(List<ParsedNote> notes) {
        int n = notes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (same(notes.get(i), notes.get(j))) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        java.util.Map<Integer, List<ParsedNote>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(notes.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static boolean same(ParsedNote a, ParsedNote b) {
        String title = MeetingMerger.comparableTitle(a.title());
        if (!title.isEmpty() && title.equals(MeetingMerger.comparableTitle(b.title()))) {
            return true;
        }
        int smaller = Math.min(a.tasks().size(), b.tasks().size());
        if (smaller == 0) {
            return false;
        }
        double[][] scores = new double[a.tasks().size()][b.tasks().size()];
        for (int i = 0; i < a.tasks().size(); i++) {
            for (int j = 0; j < b.tasks().size(); j++) {
                scores[i][j] = TaskSimilarity.score(features(a.tasks().get(i)), features(b.tasks().get(j)));
            }
        }
        return Pairing.bestFirst(scores, TaskSimilarity.THRESHOLD).size() * 2 >= smaller;
    }

    private static TaskSimilarity.Features features(ParsedTask t) {
        return TaskSimilarity.Features.of(t.description(), t.due(), t.ownerRaw());
    }

    private static List<List<String>> paths(List<List<ParsedNote>> groups) {
        return groups.stream().map(g -> g.stream().map(ParsedNote::path).toList()).toList();
    }
}

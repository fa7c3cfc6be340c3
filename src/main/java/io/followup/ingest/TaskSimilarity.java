package io.followup.ingest;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * How likely two task lines from notes of one meeting are the same task: a blend of the overlap
 * coefficient and Jaccard index of their words, nudged up when due dates and resolved owners agree
 * and down when they clearly differ.
 */
public final class TaskSimilarity {

    /** Pairs scoring below this are different tasks. */
    public static final double THRESHOLD = 0.65;

    private TaskSimilarity() {
    }

    /** The facts of one task line the score looks at. */
    public record Features(Set<String> tokens, LocalDate due, String owner) {
        public Features {
            tokens = Set.copyOf(tokens);
        }

        public static Features of(String description, LocalDate due, String owner) {
            return new Features(TaskText.tokens(description), due, owner == null ? null : TaskText.normalize(owner));
        }
    }

    public static double score(Features a, Features b) {
        if (a.tokens().isEmpty() || b.tokens().isEmpty()) {
            return 0;
        }
        Set<String> small = a.tokens().size() <= b.tokens().size() ? a.tokens() : b.tokens();
        Set<String> large = small == a.tokens() ? b.tokens() : a.tokens();
        int shared = 0;
        for (String t : small) {
            if (large.contains(t)) {
                shared++;
            }
        }
        return score(a.tokens().size(), b.tokens().size(), shared, a.due(), b.due(), a.owner(), b.owner());
    }

    /** The score of two lines with {@code sizeA} and {@code sizeB} distinct tokens, {@code shared} of them in common. */
    static double score(int sizeA, int sizeB, int shared, LocalDate dueA, LocalDate dueB, String ownerA, String ownerB) {
        if (shared == 0 || sizeA == 0 || sizeB == 0) {
            return 0;
        }
        int smaller = Math.min(sizeA, sizeB);
        int union = sizeA + sizeB - shared;
        double overlap = (double) shared / smaller;
        double jaccard = (double) shared / union;
        double score = 0.7 * overlap + 0.3 * jaccard;
        if (shared < 2 && smaller > 1) {
            score -= 0.2;
        }
        score += agreement(dueA, dueB);
        score += agreement(ownerA, ownerB);
        return score;
    }

    /** +0.1 when both are known and equal, -0.1 when both are known and differ, 0 otherwise. */
    private static double agreement(Object x, Object y) {
        if (x == null || y == null) {
            return 0;
        }
        return Objects.equals(x, y) ? 0.1 : -0.1;
    }
}

package io.followup.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy one-to-one matching: the best-scoring pair first, then the best among what is left. */
final class Pairing {

    private Pairing() {
    }

    /** Returns {row, column} pairs whose score is at least {@code threshold}; ties go to the lower indexes. */
    static List<int[]> bestFirst(double[][] scores, double threshold) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores[i].length; j++) {
                if (scores[i][j] >= threshold) {
                    candidates.add(new double[] {scores[i][j], i, j});
                }
            }
        }
        candidates.sort(Comparator.<double[]>comparingDouble(c -> -c[0]).thenComparingDouble(c -> c[1]).thenComparingDouble(c -> c[2]));
        boolean[] rowUsed = new boolean[scores.length];
        boolean[] colUsed = new boolean[scores.length == 0 ? 0 : scores[0].length];
        List<int[]> pairs = new ArrayList<>();
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!rowUsed[i] && !colUsed[j]) {
                rowUsed[i] = true;
                colUsed[j] = true;
                pairs.add(new int[] {i, j});
            }
        }
        return pairs;
    }
}

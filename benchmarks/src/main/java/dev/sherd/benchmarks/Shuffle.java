package dev.sherd.benchmarks;

import java.util.Random;
import java.util.function.IntPredicate;

/** Fixed pseudo-random orders of row indexes, so every way asks for rows in the same order. */
final class Shuffle {

  private Shuffle() {}

  /** The indexes in {@code [0, n)} that {@code keep} accepts, shuffled with {@code seed}. */
  static int[] indexes(int n, IntPredicate keep, long seed) {
    int count = 0;
    int[] kept = new int[n];
    for (int i = 0; i < n; i++) {
      if (keep.test(i)) {
        kept[count++] = i;
      }
    }
    int[] result = java.util.Arrays.copyOf(kept, count);
    Random random = new Random(seed);
    for (int i = result.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = result[i];
      result[i] = result[j];
      result[j] = t;
    }
    return result;
  }
}

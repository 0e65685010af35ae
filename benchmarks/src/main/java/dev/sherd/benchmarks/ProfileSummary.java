package dev.sherd.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording (from {@code -prof jfr}) the way a hot-path review needs it: where
 * CPU samples are spent (self, and inclusive per method of the driver, pool and database), and
 * who allocates (by class, and by the first driver frame on the allocating stack).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.sherd.benchmarks.ProfileSummary
 * profile.jfr [top] [package-prefix]} (defaults: 25, {@code dev.sherd.}).
 */
public final class ProfileSummary {

  private ProfileSummary() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    String prefix = args.length > 2 ? args[2] : "dev.sherd.";
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> allocByClass = new HashMap<>();
    Map<String, Long> allocByFrame = new HashMap<>();
    Map<String, Long> allocBySite = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        String type = e.getEventType().getName();
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        List<RecordedFrame> frames = stack.getFrames();
        if (type.equals("jdk.ExecutionSample")) {
          if (!inWorker(e)) {
            continue;
          }
          samples++;
          self.merge(name(frames.get(0)), 1L, Long::sum);
          Set<String> seen = new HashSet<>();
          for (RecordedFrame f : frames) {
            String n = name(f);
            if (seen.add(n)) {
              inclusive.merge(n, 1L, Long::sum);
            }
          }
        } else if (type.equals("jdk.ObjectAllocationSample")) {
          long weight = e.getLong("weight");
          allocated += weight;
          allocByClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
          String first = null;
          for (RecordedFrame f : frames) {
            if (f.getMethod() != null && f.getMethod().getType().getName().startsWith(prefix)) {
              first = name(f) + ":" + f.getLineNumber();
              break;
            }
          }
          allocByFrame.merge(first == null ? "(no " + prefix + " frame)" : first, weight,
              Long::sum);
          allocBySite.merge(name(frames.get(0)) + ":" + frames.get(0).getLineNumber() + " ← "
              + (frames.size() > 1 ? name(frames.get(1)) : ""), weight, Long::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d CPU samples (benchmark and driver threads)%n", samples);
    print("self", self, samples, top, "");
    print("inclusive, " + prefix + "*", inclusive, samples, top, prefix);
    print("inclusive, com.zaxxer.hikari.*", inclusive, samples, 10, "com.zaxxer.hikari.");
    print("inclusive, org.h2.*", inclusive, samples, 10, "org.h2.");
    print("inclusive, java.*/jdk.*/sun.*", inclusive, samples, 15, "java");
    System.out.printf(Locale.ROOT, "%nallocation samples: %.1f MB (sampled weight)%n",
        allocated / 1e6);
    print("allocated bytes by class", allocByClass, allocated, top, "");
    print("allocated bytes by first " + prefix + " frame", allocByFrame, allocated, top, "");
    print("allocated bytes by allocating frame ← caller", allocBySite, allocated, top, "");
  }

  private static boolean inWorker(RecordedEvent e) {
    var thread = e.getThread("sampledThread");
    if (thread == null || thread.getJavaName() == null) {
      return true;
    }
    String n = thread.getJavaName();
    // JMH's worker threads and whatever the driver runs work on (scatter executor, pools)
    return !n.startsWith("JFR") && !n.contains("C2 ") && !n.contains("C1 ")
        && !n.startsWith("GC") && !n.equals("main");
  }

  private static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    if (m == null) {
      return "?";
    }
    String type = m.getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + m.getName() + "  ["
        + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + "]";
  }

  private static void print(String title, Map<String, Long> counts, long total, int top,
      String packagePrefix) {
    System.out.printf(Locale.ROOT, "%n-- %s --%n", title);
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.removeIf(en -> !packagePrefix.isEmpty() && !en.getKey().contains("["
        + packagePrefix.replaceAll("\\.$", "")));
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> en : entries.subList(0, Math.min(top, entries.size()))) {
      System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total),
          en.getKey());
    }
  }
}

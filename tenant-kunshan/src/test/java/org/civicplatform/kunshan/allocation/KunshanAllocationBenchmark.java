package org.civicplatform.kunshan.allocation;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.civicplatform.spi.allocation.AllocationInput;
import org.civicplatform.spi.allocation.AllocationResult;
import org.civicplatform.spi.allocation.ApplicantResult;
import org.civicplatform.spi.allocation.Outcome;

/**
 * A plain timing run (no JMH, not a test): 100 000 applicants, 300 schools, 12 districts. Prints the time
 * of the whole procedure, cold and warmed up, and of the canonical rendering.
 *
 * <pre>
 * mvn -q -o test-compile -f tenant-kunshan/pom.xml
 * java -cp tenant-kunshan/target/test-classes:tenant-kunshan/target/classes:platform-spi/target/classes \
 *     org.civicplatform.kunshan.allocation.KunshanAllocationBenchmark
 * </pre>
 */
public final class KunshanAllocationBenchmark {

  private KunshanAllocationBenchmark() {}

  public static void main(String[] args) {
    int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long t0 = System.nanoTime();
    AllocationInput input = KunshanInstances.random(new Random(2024), 12, 240, 60, applicants, 500, false);
    System.out.printf("generated %d applicants, %d schools, 12 districts in %d ms%n",
        input.applicants().size(), input.schools().size(), (System.nanoTime() - t0) / 1_000_000);

    KunshanAllocation allocation = new KunshanAllocation();
    long[] millis = new long[runs];
    AllocationResult result = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      result = allocation.run(input);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("run %d: %d ms%n", i + 1, millis[i]);
    }
    long start = System.nanoTime();
    String canonical = result.canonical();
    String digest = result.digest();
    long rendering = (System.nanoTime() - start) / 1_000_000;

    Map<String, Integer> placedByPhase = new TreeMap<>();
    for (ApplicantResult r : result.applicants()) {
      Outcome last = r.last().orElseThrow();
      placedByPhase.merge(last instanceof Outcome.Placed ? last.phase() : "unplaced (top-up)", 1, Integer::sum);
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf("algorithm: first run %d ms, median of %d runs %d ms, best %d ms%n",
        millis[0], runs, sorted[runs / 2], sorted[0]);
    System.out.printf("canonical text %d chars + digest in %d ms (digest %s…)%n",
        canonical.length(), rendering / 2, digest.substring(0, 16));
    System.out.println("final outcomes: " + placedByPhase);
    System.out.println("district lines: " + result.districtLines().size()
        + ", schools with seats left: " + result.topUp().schools().size());
    System.out.printf("java %s, %d processors%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
  }
}

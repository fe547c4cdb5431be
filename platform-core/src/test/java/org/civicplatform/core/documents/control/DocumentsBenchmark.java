package org.civicplatform.core.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicplatform.spi.form.DocumentSlot;

/**
 * Throughput and latency of the intake pipeline as an upload meets it after the multipart body is
 * spooled: virus signature scan, Tika detection, polyglot checks, PDF safety walk + text extraction or
 * image re-encoding + thumbnail, SHA-256 and AES-GCM encryption to a file. Not a test: run by hand
 * (see docs/benchmarks.md, "Documents"). Arguments: [threads] [seconds per workload] [mode: all|memory|pdf].
 */
public final class DocumentsBenchmark {

  record Sample(String name, byte[] content, DocumentSlot slot) {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String mode = args.length > 2 ? args[2] : "all";
    Path work = Files.createTempDirectory("documents-bench");
    long start = System.nanoTime();
    TypeDetector detector = new TypeDetector();
    System.out.printf("Tika detector created in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    Inspector inspector = new Inspector(detector, new SignatureScanner());
    byte[] key = new byte[32];
    new Random(1).nextBytes(key);
    ContentCipher cipher = new ContentCipher("bench", key);
    System.out.printf("JVM: %s, cores %d, max heap %d MB, threads %d%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, threads);

    if (mode.equals("memory")) {
      memory(inspector, cipher, work);
      return;
    }
    Sample jpeg = new Sample("200 KB JPEG", jpegOfAbout(200_000), HostileCorpus.IMAGES);
    Sample pdf = new Sample("1 MB PDF", SampleFiles.pdfOfSize(1_000_000, "Certificate 3205 8320 1800 0001"), HostileCorpus.ANY);
    for (Sample s : List.of(jpeg, pdf)) {
      System.out.printf("%s: %d bytes%n", s.name(), s.content().length);
    }
    if (mode.equals("pdf")) { // one workload alone, e.g. under a profiler
      run(pdf, inspector, cipher, work, threads, Math.max(3, seconds / 2)); // long enough for C2 (GHASH intrinsics)
      run(pdf, inspector, cipher, work, threads, seconds);
      return;
    }
    detection(detector, jpeg, pdf, work);
    for (Sample s : List.of(jpeg, pdf)) {
      run(s, inspector, cipher, work, threads, Math.max(3, seconds / 2)); // warm-up: long enough for C2 (GHASH intrinsics)
      run(s, inspector, cipher, work, threads, seconds);
    }
  }

  static void detection(TypeDetector detector, Sample jpeg, Sample pdf, Path work) throws IOException {
    Path a = Files.write(work.resolve("d1"), jpeg.content());
    Path b = Files.write(work.resolve("d2"), pdf.content());
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long t = System.nanoTime();
      detector.detect(i % 2 == 0 ? a : b);
      if (i >= 2_000) {
        times.add(System.nanoTime() - t);
      }
    }
    Collections.sort(times);
    System.out.printf("Tika detection alone (%d files): p50 %.3f ms, p99 %.3f ms%n", times.size(),
        times.get(times.size() / 2) / 1e6, times.get((int) (times.size() * 0.99)) / 1e6);
  }

  static void run(Sample sample, Inspector inspector, ContentCipher cipher, Path work, int threads, int seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<List<Long>>> futures = new ArrayList<>();
    long cpuBefore = processCpuNanos();
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        List<Long> latencies = new ArrayList<>();
        int n = 0;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          once(sample, inspector, cipher, work, thread + "-" + n++);
          latencies.add(System.nanoTime() - t0);
        }
        return latencies;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    double cpuMsPerUpload = (processCpuNanos() - cpuBefore) / 1e6 / all.size();
    pool.shutdown();
    Collections.sort(all);
    if (seconds > 3) {
      System.out.printf("%s: %d uploads in %.1f s = %.1f uploads/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          sample.name(), all.size(), elapsed, all.size() / elapsed, all.get(all.size() / 2) / 1e6,
          all.get((int) (all.size() * 0.99)) / 1e6, all.get(all.size() - 1) / 1e6);
      // CPU time does not depend on what else the machine runs: the capacity of otherwise idle cores
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf("%s: %.1f ms of CPU per upload (whole JVM: GC and JIT included) = %.1f uploads/s on %d idle cores%n",
          sample.name(), cpuMsPerUpload, cores * 1000 / cpuMsPerUpload, cores);
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** What the server does with one spooled upload before the database insert. */
  static void once(Sample sample, Inspector inspector, ContentCipher cipher, Path work, String id) throws IOException {
    Path upload = Files.write(work.resolve(id + ".upload"), sample.content());
    Path normalised = work.resolve(id + ".normalised");
    Path sealed = work.resolve(id + ".sealed");
    try {
      Inspector.Inspection inspection = inspector.inspect(upload, sample.slot(), normalised);
      ContentStore.sha256(inspection.stored());
      try (InputStream in = Files.newInputStream(inspection.stored()); OutputStream out = Files.newOutputStream(sealed)) {
        cipher.encrypt(in, out);
      }
      if (inspection.thumbnail() != null) {
        cipher.encrypt(inspection.thumbnail());
      }
    } finally {
      Files.deleteIfExists(upload);
      Files.deleteIfExists(normalised);
      Files.deleteIfExists(sealed);
    }
  }

  /** 20 uploads of 20 MB at once (run with -Xmx512m): they must all pass without running out of heap. */
  static void memory(Inspector inspector, ContentCipher cipher, Path work) throws Exception {
    DocumentSlot big = DocumentSlot.of("big", "大", "Big", DocumentSlot.IMAGES_OR_PDF, 25L << 20, 1, false);
    Sample pdf = new Sample("20 MB PDF", SampleFiles.pdfOfSize(20_000_000, "Certificate"), big);
    System.out.printf("%s: %d bytes; 20 concurrent uploads%n", pdf.name(), pdf.content().length);
    Path source = Files.write(work.resolve("source.pdf"), pdf.content());
    Sample onDisk = new Sample(pdf.name(), null, big);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Long>> futures = new ArrayList<>();
    long began = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      String id = "m" + i;
      futures.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        Path upload = Files.copy(source, work.resolve(id + ".upload"));
        try {
          Inspector.Inspection inspection = inspector.inspect(upload, onDisk.slot(), work.resolve(id + ".n"));
          ContentStore.sha256(inspection.stored());
          try (InputStream in = Files.newInputStream(inspection.stored());
              OutputStream out = Files.newOutputStream(work.resolve(id + ".sealed"))) {
            cipher.encrypt(in, out);
          }
        } finally {
          Files.deleteIfExists(upload);
          Files.deleteIfExists(work.resolve(id + ".sealed"));
        }
        return System.nanoTime() - t0;
      }));
    }
    long worst = 0;
    for (Future<Long> f : futures) {
      worst = Math.max(worst, f.get());
    }
    pool.shutdown();
    System.out.printf("20 x 20 MB concurrently: all passed in %.1f s (slowest %.1f s), max heap %d MB%n",
        (System.nanoTime() - began) / 1e9, worst / 1e9, Runtime.getRuntime().maxMemory() >> 20);
  }

  static byte[] jpegOfAbout(int bytes) {
    int side = 400;
    byte[] jpeg = SampleFiles.jpeg(side, side * 3 / 4, 11);
    while (jpeg.length < bytes * 0.95) {
      side += 40;
      jpeg = SampleFiles.jpeg(side, side * 3 / 4, 11);
    }
    return jpeg;
  }

  private DocumentsBenchmark() {}
}

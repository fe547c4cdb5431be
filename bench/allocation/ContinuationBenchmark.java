import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.civicplatform.core.allocation.control.AllocationEngine;
import org.civicplatform.core.allocation.control.RunStore;
import org.civicplatform.kunshan.KunshanTenant;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.flywaydb.core.Flyway;

/**
 * Benchmark: what a continuation run adds (second round, 二次志愿). On the data of AllocationBenchmark: a dry run
 * up to PUBLIC (marked published), then the full run with the same seed, then the check that the published
 * phases are reproduced applicant by applicant (RunStore.compare, as Allocations.start does). Prints the times.
 * Run by bench/continuation.sh.
 */
public class ContinuationBenchmark {

  public static void main(String[] args) throws Exception {
    int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path work = Path.of(System.getProperty("bench.dir", "target/continuation-bench")).toAbsolutePath();
    Folders.deleteRecursively(work);
    Method seedSql = Class.forName("AllocationBenchmark").getDeclaredMethod("seedSql", int.class);
    seedSql.setAccessible(true);
    try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("postgres"), 0)) {
      Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
          .locations("classpath:db/migration").load().migrate();
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute((String) seedSql.invoke(null, applicants));
        s.execute("vacuum analyze");
      }
      KunshanTenant tenant = new KunshanTenant();
      String seed = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        AllocationEngine.Stored partial = AllocationEngine.dryRun(c, tenant,
            new AllocationEngine.Request("kunshan", 2024, "PRIMARY", "PUBLIC", seed, "GIVEN", "bench"), Instant.now());
        c.commit();
        long t1 = System.nanoTime();
        RunStore.Run published = RunStore.run(c, "kunshan", partial.runId(), true).orElseThrow();
        RunStore.publish(c, published, "bench", Instant.now());
        c.commit();
        long t2 = System.nanoTime();
        AllocationEngine.Stored full = AllocationEngine.dryRun(c, tenant,
            new AllocationEngine.Request("kunshan", 2024, "PRIMARY", null, seed, "CONTINUED", "bench"), Instant.now());
        long t3 = System.nanoTime();
        List<String> phases = published.phases();
        RunStore.Comparison compared = RunStore.compare(c, published.id(), full.runId(), phases);
        long t4 = System.nanoTime();
        c.commit();
        System.out.printf("%d applicants | run up to PUBLIC %d ms | full continuation run %d ms | compare %s for %d"
            + " applicants: %d changed, %d ms | load average %.1f%n", partial.applicants(), (t1 - t0) / 1_000_000,
            (t3 - t2) / 1_000_000, phases, compared.checked(), compared.changed().size(), (t4 - t3) / 1_000_000,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }
  }
}

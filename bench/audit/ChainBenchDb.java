import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.civicplatform.core.audit.control.AuditSealer;
import org.flywaydb.core.Flyway;

/**
 * For bench/audit-chain.sh: a fresh embedded PostgreSQL (fsync on) with the platform's schema on port args[0];
 * prints READY, then — while the shell runs pgbench — seals schema pgbench's audit rows every second with the
 * platform's own sealer (AuditSealer.seal) when the file args[1] exists, as every node's schedule does; stops
 * when stdin closes and prints how many rows it sealed.
 */
public class ChainBenchDb {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path sealFlag = Path.of(args[1]);
    Path work = Path.of(System.getProperty("bench.dir", "target/audit-chain-bench")).toAbsolutePath();
    Folders.deleteRecursively(work);
    try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("postgres"), port)) {
      Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
          .locations("classpath:db/migration").load().migrate();
      long[] sealed = {0};
      Thread sealer = new Thread(() -> {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
          s.execute("set search_path = pgbench, public");
          c.setAutoCommit(false);
          while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(1000);
            if (java.nio.file.Files.exists(sealFlag)) {
              try {
                int n = AuditSealer.seal(c, false);
                c.commit();
                sealed[0] += Math.max(n, 0);
              } catch (java.sql.SQLException e) {
                System.err.println("sealer: " + e.getMessage()); // e.g. while the schema is set up again
                c.rollback();
              }
            }
          }
        } catch (InterruptedException e) {
          // stopping
        } catch (Exception e) {
          e.printStackTrace();
        }
      }, "sealer");
      sealer.setDaemon(true);
      sealer.start();
      System.out.println("READY " + db.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the shell to close stdin
      }
      sealer.interrupt();
      sealer.join(5000);
      System.out.println("SEALED " + sealed[0]);
    }
  }
}
